#!/usr/bin/env bash
# Builds pkg/ and serves the demo on 127.0.0.1 (page on PORT, default 8000; the bundle is also
# served from ASSET_PORT, default 8001, for the cross-origin example). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
PORT="${PORT:-8000}"
ASSET_PORT="${ASSET_PORT:-8001}"
echo
echo "vitrine demo: http://127.0.0.1:$PORT/   (Ctrl-C to stop)"
echo "  other origin: http://127.0.0.1:$PORT/examples/cross-origin.html"
echo "  two widgets:  http://127.0.0.1:$PORT/examples/two-widgets.html"
echo "  studio:       http://127.0.0.1:$PORT/studio/   (publishers: add, review and publish offers)"
exec python3 scripts/serve.py --port "$PORT" --asset-port "$ASSET_PORT"
