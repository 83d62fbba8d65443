#!/usr/bin/env bash
# HAXLAB: the launcher (default $HOME/hax: a script running the app jars on the staged CUDA libtorch, docs/GPU.md)
# The GPU zoo search of docs/ZOO.md on one GPU: scales G1 and G2 x both backbones x (SSM, +HAX), eight runs at
# once, each table its own process group; then, with ROWS=ks,sw SCALES=G2 BACKBONES=mamba1, the other rows of
# the scale that worked; the Mamba-2 entries: ROWS=ssm,hax,ks,sw SCALES=G3 BACKBONES=mamba2 with 12000 steps;
# next for Mamba-2 (not run yet): SCALES=G4 BACKBONES=mamba2, larger tables at N 2.
# usage: docs/zoo/gpu-search.sh ROOT [STEPS]   (progress: docs/zoo/val-progress.sh ROOT; run again to continue,
# or with more STEPS to extend: --resume)
R=$1; S=${2:-6000}; mkdir -p "$R"
H=${HAXLAB:-$HOME/hax}
ROWS=${ROWS:-ssm,hax}
C="--batch 64 --lr 2e-3 --warmup 200 --val-every 250 --val-samples 256 --test-samples 512 --devices gpu:0 --threads 1 --steps $S --seeds 0, --jobs-per-device 4 --resume"
declare -A A
A[G1]="--contexts 2..4 --keys 2..4 --d-model 64 --d-state 2 --k 64 --hash-bits 8 --max-len 148"
A[G2]="--contexts 3..6 --keys 3..6 --d-model 64 --d-state 4 --k 64 --hash-bits 8 --max-len 320"
A[G3]="--contexts 3..6 --keys 3..6 --d-model 64 --d-state 2 --k 64 --hash-bits 8 --max-len 320"
A[G4]="--contexts 4..8 --keys 4..8 --d-model 64 --d-state 2 --k 64 --hash-bits 8 --max-len 548"
for s in ${SCALES:-G1 G2}; do for bb in ${BACKBONES:-mamba2 mamba1}; do
  out=$R/$s-$bb-${ROWS//,/-}
  # shellcheck disable=SC2086  # the option lists are word lists on purpose
  setsid nohup $H table --backbone $bb ${A[$s]} $C --patterns "$ROWS" --out "$out" > "$out.log" 2>&1 < /dev/null &
done; done
sleep 1; echo "started under $R"
