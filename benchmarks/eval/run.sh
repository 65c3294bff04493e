#!/usr/bin/env bash
# Benchmark of `harness eval` on the large generated pair (5,000 queries x 1,000 docs = 5M run lines, ~20 graded
# judgments per query, score ties everywhere, numeric query ids so strcmp order differs from numeric order).
#
#   benchmarks/eval/run.sh            # publish, generate (once), warm up, then time
#   RUNS=20 WORK=/tmp/x benchmarks/eval/run.sh
#
# Times the published CLI (dotnet publish src/Harness.Cli -c Release, ReadyToRun) running
#   harness eval -q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 QRELS RUN > /dev/null
# with /usr/bin/time -v (wall clock, peak RSS) for each run, and with hyperfine when it is installed
# (apt-get install -y hyperfine). Results go to $WORK/results.txt; copy the figures into benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/harness-eval-bench}
RUNS=${RUNS:-10}
PUB="$WORK/harness"
DATA="$WORK/data"
mkdir -p "$WORK"

echo "== publish harness (Release) -> $PUB"
dotnet publish "$ROOT/src/Harness.Cli" -c Release -o "$PUB" -v quiet -nologo > "$WORK/publish.log"

if [[ ! -s "$DATA/bench.run" || ! -s "$DATA/bench.qrels" ]]; then
  echo "== generate the 5M-line pair -> $DATA"
  dotnet run -c Release --project "$ROOT/benchmarks/Harness.Benchmarks.EvalData" -- "$DATA" 5000 1000 20261124
fi
ls -l "$DATA"
echo "run sha256: $(sha256sum "$DATA/bench.run" | cut -c1-16)  qrels sha256: $(sha256sum "$DATA/bench.qrels" | cut -c1-16)"

CMD=("$PUB/harness" eval -q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 "$DATA/bench.qrels" "$DATA/bench.run")
echo "== command: ${CMD[*]} > /dev/null"

# Warm-up (page cache) and an output fingerprint (deterministic: same bytes every run).
"${CMD[@]}" > "$WORK/out.txt"
echo "output: $(wc -l < "$WORK/out.txt") lines, sha256 $(sha256sum "$WORK/out.txt" | cut -c1-16)"

: > "$WORK/results.txt"
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -v "${CMD[@]}" > /dev/null 2> "$WORK/time.txt"
  wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$WORK/time.txt" | awk '{print $NF}')
  echo "run $i: wall $wall  peak RSS $((rss / 1024)) MB" | tee -a "$WORK/results.txt"
done

python3 - "$WORK/results.txt" <<'PY'
import re, statistics, sys
walls, rss = [], []
for line in open(sys.argv[1]):
    m = re.search(r"wall (?:(\d+):)?([\d.]+)\s+peak RSS (\d+) MB", line)
    if m:
        walls.append(float(m.group(1) or 0) * 60 + float(m.group(2)))
        rss.append(int(m.group(3)))
print(f"/usr/bin/time -v over {len(walls)} runs: wall min {min(walls):.2f} s, median {statistics.median(walls):.2f} s, max {max(walls):.2f} s; peak RSS max {max(rss)} MB")
PY

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "$RUNS" --output=null "$(printf '%q ' "${CMD[@]}")"
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)"
