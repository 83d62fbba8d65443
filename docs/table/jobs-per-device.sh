#!/usr/bin/env bash
# Runs per hour of `haxlab table` for several --jobs-per-device on the same devices (docs/CLUSTER.md, docs/GPU.md).
#
#   docs/table/jobs-per-device.sh OUT [DEVICES [JOBS...]]      e.g. docs/table/jobs-per-device.sh /tmp/jpd gpu:0 1 3 6
#
# Uses the jar already built (app/target/haxlab.jar: build it with -Pcuda for a GPU). For every JOBS value it runs
# the same 6-run table (Base, +SW, +LSH, +KS, +HAX, Base 2x dim; one seed; 500 steps at batch 64, n_c, n_k 4..8:
# lengths 74..274, about the issue's L 273) into OUT/jN and prints one markdown row per value from the table's own
# "runs per hour" line. Every run is a fresh process, so JVM and engine start-up are counted, as in a real table.
# HAXLAB: the command that starts HAX Lab (default: java on app/target/haxlab.jar; on the GPU machine the staged
# launcher of docs/GPU.md, e.g. HAXLAB=$HOME/hax).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?usage: jobs-per-device.sh OUT [DEVICES [JOBS...]]}
DEVICES=${2:-auto}
shift $(( $# >= 2 ? 2 : 1 ))
JOBS=("$@")
[[ ${#JOBS[@]} -gt 0 ]] || JOBS=(1 3 6)
if [[ -z "${HAXLAB:-}" ]]; then
  [[ -f app/target/haxlab.jar ]] || { echo "jobs-per-device: build app/target/haxlab.jar first" >&2; exit 2; }
  HAXLAB="java -Dai.djl.offline=true -jar app/target/haxlab.jar"
fi
mkdir -p "$OUT"
echo "| jobs per device | devices | runs | wall | runs per hour |"
echo "|---|---|---|---|---|"
for j in "${JOBS[@]}"; do
  # shellcheck disable=SC2086  # HAXLAB is a command line on purpose
  $HAXLAB table --backbone mamba2 \
      --patterns ssm,sw,lsh,ks,hax,base2x --seeds 1 --steps 500 --batch 64 --lr 3e-3 \
      --contexts 4..8 --keys 4..8 --d-model 32 --d-state 8 --k 16 --max-len 548 --hash-bits 5 \
      --val-samples 128 --test-samples 256 --devices "$DEVICES" --jobs-per-device "$j" \
      --out "$OUT/j$j" --resume >"$OUT/j$j.out" 2>"$OUT/j$j.log" || true
  line=$(grep 'runs per hour' "$OUT/j$j.log" | tail -1 || true)
  if [[ -z "$line" ]]; then
    echo "| $j | $DEVICES | failed: see $OUT/j$j.log | | |"
    continue
  fi
  # "6 run(s) trained in 3:12 on 1 device(s) x 3 job(s): 112.5 runs per hour"
  runs=$(sed -E 's/^([0-9]+) run.*/\1/' <<<"$line")
  wall=$(sed -E 's/.* trained in ([0-9:]+) on.*/\1/' <<<"$line")
  rph=$(sed -E 's/.*: ([0-9.]+) runs per hour/\1/' <<<"$line")
  echo "| $j | $DEVICES | $runs | $wall | $rph |"
done
