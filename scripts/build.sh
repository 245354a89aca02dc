#!/usr/bin/env bash
# Builds the deployable bundle into pkg/: vitrine.js (the classic-script loader), the wasm-bindgen
# glue module and the .wasm beside it, and package.json (pkg/ is an npm package, so public CDNs can
# serve it). Serving pkg/ from any static host is the whole deployment. It also owns the choice of
# the widget's size build (below) and its fallback to the standard build.
# Usage: bash scripts/build.sh [OUT_DIR]   (default pkg; the benchmark builds into its own folder)
#        VITRINE_STANDARD_BUILD=1 bash scripts/build.sh   skips the size build
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-pkg}"
bash scripts/setup.sh
TARGET="${CARGO_TARGET_DIR:-target}"

# The size build (issue #17): the standard library is compiled again with the widget
# (-Zbuild-std, from the toolchain's rust-src), so that:
#   -Cpanic=immediate-abort   a panic is the wasm trap `unreachable` at once, without the panic
#                             machinery and its message formatting (the release profile already
#                             aborts: a panic was that same trap after a message nobody reads in
#                             production; Yew's console hook is then never called);
#   -Zlocation-detail=none    panics and #[track_caller] carry no file names and lines;
#   -Zfmt-debug=none          `{:?}` formats nothing (the widget shows no Debug output).
# These are unstable flags. They are enabled with RUSTC_BOOTSTRAP=1 on the machine's stable
# toolchain rather than with a nightly: one compiler builds and tests everything (native tests,
# component tests, studio, widget), nothing more to download than rust-src, and the flags cannot
# change under us until that toolchain does. When they do, or rust-src is missing, this build
# fails and the standard release build below is used instead, with a message: the bundle is then
# larger (about 11 kB brotli when this was written) and otherwise the same. It builds in its own target folder
# ($TARGET/size), so switching between the two never rebuilds the other.
SIZE_FLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
WASM=""
if [ "${VITRINE_STANDARD_BUILD:-}" = 1 ]; then
  echo "build.sh: VITRINE_STANDARD_BUILD=1: standard release build"
elif [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  echo "build.sh: rust-src is not installed (rustup component add rust-src): standard release build" \
    "(a larger bundle, otherwise the same)" >&2
elif RUSTC_BOOTSTRAP=1 RUSTFLAGS="$SIZE_FLAGS" CARGO_TARGET_DIR="$TARGET/size" \
    cargo build --release --lib --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort; then
  WASM="$TARGET/size/wasm32-unknown-unknown/release/vitrine.wasm"
else
  echo "build.sh: the size build (-Zbuild-std with $SIZE_FLAGS) failed on this toolchain:" \
    "standard release build instead (a larger bundle, otherwise the same)" >&2
fi
if [ -z "$WASM" ]; then
  cargo build --release --lib --target wasm32-unknown-unknown
  WASM="$TARGET/wasm32-unknown-unknown/release/vitrine.wasm"
fi

# Every file is made in a folder beside OUT, then moved in: OUT is never left half built.
STAGE="$OUT.partial"
rm -rf "$STAGE"
mkdir -p "$STAGE"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-name vitrine_core --out-dir "$STAGE" "$WASM"
cp src/embed/loader.js "$STAGE/vitrine.js"
# The loader gets the sha384 of the glue and the wasm (it checks both); package.json is written.
node scripts/package.mjs stamp --dir "$STAGE"
mkdir -p "$OUT"
rm -f "$OUT"/vitrine_core*
mv "$STAGE"/vitrine_core.js "$STAGE"/vitrine_core_bg.wasm "$STAGE"/package.json "$OUT"/
mv "$STAGE"/vitrine.js "$OUT"/vitrine.js
rmdir "$STAGE"

echo "$OUT/ built:"
node scripts/sizes.mjs "$OUT/vitrine.js" "$OUT/vitrine_core.js" "$OUT/vitrine_core_bg.wasm"
# The <script> tags to paste, with the integrity of this exact build.
if [ "$OUT" = pkg ]; then node scripts/package.mjs snippets; fi
# vitrine studio (studio/pkg/), the publishers' page; its preview embeds pkg/.
if [ "$OUT" = pkg ]; then bash scripts/build-studio.sh; fi
