#!/usr/bin/env bash
# Fetches Debian's package index (Packages + Translation-en) for the `debian-descriptions` dataset into a private
# lists directory, without touching the system's apt lists, sources or caches.
#
#   scripts/fetch-debian-index.sh [LISTS_DIR]
#
# LISTS_DIR defaults to CACHE/debian-index/lists (CACHE by the rule in scripts/lib/cache-root.sh), which is where the
# `debian-descriptions` plugin looks when its `index-dir` parameter is left empty.
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SUITE (default bookworm),
# DEBIAN_COMPONENT (default main). Needs apt-get (Debian/Ubuntu) and network access to the mirror.
set -euo pipefail

. "$(dirname "$0")/lib/cache-root.sh"
lists="${1:-$(harness_debian_lists)}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite="${DEBIAN_SUITE:-bookworm}"
component="${DEBIAN_COMPONENT:-main}"

mkdir -p "$lists/partial"
etc="$(dirname "$lists")/etc"
mkdir -p "$etc/sources.list.d" "$etc/preferences.d"
# One suite only, so the index (and the dataset's content hash) does not depend on the machine's sources.
cat > "$etc/sources.list" <<SRC
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite $component
SRC

apt-get update \
  -o Acquire::Languages=en \
  -o Dir::State::Lists="$lists" \
  -o Dir::Etc::SourceList="$etc/sources.list" \
  -o Dir::Etc::SourceParts="$etc/sources.list.d" \
  -o Dir::Etc::PreferencesParts="$etc/preferences.d" \
  -o Dir::Cache::pkgcache="" \
  -o Dir::Cache::srcpkgcache="" \
  -o APT::Get::List-Cleanup=true

echo "Debian index in $lists:"
ls -l "$lists" | grep -E '_(Packages|Translation-en)' || { echo "no Packages/Translation-en files were fetched" >&2; exit 1; }
