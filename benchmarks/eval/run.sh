#!/usr/bin/env bash
# Side-by-side benchmark of `harness eval` and NIST trec_eval 10.0 (built here with -O2 from its source tarball) on the
# large generated pair (5,000 queries x 1,000 docs = 5M run lines, ~20 graded judgments per query, score ties
# everywhere, numeric query ids so strcmp order differs from numeric order).
#
#   benchmarks/eval/run.sh            # publish, build trec_eval -O2, generate (once), check same bytes, then time
#   RUNS=10 WORK=/tmp/x TREC_EVAL_TARBALL=/path/trec_eval-10.0.tar.gz benchmarks/eval/run.sh
#   PUBLISH=0 BEFORE=/tmp/old/harness /work/quiet.sh benchmarks/eval/run.sh   # a timing sitting only (no build in it),
#                                     # with an older harness build in the rotation for a before/after in one sitting
#
# Both run the same command, alternating (harness, trec_eval, harness, ...; with BEFORE: before, harness, trec_eval,
# ...) so that load from other processes on a shared machine falls on all alike:
#   PROGRAM -q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 QRELS RUN > /dev/null
# Each run is timed with /usr/bin/time -v (wall clock, peak RSS) and starts once the machine has been at least 90 %
# idle for half a second (at most 5 s of waiting; IDLE_WAIT=0 turns that off). Results: $WORK/results.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/harness-eval-bench}
RUNS=${RUNS:-5}
TARBALL=${TREC_EVAL_TARBALL:-$ROOT/../shared/tools/trec_eval-10.0.tar.gz}
PUB="$WORK/harness"
DATA="$WORK/data"
TE="$WORK/trec_eval-10.0/trec_eval"
mkdir -p "$WORK"

BEFORE=${BEFORE:-}
if [[ ${PUBLISH:-1} != 0 ]]; then
  echo "== publish harness (Release, ReadyToRun) -> $PUB"
  dotnet publish "$ROOT/src/Harness.Cli" -c Release -o "$PUB" -v quiet -nologo > "$WORK/publish.log"
elif [[ ! -x "$PUB/harness" ]]; then
  echo "PUBLISH=0 but there is no $PUB/harness: run once without PUBLISH=0" >&2; exit 2
fi

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
WHO=(harness trec_eval)
if [[ -n $BEFORE ]]; then
  echo "   before: $BEFORE"
  "$BEFORE" eval "${ARGS[@]}" > "$WORK/out.before.txt"
  cmp "$WORK/out.before.txt" "$WORK/out.trec_eval.txt" || { echo "BEFORE's output differs"; exit 1; }
  WHO=(before harness trec_eval)
fi

# Wait (at most 5 s) until the machine has been >= 90 % idle over half a second: a run should not start while
# something else still holds a core (e.g. processes not yet stopped at the start of a quiet.sh sitting).
wait_idle() {
  [[ ${IDLE_WAIT:-1} == 0 ]] && return
  local k a b idle total j
  for k in $(seq 10); do
    a=($(head -1 /proc/stat)); sleep 0.5; b=($(head -1 /proc/stat))
    idle=$((b[4] - a[4])); total=0
    for j in 1 2 3 4 5 6 7 8; do total=$((total + b[j] - a[j])); done
    (( idle * 100 >= total * 90 )) && return
  done
}

: > "$WORK/results.txt"
for i in $(seq 1 "$RUNS"); do
  for who in "${WHO[@]}"; do
    case $who in
      harness) cmd=("${HARNESS[@]}") ;;
      before) cmd=("$BEFORE" eval "${ARGS[@]}") ;;
      *) cmd=("${TREC_EVAL[@]}") ;;
    esac
    wait_idle
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
if "before" in rows:
    b = rows["before"]
    print(f"ratio trec_eval / before:  wall {statistics.median(t['wall']) / statistics.median(b['wall']):.1f}x (medians), "
          f"cpu {statistics.median(t['cpu']) / statistics.median(b['cpu']):.1f}x")
PY
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), gcc $(gcc -dumpversion), load $(cut -d' ' -f1-3 /proc/loadavg)"
