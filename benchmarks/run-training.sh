#!/usr/bin/env bash
# Reproduces the "## Training" figures of benchmarks/README.md: Harness's trainer against the PyTorch peer
# ../shared/peers/w1_hashed_bow.py (hashed bag-of-words 2^18 x 128 + linear, InfoNCE, batch 64 + 4 negatives, Adam),
# in the same sitting, alternating peer / harness trainer / harness engine, ROUNDS times; prints every run and the
# medians and ratios.
#   benchmarks/run-training.sh [ROUNDS=5] [THREADS=2]
# Needs Debian's PyTorch for the peer: apt-get install -y python3-torch (run with /usr/bin/python3).
# OPENBLAS_CORETYPE=SkylakeX (STACK.md) is set for the peer only on CPUs with AVX-512 (elsewhere it is an illegal
# instruction); otherwise OpenBLAS detects the core itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"
threads="${2:-2}"
peer="${HARNESS_PEERS:-$root/../shared/peers}/w1_hashed_bow.py"
[[ -f "$peer" ]] || { echo "peer not found: $peer (set HARNESS_PEERS)"; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "the peer needs Debian's PyTorch: apt-get install -y python3-torch"; exit 2; }
dotnet build -c Release "$root/benchmarks/Harness.Benchmarks.Training" -v q -nologo
exe="$root/benchmarks/Harness.Benchmarks.Training/bin/Release/net10.0/linux-x64/Harness.Benchmarks.Training"
coretype=()
grep -q avx512f /proc/cpuinfo && coretype=(env OPENBLAS_CORETYPE=SkylakeX)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  out=$( { "${coretype[@]}" /usr/bin/time -f 'maxrss_kb %M' /usr/bin/python3 "$peer" "$threads"; } 2>&1 )
  echo "peer: $out" | tr '\n' ' ' | tee -a "$log"; echo | tee -a "$log"
  "$exe" trainer --threads "$threads" | tee -a "$log"
  "$exe" engine --threads "$threads" | grep queries/s | tee -a "$log"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$log" <<'PY'
import re, statistics, sys
rows = {"peer": [], "trainer": [], "engine": []}
mem = {"peer": [], "trainer": [], "engine": []}
for line in open(sys.argv[1]):
    m = re.search(r"(\d+) queries/s", line)
    if not m:
        continue
    kind = "peer" if line.startswith("peer") else ("trainer" if "harness trainer" in line else "engine")
    rows[kind].append(float(m.group(1)))
    k = re.search(r"maxrss_kb (\d+)", line)
    r = re.search(r"peak RSS (\d+) MiB", line)
    mem[kind].append(int(k.group(1)) / 1024 if k else int(r.group(1)) if r else float("nan"))
p = statistics.median(rows["peer"])
for kind in ("peer", "trainer", "engine"):
    q = statistics.median(rows[kind])
    print(f"{kind:8s} median {q:8.0f} queries/s  (runs: {', '.join(f'{x:.0f}' for x in rows[kind])})  peak RSS median {statistics.median(mem[kind]):.0f} MiB  ratio to peer {q / p:.2f}x")
PY
