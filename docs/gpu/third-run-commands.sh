#!/usr/bin/env bash
# HAXLAB: the launcher (default $HOME/hax: a script running the app jars on the staged CUDA libtorch, docs/GPU.md)
# The GPU benchmarks, bounded; outputs into $OUT.
H=${HAXLAB:-$HOME/hax}
timeout 300 $H bench train --batch 8,64 --warmup 1 -r 5 --pass-seconds 4 --python python3 > $OUT/train-step.txt 2>&1; echo "bench train rc $?"
timeout 150 $H bench attention --lengths 16384 --patterns hax --warmup 1 -r 5 --pass-seconds 20 > $OUT/attention-16k.txt 2>&1; echo "bench attention rc $?"
rm -rf /tmp/gpu30; timeout 90 $H train --backbone mamba2 --pattern hax --steps 30 --batch 16 --contexts 2..4 --keys 2..4 \
   --seed 0 --val-every 0 --device gpu --out /tmp/gpu30 > $OUT/gpu-30.log 2>&1; cp /tmp/gpu30/metrics.csv $OUT/gpu-30-steps.csv
grep -E "target|reads" $OUT/train-step.txt | tail -40; tail -5 $OUT/attention-16k.txt
