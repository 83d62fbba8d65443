#!/usr/bin/env bash
# A throw-away single-node Slurm on this machine (munge, slurmctld, slurmd from Debian's packages), for tests.
#
#   source .ci/slurm-local.sh
#   slurm_local_start DIR    # state, config, logs and sockets under DIR; exports SLURM_CONF
#   slurm_local_stop         # stops the daemons started here (by their pid files), never others
#
# Everything runs as root (CI is root). Private ports and a private munge socket, so an existing Slurm or munge
# on the machine is neither used nor disturbed. Installs the packages when they are missing (apt).

slurm_local_install() {
  local missing=()
  command -v munged >/dev/null || missing+=(munge)
  command -v slurmctld >/dev/null || missing+=(slurmctld)
  command -v slurmd >/dev/null || missing+=(slurmd)
  command -v sbatch >/dev/null || missing+=(slurm-client)
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "slurm-local: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

slurm_local_start() {
  local dir=$1
  SLURM_LOCAL_DIR=$(mkdir -p "$dir" && cd "$dir" && pwd)
  export SLURM_LOCAL_DIR
  local d=$SLURM_LOCAL_DIR
  mkdir -p "$d/munge" "$d/spool/ctld" "$d/spool/d" "$d/log"
  chmod 700 "$d/munge"
  # munged refuses a key readable by others and a socket in a directory writable by others
  dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$d/munge/munge.key"
  munged --force --key-file="$d/munge/munge.key" --socket="$d/munge/munge.sock" \
         --pid-file="$d/munge/munged.pid" --log-file="$d/log/munged.log" --seed-file="$d/munge/seed"
  local cpus
  cpus=$(nproc)
  local mem
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
  local port=$(( 20000 + RANDOM % 20000 ))
  cat >"$d/slurm.conf" <<CONF
ClusterName=haxlabci
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$d/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$d/spool/ctld
SlurmdSpoolDir=$d/spool/d
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmdTimeout=30
JobRequeue=1
MinJobAge=600
NodeName=localnode NodeAddr=127.0.0.1 NodeHostname=$(hostname -s) CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=localnode Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$d/slurm.conf
  slurmctld -f "$SLURM_CONF" -i
  slurmd -f "$SLURM_CONF" -N localnode
  local i
  for i in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
      echo "slurm-local: up (controller port $port, $cpus CPUs) in $d"
      return 0
    fi
    sleep 1
  done
  echo "slurm-local: the node did not come up within 60 s; logs:" >&2
  tail -n 30 "$d/log/slurmctld.log" "$d/log/slurmd.log" "$d/log/munged.log" >&2 2>/dev/null
  return 1
}

slurm_local_stop() {
  local d=${SLURM_LOCAL_DIR:-}
  [[ -n "$d" ]] || return 0
  local f pid
  for f in "$d/slurmd.pid" "$d/slurmctld.pid" "$d/munge/munged.pid"; do
    if [[ -f "$f" ]]; then
      pid=$(cat "$f")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
