#!/usr/bin/env bash
# Standard-input parsing: `harness eval` reading the 5M-line run through a pipe (`cat RUN | harness eval ... -`), for
# two harness builds alternating (e.g. before and after a change), each run timed with /usr/bin/time -v.
#
#   OLD=/tmp/harness-eval-bench/harness/harness NEW=/tmp/pub/harness RUNS=3 benchmarks/eval/streams.sh
#
# DATA defaults to run.sh's generated pair (run benchmarks/eval/run.sh once first). Checks both print the same bytes.
set -euo pipefail
DATA=${DATA:-/tmp/harness-eval-bench/data}
RUNS=${RUNS:-3}
: "${OLD:?path to the first harness executable}" "${NEW:?path to the second harness executable}"
ARGS=(-q -m map -m ndcg_cut.10 -m recip_rank -m recall.100 "$DATA/bench.qrels" -)
cmp <(cat "$DATA/bench.run" | "$OLD" eval "${ARGS[@]}") <(cat "$DATA/bench.run" | "$NEW" eval "${ARGS[@]}") && echo "output: identical"
for i in $(seq 1 "$RUNS"); do
  for who in OLD NEW; do
    exe=${!who}
    /usr/bin/time -v bash -c 'cat "$1" | "$2" eval "${@:3}" > /dev/null' _ "$DATA/bench.run" "$exe" "${ARGS[@]}" 2> /tmp/streams-time.txt
    echo "run $i $who: wall $(grep 'Elapsed (wall clock)' /tmp/streams-time.txt | awk '{print $NF}')  user $(grep 'User time' /tmp/streams-time.txt | awk '{print $NF}')  load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
