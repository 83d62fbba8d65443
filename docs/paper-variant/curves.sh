#!/usr/bin/env bash
# Validation curves of Mamba-2 +HAX and Mamba +HAX on the small grid of docs/PAPER_VARIANT.md: every
# (backbone, configuration, seed) trains as its own process, all in parallel, one libtorch thread each.
#
#   HAXLAB="java -cp app/target/haxlab.jar org.haxlab.app.Main" \
#       docs/paper-variant/curves.sh runs/paper-variant
#
# Configurations: paper (released rules, released init), causal (causal rules, released init) and
# causal-torch (causal rules, HAX Lab's first init: "HAX Lab today" in the issue), so the table separates what
# the initialisation does from what the rules do. 3 seeds x 2 backbones x 3 configurations = 18 processes;
# with 16 or more cores the wall time is about that of one run on one core (SEEDS="0" or CONFIGS="paper causal"
# narrows the set; DEVICE=gpu trains them all on the GPU instead). OUT must not hold these runs yet (train refuses a folder with a run in it). When every run
# has finished, the script prints the table rows of docs/PAPER_VARIANT.md (validation accuracy at 250 / 500 / 750 /
# 1000 steps, mean and sample std over the seeds) and writes them to OUT/curves.md.
set -euo pipefail
: "${HAXLAB:?set HAXLAB to the launcher, e.g. HAXLAB=\"java -cp app/target/haxlab.jar org.haxlab.app.Main\"}"
OUT=${1:-runs/paper-variant}
SEEDS=${SEEDS:-"0 1 2"}
BACKBONES=${BACKBONES:-"mamba2 mamba1"}
CONFIGS=${CONFIGS:-"paper causal causal-torch"}
export OMP_NUM_THREADS=1
mkdir -p "$OUT"

options() {   # the small grid: L 73, batch 32, lr 2e-3, warm-up 100, no clipping, k 64, 8 bits
  echo --pattern hax --steps 1000 --batch 32 --lr 2e-3 --warmup 100 --clip 0 --k 64 --hash-bits 8 \
       --contexts 2..4 --keys 2..4 --val-every 250 --val-samples 512 --device "${DEVICE:-cpu}"
}

pids=()
for backbone in $BACKBONES; do
  for config in $CONFIGS; do
    case $config in
      paper) extra="--variant paper --init released" ;;
      causal) extra="--variant causal --init released" ;;
      causal-torch) extra="--variant causal --init torch" ;;
      *) echo "unknown configuration '$config' (paper, causal or causal-torch)" >&2; exit 2 ;;
    esac
    for seed in $SEEDS; do
      run="$OUT/$backbone-$config-s$seed"
      # shellcheck disable=SC2086  # HAXLAB and the options are word lists on purpose
      JAVA_TOOL_OPTIONS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1" \
        $HAXLAB train --backbone "$backbone" $extra --seed "$seed" $(options) --out "$run" \
        > "$run.log" 2>&1 &
      pids+=($!)
    done
  done
done
echo "started ${#pids[@]} runs under $OUT" >&2
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=$((failed + 1))
done
[ "$failed" -eq 0 ] || echo "$failed run(s) failed: see $OUT/*.log" >&2

# validation accuracy at steps 250/500/750/1000 (column 6 of metrics.csv), mean +- std over the seeds
{
  echo "| model | configuration | seeds | val acc @250 | @500 | @750 | @1000 |"
  echo "|---|---|---|---|---|---|---|"
  for backbone in $BACKBONES; do
    for config in $CONFIGS; do
      files=$(ls "$OUT/$backbone-$config-s"*/metrics.csv 2>/dev/null || true)
      [ -n "$files" ] || continue
      # shellcheck disable=SC2086
      awk -F, -v model="$backbone" -v config="$config" '
        FNR > 1 && $6 != "" && ($1 == 250 || $1 == 500 || $1 == 750 || $1 == 1000) {
          s[$1] += $6; q[$1] += $6 * $6; n[$1]++
        }
        END {
          label = (model == "mamba2" ? "Mamba-2 +HAX" : "Mamba +HAX")
          row = "| " label " | " config " | " n[250] " |"
          split("250 500 750 1000", steps, " ")
          for (i = 1; i <= 4; i++) {
            t = steps[i]
            if (n[t] == 0) { row = row " - |"; continue }
            m = s[t] / n[t]; v = n[t] > 1 ? (q[t] - n[t] * m * m) / (n[t] - 1) : 0
            row = row sprintf(" %.3f +- %.3f |", m, sqrt(v < 0 ? 0 : v))
          }
          print row
        }' $files
    done
  done
} | tee "$OUT/curves.md"
