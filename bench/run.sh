#!/usr/bin/env bash
# The benchmark (issues #5 and #17): builds the bundle and the CLI, generates the corpora, ingests them, then
# measures the widget and the vanilla yardstick in headless Chromium, unthrottled and as a phone
# sees it, and prints the figures next to the targets. The last
# results go to bench/results/latest.json (+ a dated copy). Figures are printed, never asserted.
#
#   bash bench/run.sh                 N = 5 (the seeds in the wasm), 1,000 and 10,000
#   bash bench/run.sh --quick         N = 5 and 1,000 only (on both profiles)
#   bash bench/run.sh --n 5,2000      any list of N (5 = the seeds bundled in the wasm)
#   bash bench/run.sh --pkg pkg       measure an already built bundle (inside the repository)
#   other options go to bench/bench.mjs: --loads K, --reps K, --toggles K, --ops K, --ingest-runs K,
#   --out DIR (where results go; default bench/results), --mobile off (skip the mobile profile)
#
# CARGO_TARGET_DIR is honoured (default: target/, as scripts/build.sh). Generated files live in
# bench/work/ (git-ignored). GEN_CORPUS overrides the generator (default ../shared/bench/gen_corpus.py).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

NS="5,1000,10000"
PKG=""
PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) NS="5,1000" ;;
    --n) NS="${2:?--n needs a list, e.g. 5,1000}"; shift ;;
    --pkg) PKG="${2:?--pkg needs a directory}"; shift ;;
    --loads|--reps|--toggles|--ops|--ingest-runs|--out|--mobile) PASS+=("$1" "${2:?$1 needs a value}"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ! [[ "$NS" =~ ^[0-9]+(,[0-9]+)*$ ]]; then
  echo "bench/run.sh: --n: expected numbers separated by commas, got '$NS'" >&2
  exit 2
fi
IFS=',' read -r -a ALL <<< "$NS"
for n in "${ALL[@]}"; do
  if [ "$n" -lt 5 ]; then
    echo "bench/run.sh: --n: $n is below 5; the smallest case is N = 5, the seeds bundled in the wasm" >&2
    exit 2
  fi
done

WORK=bench/work
GEN="${GEN_CORPUS:-../shared/bench/gen_corpus.py}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
mkdir -p "$WORK"

bash scripts/setup.sh --browser

# The bundle, built by scripts/build.sh into bench/work/pkg so pkg/ is left alone.
if [ -z "$PKG" ]; then
  echo "bench: building the bundle (release, wasm32) into $WORK/pkg"
  rm -rf "$WORK/pkg"
  bash scripts/build.sh "$WORK/pkg"
  PKG="$WORK/pkg"
fi

# The CLI and the corpora, for every N above the five seeds.
BIG=()
for n in "${ALL[@]}"; do if [ "$n" -gt 5 ]; then BIG+=("$n"); fi; done
if [ ${#BIG[@]} -gt 0 ]; then
  if [ ! -f "$GEN" ]; then
    echo "bench/run.sh: corpus generator not found at $GEN (set GEN_CORPUS)" >&2
    exit 1
  fi
  echo "bench: building the vitrine CLI (profile cli, as the README builds it)"
  cargo build --profile cli --bin vitrine
  stamp="$(sha256sum "$GEN" | cut -c1-16)"
  for n in "${BIG[@]}"; do
    txt="$WORK/corpus/txt-$n"
    json="$WORK/corpus/jobs-$n.json"
    if [ "$(cat "$txt/.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$json" ]; then
      echo "bench: generating the corpus N = $n"
      rm -rf "$txt" "$json"
      python3 "$GEN" --n "$n" --txt "$txt" >/dev/null
      python3 "$GEN" --n "$n" --out "$json" >/dev/null
      echo "$stamp" > "$txt/.stamp"
    fi
  done
fi

exec node bench/bench.mjs --pkg "$PKG" --cli "$CARGO_TARGET_DIR/cli/vitrine" --ns "$NS" "${PASS[@]}"
