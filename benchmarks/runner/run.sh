#!/usr/bin/env bash
# Matrix runner benchmarks (figures in benchmarks/README.md):
#   1. per-cell overhead: wall time of `harness cell` minus the time its pipeline reports (dataset, retrieve, rerank,
#      evaluate), i.e. process start + plugin load + planning from the cached dataset probe + writing the files;
#      also `harness --version` (bare process start) and `harness plan` (plugin load + plan) on their own;
#   2. worker speed-up: the same 8-cell matrix with --workers 1 and --workers 2, one thread per cell, alternated.
# Usage: bash benchmarks/runner/run.sh [REPEATS]   (builds src/Harness.Cli, Release unless CONFIG=Debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}
config=${CONFIG:-Release}
if [ -n "${HARNESS_BIN:-}" ]; then
  H=$HARNESS_BIN   # an already built harness (for example a copy of the build folder)
else
  dotnet build src/Harness.Cli/Harness.Cli.csproj -c "$config" -v q >/dev/null
  H=$PWD/src/Harness.Cli/bin/$config/net10.0/linux-x64/harness
fi
spec=benchmarks/runner/tiny.yaml
export HARNESS_CACHE=${HARNESS_CACHE:-$(mktemp -d /tmp/harness-bench-cache.XXXXXX)}
export HARNESS_PLUGINS=
work=$(mktemp -d /tmp/harness-bench.XXXXXX)
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

"$H" plan "$spec" >/dev/null   # fills the dataset probe cache
cell=$("$H" plan "$spec" | sed -n 3p | cut -c1-16)

echo "== per-cell overhead ($repeats runs, cell $cell)"
: > "$work/version"; : > "$work/plan"; : > "$work/overhead"; : > "$work/wall"
for i in $(seq "$repeats"); do
  t0=$(now); "$H" --version >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l >> "$work/version"
  t0=$(now); "$H" plan "$spec" >/dev/null; t1=$(now); echo "$t1 - $t0" | bc -l >> "$work/plan"
  # the cell process as `harness run --threads 1` starts it (ChildProcessCellExecutor.RuntimeSettings)
  rm -rf "$work/o"; t0=$(now); DOTNET_TieredPGO=0 DOTNET_PROCESSOR_COUNT=1 "$H" cell "$spec" --id "$cell" --out "$work/o" --threads 1 >/dev/null; t1=$(now)
  wall=$(echo "$t1 - $t0" | bc -l)
  pipeline=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(sum(m['timings']['seconds'].values()))" "$work/o/cells/$cell/manifest.json")
  echo "$wall" >> "$work/wall"; echo "$wall - $pipeline" | bc -l >> "$work/overhead"
done
printf 'harness --version: %.2f s (median)\n' "$(median < "$work/version")"
printf 'harness plan (plugin load + plan, cached dataset probe): %.2f s\n' "$(median < "$work/plan")"
printf 'harness cell wall: %.2f s; overhead (wall - pipeline stages): %.2f s\n' "$(median < "$work/wall")" "$(median < "$work/overhead")"

echo "== 1 -> 2 workers (8 cells, 1 thread per cell, alternated, $repeats rounds)"
: > "$work/w1"; : > "$work/w2"
for i in $(seq "$repeats"); do
  for w in 1 2; do
    rm -rf "$work/m$w"; t0=$(now); "$H" run "$spec" --out "$work/m$w" --workers "$w" --threads 1 >/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc -l >> "$work/w$w"
  done
done
w1=$(median < "$work/w1"); w2=$(median < "$work/w2")
printf 'workers 1: %.1f s, workers 2: %.1f s, speed-up %.2fx (nproc %s, load %s)\n' "$w1" "$w2" "$(echo "$w1 / $w2" | bc -l)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
