#!/usr/bin/env bash
# The main job on the built-in default data: publish harness with its plugins, list and verify them.
# Later issues extend this to datasets, retrieval, evaluation and the experiment matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${HARNESS_DIR:-artifacts/harness}"
echo "== publishing harness to $out"
dotnet publish src/Harness.Cli -c Release -o "$out" -nologo -v q
echo "== harness plugins list"
"$out/harness" plugins list
echo "== harness plugins verify"
"$out/harness" plugins verify
