# The one cache-root rule for shell scripts, the same as Harness.Core.Caching.CacheRoot:
# HARNESS_CACHE when set, else $XDG_CACHE_HOME/harness, else ~/.cache/harness. Source it:
#   . "$(dirname "$0")/lib/cache-root.sh"; cache="$(harness_cache_root)"
harness_cache_root() {
  local root
  if [ -n "${HARNESS_CACHE:-}" ]; then root="$HARNESS_CACHE"
  elif [ -n "${XDG_CACHE_HOME:-}" ]; then root="$XDG_CACHE_HOME/harness"
  else root="$HOME/.cache/harness"
  fi
  realpath -m -- "$root"
}

# Where scripts/fetch-debian-index.sh puts apt's lists and the debian-descriptions plugin looks for them
# (CacheRoot.DebianIndexLists).
harness_debian_lists() {
  printf '%s/debian-index/lists\n' "$(harness_cache_root)"
}
