#!/usr/bin/env bash
# What one lent GPU machine ran on 2026-12-07 (docs/GPU.md, docs/ZOO.md, docs/PAPER_VARIANT.md), in one command after
# staging libtorch onto it in 50 MiB pieces (docs/GPU.md): unpack libtorch, the JRE and the jars (docs/gpu/hax-launcher.sh is
# the launcher), benchmark the training step alone on the GPU, then start the zoo search and the paper-variant
# curves in the background and run the GPU-vs-CPU loss check and the 16K attention bench beside them.
set -u
mkdir -p ~/libtorch && cat ~/stage/p?? | ~/stage/tools/zstd -d -q --long=27 | tar x -C ~/libtorch && rm -rf ~/stage
# .device-carry/jars: the app jars minus pytorch-native-cpu and the GUI libraries
mv .gpu-stage/jre ~/jre; cp -r .device-carry/jars ~/jars; cp docs/gpu/hax-launcher.sh ~/hax; chmod +x ~/hax
ls ~/libtorch | head -3; ~/hax --version 2>&1 | tail -2
H=$HOME/hax
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader > $OUT/gpu.txt
timeout 280 $H bench train --batch 8,64 --warmup 1 -r 5 --pass-seconds 4 --python python3 > $OUT/train-step.txt 2>&1; echo "bench train rc $?"
# the rest share the GPU: the zoo search and the paper-variant curves in the background
HAXLAB=$H bash docs/zoo/gpu-search.sh ~/zoo 6000   # then: ROWS=ks,sw SCALES=G2 BACKBONES=mamba1
cp docs/paper-variant/curves.sh ~/curves.sh
(cd ~ && HAXLAB=$HOME/hax DEVICE=gpu CONFIGS="paper causal" setsid nohup bash ~/curves.sh ~/pv > ~/pv.out 2>&1 < /dev/null &)
rm -rf /tmp/gpu30; timeout 90 $H train --backbone mamba2 --pattern hax --steps 30 --batch 16 --contexts 2..4 --keys 2..4 \
   --seed 0 --val-every 0 --device gpu --out /tmp/gpu30 > $OUT/gpu-30.log 2>&1; cp /tmp/gpu30/metrics.csv $OUT/gpu-30-steps.csv
timeout 120 $H bench attention --lengths 16384 --patterns hax --warmup 1 -r 5 --pass-seconds 20 > $OUT/attention-16k-loaded.txt 2>&1; echo "bench attention rc $?"
cat $OUT/train-step.txt | tail -40; tail -8 $OUT/attention-16k-loaded.txt; ls ~/zoo ~/pv
