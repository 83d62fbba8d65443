#!/usr/bin/env bash
# What the lent H200 ran late on 2026-12-07 (docs/GPU.md "Fourth look", docs/TABLE1.md, docs/ZOO.md), after staging
# libtorch in 50 MiB pieces as in session-2026-12-07.sh. Five commands of at most ten minutes each, in this order;
# $OUT is the folder that comes back.
set -u
mkdir -p ~/libtorch && cat ~/stage/p?? | ~/stage/tools/zstd -d -q --long=27 | tar x -C ~/libtorch && rm -rf ~/stage
mv .gpu-stage/jre ~/jre; cp -r .device-carry/jars ~/jars; cp docs/gpu/hax-launcher.sh ~/hax; chmod +x ~/hax
H=$HOME/hax
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader > $OUT/gpu.txt
# 1. quiet GPU: where the Mamba-2 step's time goes, then 16K sparse vs dense, plain and with phase ends
HAX_JAVA_OPTS=-Dhaxlab.profile=true timeout 220 $H bench train --backbones mamba2 --patterns ssm,full,sw,ks,hax \
  --batch 8,64 --no-peer --warmup 1 -r 3 > $OUT/phases-mamba2.txt 2>&1
timeout 150 $H bench attention --lengths 16384 --patterns hax --warmup 1 -r 5 --pass-seconds 20 > $OUT/attention-16k.txt 2>&1
HAX_JAVA_OPTS=-Dhaxlab.profile=true timeout 120 $H bench attention --lengths 16384 --patterns hax --warmup 1 -r 3 \
  --pass-seconds 20 > $OUT/attention-16k-phases.txt 2>&1
# 2. runs per hour for 1, 3 and 6 jobs on the GPU (about 3 minutes)
HAXLAB=$H timeout 560 bash docs/table/jobs-per-device.sh ~/jpd gpu:0 1 3 6 > $OUT/jobs-per-device.md 2>&1
# 3. the Mamba-2 rows against the peer, quiet, then the training in the background: the Mamba-2 zoo scale G3 and
#    Table 1 of both backbones (16 processes on 16 cores), collected by the next commands
timeout 200 $H bench train --backbones mamba2 --batch 8,64 --warmup 1 -r 5 --pass-seconds 4 --python python3 \
  > $OUT/train-step-mamba2.txt 2>&1
C="--batch 64 --lr 2e-3 --warmup 200 --val-samples 256 --test-samples 512 --devices gpu:0 --threads 1 --resume"
G2="--contexts 3..6 --keys 3..6 --d-model 64 --d-state 4 --k 64 --hash-bits 8 --max-len 320"
G3="--contexts 3..6 --keys 3..6 --d-model 64 --d-state 2 --k 64 --hash-bits 8 --max-len 320"
mkdir -p ~/gpu
# shellcheck disable=SC2086  # the option lists are word lists on purpose
setsid nohup $H table --backbone mamba2 $G3 $C --patterns ssm,hax,ks,sw --seeds 0, --steps 12000 --val-every 500 \
  --jobs-per-device 4 --out ~/gpu/zoo-G3-mamba2 > ~/gpu/zoo-G3-mamba2.log 2>&1 < /dev/null &
for bb in mamba1 mamba2; do
  # shellcheck disable=SC2086
  setsid nohup $H table --backbone $bb $G2 $C --patterns ssm,sw,a,d,swd,lsh,ks,hax,base2x --seeds 2 --steps 2000 \
    --val-every 500 --jobs-per-device 6 --out ~/gpu/table1-$bb > ~/gpu/table1-$bb.log 2>&1 < /dev/null &
done
# 4.-5. wait, then bring every run folder back in 15 MB pieces (cat the pieces | tar xz here)
sleep 470; sleep 285
(cd ~ && tar czf - gpu | split -b 15M - "$OUT/gpu-runs.tgz.part-")
