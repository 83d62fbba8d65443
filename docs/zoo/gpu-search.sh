#!/usr/bin/env bash
# HAXLAB: the launcher (default $HOME/hax: a script running the app jars on the staged CUDA libtorch, docs/GPU.md)
# Zoo search on one GPU: 3 scales x 2 backbones x (ssm, sw, ks, hax), each table its own process group.
# usage: docs/zoo/gpu-search.sh ROOT   (stop with: pkill -TERM -f 'org.haxlab.app.Main table')
R=$1; mkdir -p $R
C="--batch 64 --lr 3e-3 --warmup 250 --val-every 250 --val-samples 256 --test-samples 512 --devices gpu:0 --threads 1 --steps 20000 --d-model 32 --k 16 --patterns ssm,hax,ks,sw --seeds 0, --jobs-per-device 4"
declare -A S
S[C1]="--contexts 2..4 --keys 2..4 --d-state 4 --hash-bits 4 --max-len 148"
S[C2]="--contexts 3..6 --keys 3..6 --d-state 8 --hash-bits 5 --max-len 320"
S[C3]="--contexts 4..8 --keys 4..8 --d-state 8 --hash-bits 6 --max-len 548"
for s in C1 C2 C3; do for bb in mamba2 mamba1; do
  setsid nohup ${HAXLAB:-$HOME/hax} table --backbone $bb ${S[$s]} $C --out $R/$s-$bb > $R/$s-$bb.log 2>&1 < /dev/null &
done; done
sleep 2; echo started
