#!/usr/bin/env bash
# Builds the deployable bundle into pkg/: vitrine.js (the classic-script loader), the wasm-bindgen
# glue module and the .wasm beside it. Serving pkg/ from any static host is the whole deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cargo build --release --lib --target wasm32-unknown-unknown
mkdir -p pkg
rm -f pkg/vitrine_core*
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name vitrine_core --out-dir pkg target/wasm32-unknown-unknown/release/vitrine.wasm
cp src/embed/loader.js pkg/vitrine.js

echo "pkg/ built:"
node scripts/sizes.mjs pkg/vitrine.js pkg/vitrine_core.js pkg/vitrine_core_bg.wasm
