#!/usr/bin/env bash
# The machine's own 1 -> 2 ceiling, to read the runner's speed-up against (benchmarks/README.md, "Matrix runner"):
# the same single-threaded CPU-bound loop (python3, ~5 s) run alone, then two copies at once. On dedicated cores two
# copies take as long as one (2.0x); on the shared 2-vCPU VM they sometimes take 1.3x longer (a 1.5x ceiling),
# depending on the moment, so take this figure in the same sitting as the runner's.
# Usage: bash benchmarks/runner/two-cores.sh   (about 17 s)
set -euo pipefail
loop='import time
t=time.time(); x=0
for i in range(30_000_000): x+=i*i
print("%.2f"%(time.time()-t))'
alone=$(python3 -c "$loop")
a=$(mktemp); b=$(mktemp)
python3 -c "$loop" > "$a" & python3 -c "$loop" > "$b"; wait
echo "one loop alone: $alone s; two at once: $(cat "$a") s and $(cat "$b") s; 2-core throughput $(echo "2 * $alone / (($(cat "$a") + $(cat "$b")) / 2)" | bc -l | cut -c1-4)x"
rm -f "$a" "$b"
