#!/usr/bin/env bash
# The main job on the built-in default data:
#   1. publish harness with its built-in plugins and check every plugin against its contract;
#   2. first-stage retrieval on the synthetic dataset (BM25, and exact dense search with the untrained hashed-bow
#      encoder as the floor a trained encoder must beat), evaluated with harness eval;
#   3. the same BM25 known-item search on real text: Debian's package descriptions (the index is fetched with apt
#      into the harness cache on first use; skipped with a note when it cannot be fetched).
# Results (TREC runs, qrels, manifests) go to results/demo/. The experiment matrix (training losses x samplers)
# arrives with its own issue.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${HARNESS_DIR:-artifacts/harness}"
results="results/demo"
h="$out/harness"

echo "== publishing harness to $out"
dotnet publish src/Harness.Cli -c Release -o "$out" -nologo -v q

echo "== harness plugins verify"
"$h" plugins verify | tail -n 1

measures="nDCG@10,RR@10,R@100,AP"
run() { # name, retrieve arguments...
  local name="$1"; shift
  echo "== $name"
  "$h" retrieve --out "$results/$name" "$@"
  "$h" eval --measures "$measures" "$results/$name/qrels.trec" "$results/$name/run.trec"
}

run bm25-synthetic --dataset synthetic --method bm25
run dense-untrained-synthetic --dataset synthetic --method dense --encoder hashed-bow --depth 100

. scripts/lib/cache-root.sh
lists="$(harness_debian_lists)"
if [ ! -d "$lists" ] || ! ls "$lists" | grep -q Translation-en; then
  echo "== fetching Debian's package index (Packages + Translation-en) into $lists"
  bash scripts/fetch-debian-index.sh "$lists" >/dev/null 2>&1 || echo "   could not fetch it (no apt or no network): skipping the real-text run"
fi
if ls "$lists" 2>/dev/null | grep -q Translation-en; then
  run bm25-debian-descriptions --dataset debian-descriptions --method bm25 --depth 100
fi
echo "== done: runs, qrels and manifests in $results/"
