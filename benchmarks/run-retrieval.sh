#!/usr/bin/env bash
# Reproduces the figures of the "## Retrieval" section of benchmarks/README.md.
#   benchmarks/run-retrieval.sh [all|bm25-synthetic|dense|synthetic|debian]
# The Debian index is fetched first (scripts/fetch-debian-index.sh, ~20 MB from deb.debian.org) when it is not in
# CACHE/debian-index/lists (CACHE by the rule in scripts/lib/cache-root.sh). Indexes and built datasets go to a temporary cache that is
# removed afterwards, so every build time is cold.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
. "$root/scripts/lib/cache-root.sh"
lists="$(harness_debian_lists)"
if [[ "$what" == all || "$what" == debian ]] && ! ls "$lists"/*_Translation-en* >/dev/null 2>&1; then
  "$root/scripts/fetch-debian-index.sh" "$lists"
fi
dotnet build -c Release "$root/benchmarks/Harness.Benchmarks.Retrieval" -v q -nologo
exe="$root/benchmarks/Harness.Benchmarks.Retrieval/bin/Release/net10.0/linux-x64/Harness.Benchmarks.Retrieval"
if [[ "$what" == all || "$what" == debian ]]; then
  "$exe" debian --index-dir "$lists"
  [[ "$what" == debian ]] && exit 0
fi
if [[ "$what" == all ]]; then
  for w in synthetic bm25-synthetic dense; do "$exe" "$w"; done
else
  "$exe" "$what"
fi
