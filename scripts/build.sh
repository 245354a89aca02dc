#!/usr/bin/env bash
# Builds the deployable bundle into pkg/: vitrine.js (the classic-script loader), the wasm-bindgen
# glue module and the .wasm beside it, and package.json (pkg/ is an npm package, so public CDNs can
# serve it). Serving pkg/ from any static host is the whole deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cargo build --release --lib --target wasm32-unknown-unknown
mkdir -p pkg
rm -f pkg/vitrine_core*
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name vitrine_core --out-dir pkg "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/vitrine.wasm"
cp src/embed/loader.js pkg/vitrine.js
# The loader gets the sha384 of the glue and the wasm (it checks both); pkg/package.json is written.
node scripts/package.mjs stamp

echo "pkg/ built:"
node scripts/sizes.mjs pkg/vitrine.js pkg/vitrine_core.js pkg/vitrine_core_bg.wasm
# The <script> tags to paste, with the integrity of this exact build.
node scripts/package.mjs snippets
