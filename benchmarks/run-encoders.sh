#!/usr/bin/env bash
# Reproduces the figures of the "## Encoders" section of benchmarks/README.md.
#   benchmarks/run-encoders.sh [all|encode|finetune]
# encode:   zero-shot minilm (TorchSharp BERT port) vs the SentenceTransformers package's ONNX Runtime wrapper, same
#           process, alternating rounds over the same length-sorted batches of 64.
# finetune: MiniLM InfoNCE steps (batch 32 + 4 negatives, AdamW) at 16/64 tokens, alternating with the PyTorch peer
#           ../shared/peers/minilm_finetune.py in Debian's torch (python3-torch, /usr/bin/python3;
#           OPENBLAS_CORETYPE=SkylakeX in the peer's command only, see ../shared/notes/STACK.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
peer="${MINILM_PEER:-$root/../shared/peers/minilm_finetune.py}"
dotnet build -c Release "$root/benchmarks/Harness.Benchmarks.Encoders" -v q -nologo
exe="$root/benchmarks/Harness.Benchmarks.Encoders/bin/Release/net10.0/linux-x64/Harness.Benchmarks.Encoders"
# OPENBLAS_CORETYPE=SkylakeX (STACK.md) only where the CPU has AVX-512; elsewhere it is an illegal instruction and
# OpenBLAS's own core detection is used.
coretype=()
grep -q avx512f /proc/cpuinfo && coretype=(env OPENBLAS_CORETYPE=SkylakeX)
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$what" == all || "$what" == encode ]]; then
  "$exe" encode "${TEXTS:-2000}" "${ROUNDS:-3}"
fi
if [[ "$what" == all || "$what" == finetune ]]; then
  for r in $(seq "${ROUNDS:-2}"); do
    "$exe" finetune 32 4 16 64 "${STEPS:-4}"
    "${coretype[@]}" /usr/bin/python3 "$peer" 2 32 4 16 64 "${STEPS:-4}"
  done
fi
