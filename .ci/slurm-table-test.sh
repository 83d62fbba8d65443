#!/usr/bin/env bash
# The table through a real single-node Slurm (docs/CLUSTER.md), as CI runs it (root, CPU only):
#   1. starts munge, slurmctld and slurmd from Debian's packages on private ports (.ci/slurm-local.sh);
#   2. emits a tiny table as a job array (`haxlab table ... --emit slurm DIR`) and submits it with submit.sh;
#   3. kills one task while it trains (`scontrol requeue`), lets Slurm start it again, and checks that it continued
#      from its last checkpoint;
#   4. waits for the aggregation job and checks table.md / table.csv (every row, no run missing).
# Needs app/target/haxlab.jar (mvn -B -q -pl app -am package -DskipTests). Exit 0 on success; on failure the
# daemons' and tasks' logs are printed. The daemons are stopped in every case.
#
#   bash .ci/slurm-table-test.sh [WORKDIR]     (default: a fresh folder under /tmp)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$repo/app/target/haxlab.jar
[[ -f "$jar" ]] || { echo "slurm-table-test: $jar missing: build it first (mvn -B -q -pl app -am package -DskipTests)" >&2; exit 2; }
work=${1:-$(mktemp -d /tmp/haxlab-slurm-test.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
out=$work/table
scripts=$work/slurm
deadline=$((SECONDS + ${SLURM_TEST_TIMEOUT:-1200}))

# shellcheck source=.ci/slurm-local.sh
source "$repo/.ci/slurm-local.sh"
slurm_local_install

fail() {
  echo "slurm-table-test: FAILED: $*" >&2
  echo "---- squeue" >&2; squeue 2>&1 | head -20 >&2 || true
  for f in "$out"/logs/*.log "$SLURM_LOCAL_DIR"/log/*.log; do
    [[ -f "$f" ]] || continue
    echo "---- $f (last 25 lines)" >&2
    tail -n 25 "$f" >&2
  done
  exit 1
}
cleanup() {
  [[ -n "${array_id:-}" ]] && scancel "$array_id" 2>/dev/null || true
  [[ -n "${agg_id:-}" ]] && scancel "$agg_id" 2>/dev/null || true
  slurm_local_stop
}
trap cleanup EXIT
trap 'echo "slurm-table-test: stopped by a signal" >&2; exit 143' INT TERM

slurm_local_start "$work/slurm-state" || fail "Slurm did not start"

# 3 tasks (Base, +SW, +HAX; one seed), 300 steps each: long enough (~10-30 s) to be killed in the middle
table=(java -Dai.djl.offline=true -jar "$jar" table --backbone mamba2 --patterns ssm,sw,hax --seeds 1 --steps 300
       --batch 4 --lr 3e-3 --val-every 50 --contexts 1..2 --keys 2 --d-model 16 --d-state 4 --k 4 --max-len 32
       --hash-bits 2 --val-samples 8 --test-samples 16 --devices cpu --threads 1 --out "$out")
"${table[@]}" --emit slurm "$scripts" || fail "--emit slurm exited with $?"
grep -q -- '--requeue' "$scripts/table-array.sbatch" || fail "the array script has no --requeue"

submitted=$(bash "$scripts/submit.sh") || fail "submit.sh: $submitted"
echo "$submitted"
array_id=$(echo "$submitted" | sed -E 's/.*array ([0-9]+).*/\1/')
agg_id=$(echo "$submitted" | sed -E 's/.*aggregation ([0-9]+).*/\1/')

victim=1   # sw-s0
victim_csv=$out/runs/sw-s0/metrics.csv
echo "slurm-table-test: waiting for task $victim to train (its metrics.csv passes step 120: after its step-100 checkpoint)"
while :; do
  (( SECONDS < deadline )) || fail "task $victim never got past step 120"
  lines=0
  [[ -f "$victim_csv" ]] && lines=$(wc -l <"$victim_csv")
  (( lines > 121 )) && break
  if [[ -f "$out/runs/sw-s0/result.json" ]]; then fail "task $victim finished before it could be killed"; fi
  sleep 0.5
done
echo "slurm-table-test: requeueing task $victim at metrics line $lines"
scontrol requeue "${array_id}_${victim}" || fail "scontrol requeue failed"
# Slurm holds a requeued job back (a begin time a while ahead); once it is pending again, let it start at once
for _ in $(seq 1 60); do
  state=$(squeue -h -j "${array_id}_${victim}" -o '%T' 2>/dev/null || true)
  if [[ "$state" == PENDING ]]; then
    scontrol update JobId="${array_id}_${victim}" StartTime=now || true
    break
  fi
  sleep 1
done

echo "slurm-table-test: waiting for every task and the aggregation"
while squeue -h -j "$array_id,$agg_id" 2>/dev/null | grep -q .; do
  (( SECONDS < deadline )) || fail "the jobs did not end in time"
  sleep 2
done

restarts=$(grep -c 'restart 1' "$out/logs/slurm-$victim.log" || true)
(( restarts >= 1 )) || fail "task $victim was not started again after the requeue"
grep -q 'resuming from its last checkpoint' "$out/logs/slurm-$victim.log" \
  || fail "the requeued task did not continue from its checkpoint"
steps=$(($(wc -l <"$victim_csv") - 1))
(( steps == 300 )) || fail "the resumed run's metrics.csv has $steps step rows, expected 300 (no repeats, none lost)"
[[ -f "$out/table.md" && -f "$out/table.csv" ]] || fail "no table.md / table.csv"
grep -q 'Partial' "$out/table.md" && fail "table.md is partial"
for row in '| Base (d 16) |' '| +SW |' '| +HAX |'; do
  grep -qF "$row" "$out/table.md" || fail "table.md has no row $row"
done
(( $(wc -l <"$out/table.csv") == 4 )) || fail "table.csv should have a header and 3 rows"
cat "$out/table.md"
echo "slurm-table-test: OK (3 tasks, task $victim killed at metrics line $lines, requeued and resumed; table aggregated)"
