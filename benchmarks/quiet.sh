#!/usr/bin/env bash
# benchmarks/quiet.sh CMD...: freeze (SIGSTOP) every other user process on the machine, run CMD, then resume them
# (SIGCONT), also on failure or interruption; processes others start during the run are frozen too (rescan every 2 s).
# How the "quiet machine" figures of benchmarks/README.md were taken on the shared 2-core development VM, where other
# engineers' builds never stop. Run as root, and ONLY on a disposable machine: it pauses everything but PID 1, kernel
# threads and the sandbox's tool back-ends (memfd:*), so never on a desktop or a server that does other work.
set -u
# one sitting at a time: a second quiet.sh waits here (and is frozen by the first) until the first is done
exec 9>/tmp/quiet.sh.lock
flock 9
me=$$
list=$(mktemp /tmp/quiet-frozen.XXXXXX)
: > "$list"
mine() { # is $1 a descendant of $me (or one of our ancestors)?
  local p=$1
  while [ -n "$p" ] && [ "$p" -gt 1 ]; do
    [ "$p" = "$me" ] && return 0
    p=$(ps -o ppid= -p "$p" 2>/dev/null | tr -d ' ')
  done
  # ancestors of $me
  local a=$me
  while [ -n "$a" ] && [ "$a" -gt 1 ]; do [ "$a" = "$1" ] && return 0; a=$(ps -o ppid= -p "$a" 2>/dev/null | tr -d ' '); done
  return 1
}
freeze() {
  # every user-space process except PID 1, kernel threads (children of 2) and the tool back-ends (memfd:...)
  for pid in $(ps -eo pid=,ppid=,stat=,comm= | awk '$1 > 2 && $2 != 2 && $3 !~ /T/ && $4 !~ /^(memfd|process_api|kthreadd)/ {print $1}'); do
    mine "$pid" && continue
    kill -STOP "$pid" 2>/dev/null && echo "$pid" >> "$list"
  done
}
resume() { [ -n "${loop:-}" ] && kill "$loop" 2>/dev/null; xargs -r kill -CONT < "$list" 2>/dev/null; rm -f "$list"; }
trap resume EXIT INT TERM
freeze
( while sleep 2; do freeze; done ) & loop=$!
sleep 4
echo "# frozen $(sort -u "$list" | wc -l) processes; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%H:%M:%S)"
"$@"
rc=$?
echo "# done rc=$rc $(date -u +%H:%M:%S); load $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
