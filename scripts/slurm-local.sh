#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for augctl's Slurm tests and for trying the Slurm
# executor without a real cluster. Needs root and Debian (apt-get). Idempotent.
#
#   scripts/slurm-local.sh start    install (if needed) and start munged, slurmctld, slurmd; wait until the node is idle
#   scripts/slurm-local.sh stop     stop the three daemons (by the pids they recorded)
#   scripts/slurm-local.sh status   print whether each daemon runs, and sinfo
set -euo pipefail

state_dir=/var/lib/augctl-slurm
conf_dir=/etc/slurm
pids=("$state_dir/slurmd.pid" "$state_dir/slurmctld.pid" "$state_dir/munged.pid")

die() { echo "slurm-local: $*" >&2; exit 1; }

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
      && command -v munged >/dev/null; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "installing Slurm needs root"
  echo "slurm-local: installing slurmctld slurmd slurm-client munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurmctld slurmd slurm-client munge >/dev/null
}

write_config() {
  local host cpus mem_mb
  host="$(hostname -s)"
  cpus="$(nproc)"
  mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
  mkdir -p "$conf_dir" "$state_dir/ctld" "$state_dir/d" /var/log/slurm
  cat > "$conf_dir/slurm.conf" <<CONF
# Written by augctl's scripts/slurm-local.sh: a one-node cluster for tests.
ClusterName=augctl-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
MailProg=/bin/true
StateSaveLocation=$state_dir/ctld
SlurmdSpoolDir=$state_dir/d
SlurmctldPidFile=$state_dir/slurmctld.pid
SlurmdPidFile=$state_dir/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/cgroup
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
ReturnToService=2
MinJobAge=600
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
  cat > "$conf_dir/cgroup.conf" <<CONF
# Written by augctl's scripts/slurm-local.sh.
ConstrainCores=no
ConstrainRAMSpace=no
CONF
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  install_packages
  [ "$(id -u)" = 0 ] || die "starting Slurm needs root"
  write_config
  if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  fi
  chown munge:munge /etc/munge/munge.key 2>/dev/null || true
  chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
  if ! alive "$state_dir/munged.pid"; then
    rm -f /run/munge/munge.socket.2 /run/munge/munged.pid
    su -s /bin/sh munge -c "/usr/sbin/munged --force" 2>/dev/null || /usr/sbin/munged --force
    sleep 0.5
    cp /run/munge/munged.pid "$state_dir/munged.pid"
  fi
  if ! alive "$state_dir/slurmctld.pid"; then
    /usr/sbin/slurmctld
  fi
  if ! alive "$state_dir/slurmd.pid"; then
    /usr/sbin/slurmd
  fi
  local host
  host="$(hostname -s)"
  for _ in $(seq 1 60); do
    if sinfo -h -n "$host" -o %t 2>/dev/null | grep -E '^(idle|mix|alloc)' > /dev/null; then
      echo "slurm-local: running ($(sinfo -h -o '%P %D %t' | sed -n 1p))"
      return 0
    fi
    scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
    sleep 1
  done
  die "the node did not become idle; see /var/log/slurm/slurmctld.log and slurmd.log"
}

stop() {
  for f in "${pids[@]}"; do
    if alive "$f"; then
      local pid
      pid="$(cat "$f")"
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "slurm-local: stopped $(basename "$f" .pid) ($pid)"
    fi
    rm -f "$f"
  done
}

status() {
  for f in "${pids[@]}"; do
    if alive "$f"; then echo "$(basename "$f" .pid): running ($(cat "$f"))"; else echo "$(basename "$f" .pid): stopped"; fi
  done
  command -v sinfo >/dev/null && sinfo 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
