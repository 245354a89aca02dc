#!/usr/bin/env bash
# Builds vitrine studio (studio/, package vitrine-studio: the publishers' page, with vitrine's
# extractor compiled to wasm) into studio/pkg/. The widget's own bundle (pkg/) is built by
# scripts/build.sh, which calls this script; the studio's preview embeds that bundle.
# Usage: bash scripts/build-studio.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown -p vitrine-studio
mkdir -p studio/pkg
rm -f studio/pkg/vitrine_studio*
wasm-bindgen --target web --no-typescript --remove-producers-section \
  --out-name vitrine_studio --out-dir studio/pkg "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/vitrine_studio.wasm"
echo "studio/pkg/ built:"
node scripts/sizes.mjs studio/pkg/vitrine_studio.js studio/pkg/vitrine_studio_bg.wasm
