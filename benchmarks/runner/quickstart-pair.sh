#!/usr/bin/env bash
# 1 -> 2 workers on the quickstart matrix's 12 training cells, one thread per cell (figures in benchmarks/README.md,
# "Matrix runner"): `harness run --workers W --threads 1` alternated W = 1, 2 for ROUNDS rounds on a warm cache
# (the dataset is built and probed before the first timed run), each run into a fresh folder; then checks that
# every cell's metrics.parquet is byte-identical between the two worker counts.
# Usage: HARNESS_BIN=path/to/published/harness bash benchmarks/runner/quickstart-pair.sh [ROUNDS]   (default 1)
# One round takes about a minute on the 2-core machine; run each round under /work/quiet.sh on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1}
H=${HARNESS_BIN:?set HARNESS_BIN to a published harness (dotnet publish src/Harness.Cli -c Release -o DIR)}
spec=benchmarks/matrices/quickstart.yaml
export HARNESS_CACHE=${HARNESS_CACHE:-$(mktemp -d /tmp/harness-bench-cache.XXXXXX)}
export HARNESS_PLUGINS=
work=$(mktemp -d /tmp/harness-qs-pair.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
"$H" plan "$spec" >/dev/null   # builds the dataset into the cache and fills the probe cache (not timed)
for i in $(seq "$rounds"); do
  for w in 1 2; do
    rm -rf "$work/w$w"
    t0=$(now); "$H" run "$spec" --out "$work/w$w" --workers "$w" --threads 1 >/dev/null; t1=$(now)
    printf 'round %s workers %s: %.2f s\n' "$i" "$w" "$(echo "$t1 - $t0" | bc -l)"
  done
done
same=yes
for f in "$work"/w1/cells/*/metrics.parquet; do
  cmp -s "$f" "$work/w2/cells/$(basename "$(dirname "$f")")/metrics.parquet" || same=no
done
echo "metrics.parquet identical between workers 1 and 2: $same ($(ls "$work"/w1/cells | wc -l) cells)"
