#!/usr/bin/env bash
# Side-by-side benchmark of `harness eval` and NIST trec_eval 10.0 (built here with -O2 from its source tarball) on the
# large generated pair (5,000 queries x 1,000 docs = 5M run lines, ~20 graded judgments per query, score ties
# everywhere, numeric query ids so strcmp order differs from numeric order).
#
#   benchmarks/eval/run.sh            # publish, build trec_eval -O2, generate (once), check same bytes, then time
#   RUNS=10 WORK=/tmp/x TREC_EVAL_TARBALL=/path/trec_eval-10.0.tar.gz benchmarks/eval/run.sh
#
# Both run the same command, alternating (harness, trec_eval, harness, ...) so that load from other processes on a
# shared machine falls on both alike:
#   PROGRAM -q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 QRELS RUN > /dev/null
# Each run is timed with /usr/bin/time -v (wall clock, peak RSS). Results: $WORK/results.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/harness-eval-bench}
RUNS=${RUNS:-5}
TARBALL=${TREC_EVAL_TARBALL:-$ROOT/../shared/tools/trec_eval-10.0.tar.gz}
PUB="$WORK/harness"
DATA="$WORK/data"
TE="$WORK/trec_eval-10.0/trec_eval"
mkdir -p "$WORK"

echo "== publish harness (Release, ReadyToRun) -> $PUB"
dotnet publish "$ROOT/src/Harness.Cli" -c Release -o "$PUB" -v quiet -nologo > "$WORK/publish.log"

if [[ ! -x "$TE" ]]; then
  echo "== build trec_eval 10.0 with -O2 from $TARBALL"
  tar xzf "$TARBALL" -C "$WORK"
  # The Makefile's own CFLAGS use clang-only warning flags that gcc rejects (shared/tools/README.md).
  make -C "$WORK/trec_eval-10.0" CFLAGS='-O2 -g -I. -w -DVERSIONID=\"10.0-rc3\"' > "$WORK/trec_eval-build.log" 2>&1
fi

if [[ ! -s "$DATA/bench.run" || ! -s "$DATA/bench.qrels" ]]; then
  echo "== generate the 5M-line pair -> $DATA"
  dotnet run -c Release --project "$ROOT/benchmarks/Harness.Benchmarks.EvalData" -- "$DATA" 5000 1000 20261124
fi
ls -l "$DATA"
echo "run sha256: $(sha256sum "$DATA/bench.run" | cut -c1-16)  qrels sha256: $(sha256sum "$DATA/bench.qrels" | cut -c1-16)"

ARGS=(-q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 "$DATA/bench.qrels" "$DATA/bench.run")
HARNESS=("$PUB/harness" eval "${ARGS[@]}")
TREC_EVAL=("$TE" "${ARGS[@]}")
echo "== commands (stdout to /dev/null):"
echo "   ${HARNESS[*]}"
echo "   ${TREC_EVAL[*]}"

# Warm-up (page cache) and the same-bytes check.
"${HARNESS[@]}" > "$WORK/out.harness.txt"
"${TREC_EVAL[@]}" > "$WORK/out.trec_eval.txt"
if cmp -s "$WORK/out.harness.txt" "$WORK/out.trec_eval.txt"; then
  echo "output: identical, $(wc -l < "$WORK/out.harness.txt") lines, sha256 $(sha256sum "$WORK/out.harness.txt" | cut -c1-16)"
else
  echo "OUTPUTS DIFFER:"; diff "$WORK/out.harness.txt" "$WORK/out.trec_eval.txt" | head -20; exit 1
fi

: > "$WORK/results.txt"
for i in $(seq 1 "$RUNS"); do
  for who in harness trec_eval; do
    if [[ $who == harness ]]; then cmd=("${HARNESS[@]}"); else cmd=("${TREC_EVAL[@]}"); fi
    /usr/bin/time -v "${cmd[@]}" > /dev/null 2> "$WORK/time.txt"
    wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$WORK/time.txt" | awk '{print $NF}')
    user=$(grep "User time" "$WORK/time.txt" | awk '{print $NF}')
    sys=$(grep "System time" "$WORK/time.txt" | awk '{print $NF}')
    echo "run $i $who: wall $wall  user $user  sys $sys  peak RSS $((rss / 1024)) MB" | tee -a "$WORK/results.txt"
  done
done

python3 - "$WORK/results.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.search(r"run \d+ (\S+): wall (?:(\d+):)?([\d.]+)\s+user ([\d.]+)\s+sys ([\d.]+)\s+peak RSS (\d+) MB", line)
    if m:
        r = rows.setdefault(m.group(1), {"wall": [], "cpu": [], "rss": []})
        r["wall"].append(float(m.group(2) or 0) * 60 + float(m.group(3)))
        r["cpu"].append(float(m.group(4)) + float(m.group(5)))
        r["rss"].append(int(m.group(6)))
for who, r in rows.items():
    print(f"{who:9s}: wall median {statistics.median(r['wall']):.2f} s (min {min(r['wall']):.2f}, max {max(r['wall']):.2f}), "
          f"cpu median {statistics.median(r['cpu']):.2f} s, peak RSS max {max(r['rss'])} MB, {len(r['wall'])} runs")
h, t = rows["harness"], rows["trec_eval"]
print(f"ratio trec_eval / harness: wall {statistics.median(t['wall']) / statistics.median(h['wall']):.1f}x (medians), "
      f"cpu {statistics.median(t['cpu']) / statistics.median(h['cpu']):.1f}x")
PY
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), gcc $(gcc -dumpversion), load $(cut -d' ' -f1-3 /proc/loadavg)"
