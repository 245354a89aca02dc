#!/usr/bin/env bash
# Builds the deployable bundle into pkg/: vitrine.js (the classic-script loader), the wasm-bindgen
# glue module and the .wasm beside it, and package.json (pkg/ is an npm package, so public CDNs can
# serve it). Serving pkg/ from any static host is the whole deployment.
# Usage: bash scripts/build.sh [OUT_DIR]   (default pkg; the benchmark builds into its own folder)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-pkg}"
bash scripts/setup.sh

cargo build --release --lib --target wasm32-unknown-unknown
mkdir -p "$OUT"
rm -f "$OUT"/vitrine_core*
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name vitrine_core --out-dir "$OUT" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/vitrine.wasm"
cp src/embed/loader.js "$OUT/vitrine.js"
# The loader gets the sha384 of the glue and the wasm (it checks both); package.json is written.
node scripts/package.mjs stamp --dir "$OUT"

echo "$OUT/ built:"
node scripts/sizes.mjs "$OUT/vitrine.js" "$OUT/vitrine_core.js" "$OUT/vitrine_core_bg.wasm"
# The <script> tags to paste, with the integrity of this exact build.
if [ "$OUT" = pkg ]; then node scripts/package.mjs snippets; fi
# vitrine studio (studio/pkg/), the publishers' page; its preview embeds pkg/.
if [ "$OUT" = pkg ]; then bash scripts/build-studio.sh; fi
