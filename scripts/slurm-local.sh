#!/usr/bin/env bash
# A single-node Slurm cluster on this machine (../shared/notes/SLURM.md), for the Slurm integration test and for
# trying `harness slurm --submit` locally. Needs root and the Debian packages slurm-wlm slurmd slurmctld slurm-client
# munge (.ci/run installs them).
#   scripts/slurm-local.sh start   # writes /etc/slurm/slurm.conf if absent, starts munged, slurmctld, slurmd; waits for idle
#   scripts/slurm-local.sh stop    # stops the daemons this script started (by their pid files)
# Exit status: 0 running (or stopped), 3 Slurm is not installed, 1 it would not start.
set -uo pipefail
state=/tmp/slurm
conf=/etc/slurm/slurm.conf

installed() { command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; }
idle() { sinfo -h -o %T 2>/dev/null | grep -Eqx 'idle|mixed|allocated'; }

case "${1:-}" in
  start)
    installed || { echo "slurm is not installed (apt-get install slurm-wlm slurmd slurmctld slurm-client munge)"; exit 3; }
    if idle; then echo "slurm is already running"; exit 0; fi
    mkdir -p "$state" /run/munge /var/spool/slurmctld /var/spool/slurmd /etc/slurm
    if [ ! -f "$conf" ]; then
      cat > "$conf" <<CONF
ClusterName=harness
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
NodeName=localhost CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
      touch "$state/wrote-conf"
    fi
    chown munge:munge /run/munge 2>/dev/null || true
    if ! pgrep -x munged >/dev/null; then su -s /bin/sh munge -c /usr/sbin/munged && touch "$state/started-munged"; fi
    /usr/sbin/slurmctld && /usr/sbin/slurmd || { echo "slurm daemons would not start; see $state/*.log"; exit 1; }
    touch "$state/started-by-harness"
    for _ in $(seq 1 150); do idle && { echo "slurm is running"; exit 0; }; sleep 0.2; done
    echo "slurm did not become idle in 30 s; see $state/*.log"; exit 1
    ;;
  stop)
    [ -f "$state/started-by-harness" ] || { echo "not started by this script"; exit 0; }
    for d in slurmd slurmctld; do
      [ -f "$state/$d.pid" ] && kill "$(cat "$state/$d.pid")" 2>/dev/null
    done
    if [ -f "$state/started-munged" ] && [ -f /run/munge/munged.pid ]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null; rm -f "$state/started-munged"; fi
    rm -f "$state/started-by-harness"
    echo "slurm stopped"
    ;;
  *) echo "usage: $0 start|stop"; exit 2 ;;
esac
