#!/usr/bin/env bash
# Runs every test: native (model, ingest, catalogue, CLI), components in headless Chromium
# (wasm-bindgen-test), and the end-to-end suite (Playwright + Chromium against loopback pages).
# Installs what is missing first (wasm target, wasm-bindgen CLI, Chromium, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "== native tests"
cargo test --quiet
# vitrine studio's pure parts (reducer, review fields, storage, publish/open).
cargo test --quiet -p vitrine-studio

echo "== component tests (wasm32, headless Chromium)"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
cargo test --target wasm32-unknown-unknown --test components
(cd studio && cargo test --target wasm32-unknown-unknown --test components)

echo "== bundle"
bash scripts/build.sh

echo "== end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/
