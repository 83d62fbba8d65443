#!/usr/bin/env bash
# The measurements and runs the next lent GPU machine should do first (docs/GPU.md "Since the fourth look"),
# after staging libtorch, the JRE and the jars as in session-2026-12-07-h200.sh. One step per `run` call (each
# under ten minutes); $OUT is the folder that comes back. In a short window: bench, then zoo, progress, collect.
# usage: bash docs/gpu/next-session.sh bench|phases|attention|zoo [STEPS]|table|progress [SECONDS]|collect
set -u
H=$HOME/hax
case ${1:?usage: next-session.sh bench|phases|attention|zoo|table|progress|collect} in
  bench)     # what the fused softmax, the flat AdamW and the warm-up by time bought, quiet GPU, peer in the same run
    timeout 420 $H bench train --batch 8,64 --warmup 1 -r 5 --pass-seconds 4 --python python3 > $OUT/train-step.txt 2>&1
    grep target $OUT/train-step.txt ;;
  phases)    # where a Mamba-2 step's time goes now (synchronised phase ends: slower than the plain step)
    HAX_JAVA_OPTS=-Dhaxlab.profile=true timeout 200 $H bench train --backbones mamba2 --patterns ssm,full,sw,ks,hax \
      --batch 8,64 --no-peer -r 3 > $OUT/phases-mamba2.txt 2>&1
    grep -A14 "batch 64" $OUT/phases-mamba2.txt | head -60 ;;
  attention) # 16K sparse vs dense on the quiet GPU
    timeout 170 $H bench attention --lengths 16384 --patterns hax --warmup 1 -r 5 --pass-seconds 10 > $OUT/attention-16k.txt 2>&1
    tail -4 $OUT/attention-16k.txt ;;
  zoo)       # in the background: the Mamba-2 zoo search at the larger tables (scale G4, 4..8 x 4..8, L 74..274);
             # on the CPU, 3,500 steps left the SSM at 44 % and +HAX at 59 %, both still moving (docs/ZOO.md);
             # an interrupted search continues with the same command (the table's --resume)
    mkdir -p ~/gpu
    ROWS=ssm,hax,ks,sw SCALES=G4 BACKBONES=mamba2 HAXLAB=$H bash docs/zoo/gpu-search.sh ~/gpu/zoo "${2:-6000}" ;;
  table)     # in the background: Table 1 continued to 6,000 steps (its run folders carried into ~/gpu)
    C="--batch 64 --lr 2e-3 --warmup 200 --val-samples 256 --test-samples 512 --devices gpu:0 --threads 1 --resume"
    G2="--contexts 3..6 --keys 3..6 --d-model 64 --d-state 4 --k 64 --hash-bits 8 --max-len 320"
    for bb in mamba1 mamba2; do
      [[ -d ~/gpu/table1-$bb ]] || continue
      # shellcheck disable=SC2086  # the option lists are word lists on purpose
      setsid nohup $H table --backbone $bb $G2 $C --patterns ssm,sw,a,d,swd,lsh,ks,hax,base2x --seeds 2 --steps 6000 \
        --val-every 500 --jobs-per-device 6 --out ~/gpu/table1-$bb > ~/gpu/table1-$bb.log 2>&1 < /dev/null &
    done ;;
  progress)  # hold the machine (it goes back after 30 idle seconds) while the runs train, then show where they are
    sleep "${2:-500}"
    for r in ~/gpu/zoo ~/gpu; do [[ -d $r ]] && bash docs/zoo/val-progress.sh "$r" 2>/dev/null; done ;;
  collect)   # every run folder back in 15 MB pieces (here: cat the pieces | tar xz)
    (cd ~ && tar czf - gpu | split -b 15M - "$OUT/gpu-runs.tgz.part-") ;;
esac
