#!/usr/bin/env bash
# Checks a leaderboard page in headless Chromium: no console or page errors, no network request, the table sorts on a
# header click (ascending, then descending) and filters, and a screenshot is taken for a person to look at.
#
#   bash scripts/check-leaderboard-html.sh [DIR] [SCREENSHOT.png]
#
# DIR is a results folder with a leaderboard.html (`harness leaderboard DIR` writes it). Without DIR, a made-up
# folder is written with scripts/make-sample-results.cs and its leaderboard built first. Needs Debian's chromium
# (apt-get install -y chromium) and Node.js; playwright-core is installed with npm into the cache
# ($HARNESS_CACHE/tools/playwright), never its own browser download.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${HARNESS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/harness}"

if [ ! -x /usr/bin/chromium ]; then
  echo "check-leaderboard-html: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
  exit 2
fi

dir="${1:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d /tmp/harness-leaderboard-sample.XXXXXX)"
  dotnet run scripts/make-sample-results.cs -- "$dir"
  dotnet run --project src/Harness.Cli -- leaderboard "$dir"
fi
page="$dir/leaderboard.html"
if [ ! -f "$page" ]; then
  echo "check-leaderboard-html: $page: no such file (run harness leaderboard $dir first)" >&2
  exit 2
fi
shot="${2:-$dir/leaderboard-screenshot.png}"

tools="$cache/tools/playwright"
if [ ! -d "$tools/node_modules/playwright-core" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent playwright-core@1 >&2
fi
cp scripts/check-leaderboard-html.mjs "$tools/check.mjs"   # resolves playwright-core from $tools/node_modules
node "$tools/check.mjs" "$(realpath "$page")" "$(realpath -m "$shot")"
