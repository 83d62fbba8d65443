#!/usr/bin/env bash
# The desktop-scale Table 1 of docs/TABLE1.md, exactly as reported there.
#
#   docs/table/run-table.sh [OUT]        (default OUT: runs/table1)
#
# Builds the app jar (offline), then trains the 9 rows x 2 seeds, every (row, seed) its own single-threaded
# `haxlab train` process, JOBS (default 2) at once on the CPU: on a 2-core CPU two single-threaded processes are
# faster than one process with two intra-op threads for models this small. Writes OUT/table.md and OUT/table.csv
# when all runs ended. Interrupted? Run the script again: --resume skips finished runs and continues the others
# from their last checkpoint. Progress: OUT/table.log; each run's output: OUT/logs/<row>-s<seed>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-runs/table1}
JOBS=${JOBS:-2}
mkdir -p "$OUT"

mvn -o -B -q -pl app -am package -DskipTests
java -Dai.djl.offline=true -jar app/target/haxlab.jar table \
    --backbone mamba2 --seeds 2 --steps 3000 --batch 16 --lr 3e-3 \
    --contexts 2..4 --keys 2..4 --d-model 32 --d-state 8 --k 8 --max-len 148 --hash-bits 4 \
    --val-samples 128 --test-samples 512 --patterns ssm,sw,a,d,swd,lsh,ks,hax,base2x \
    --devices cpu --jobs-per-device "$JOBS" --threads 1 --out "$OUT" --resume 2>&1 | tee "$OUT/table.log"
