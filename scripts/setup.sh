#!/usr/bin/env bash
# Installs, when missing, what building and testing vitrine need: the wasm32 target, the standard
# library's sources (rust-src, for the widget's size build in build.sh), the exact wasm-bindgen CLI
# the crate pins, and (with --browser) Debian's Chromium + ChromeDriver and the
# npm packages of the end-to-end suite. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  # Not fatal: without it scripts/build.sh falls back to the standard build and says so.
  echo "setup: adding rust-src (the standard library's sources, for the widget's size build)"
  rustup component add rust-src || echo "setup: rust-src could not be installed; build.sh will make the standard build" >&2
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "setup: installing Debian's chromium and chromium-driver"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing the end-to-end suite's npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
