#!/usr/bin/env bash
# The desktop-scale Table 1 of docs/TABLE1.md, exactly as reported there.
#
#   docs/table/run-table.sh [OUT]        (default OUT: runs/table1)
#
# Builds the app jar (offline), then trains the 9 rows x 3 seeds. With JOBS=2 (the default) the rows are split
# over two single-threaded processes, which on a 2-core CPU is faster than one process with two intra-op threads
# for models this small; a last pass (every run already done, so it only aggregates) writes OUT/table.md and
# OUT/table.csv for all rows. Interrupted? Run the script again: --resume skips every finished (row, seed).
# Logs: OUT/table-*.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-runs/table1}
JOBS=${JOBS:-2}
mkdir -p "$OUT"

SCALE=(--backbone mamba2 --seeds 2 --steps 3000 --batch 16 --lr 3e-3
       --contexts 2..4 --keys 2..4 --d-model 32 --d-state 8 --k 8 --max-len 148 --hash-bits 4
       --val-samples 128 --test-samples 512)

mvn -o -B -q -pl app -am package -DskipTests
HAXLAB=(java -Dai.djl.offline=true -jar app/target/haxlab.jar table)
if ! "${HAXLAB[@]}" --help >/dev/null 2>&1; then
  echo "run-table: this build has no 'table' command (is TableCommand registered in HaxLabCli?)" >&2
  exit 2
fi

if [ "$JOBS" -ge 2 ]; then
  # two halves of about equal cost (Base is the cheapest row; +KS, +HAX and Base (2x dim) the dearest)
  "${HAXLAB[@]}" "${SCALE[@]}" --patterns ssm,sw,a,d,swd --threads 1 --out "$OUT" --resume \
      >"$OUT/table-1.log" 2>&1 &
  first=$!
  "${HAXLAB[@]}" "${SCALE[@]}" --patterns lsh,ks,hax,base2x --threads 1 --out "$OUT" --resume \
      >"$OUT/table-2.log" 2>&1 &
  second=$!
  # a half that stopped early is not fatal: the last pass below trains whatever is still missing
  wait "$first" || echo "run-table: first half exited with $?; the last pass redoes what is missing" >&2
  wait "$second" || echo "run-table: second half exited with $?; the last pass redoes what is missing" >&2
fi
"${HAXLAB[@]}" "${SCALE[@]}" --patterns ssm,sw,a,d,swd,lsh,ks,hax,base2x --threads "$JOBS" --out "$OUT" --resume \
    2>&1 | tee "$OUT/table-all.log"
