#!/usr/bin/env bash
# Offline first-start check: with an empty home and no network, the first `haxlab engine` unpacks the
# PyTorch natives (~425 MB) into <home>/.djl.ai with progress, the second start does not, and an
# unwritable cache fails with a clear message instead of a stack trace.
#
#   bash packaging/first-start-check.sh                 # the app image if built, else java -jar
#   bash packaging/first-start-check.sh --jar           # java -jar app/target/haxlab.jar
#   bash packaging/first-start-check.sh path/to/haxlab  # a given launcher
#
# Java takes user.home from the password database, not from $HOME, so the empty home is passed both
# ways. "No network" is real (a new network namespace via unshare) when the kernel lets us, and always
# enforced by -Dai.djl.offline=true. Takes ~10-30 s and ~450 MB in /tmp; removes what it created.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ "${1:-}" == --jar ]]; then
  launcher=(java -jar "$repo/app/target/haxlab.jar")
elif [[ $# -ge 1 ]]; then
  launcher=("$1")
elif [[ -x "$repo/app/target/dist/haxlab/bin/haxlab" ]]; then
  launcher=("$repo/app/target/dist/haxlab/bin/haxlab")
elif [[ -f "$repo/app/target/haxlab.jar" ]]; then
  launcher=(java -jar "$repo/app/target/haxlab.jar")
else
  echo "first-start-check: build first: mvn -B -q -DskipTests package (or -Ppackage for the app image)" >&2
  exit 1
fi

home="$(mktemp -d /tmp/haxlab-first-start.XXXXXX)"
trap 'rm -rf "$home"' EXIT
fail() { echo "first-start-check: FAIL: $*" >&2; exit 1; }

offline=()
if command -v unshare >/dev/null && unshare --net --map-root-user true 2>/dev/null; then
  offline=(unshare --net --map-root-user)
  network="none (network namespace)"
else
  network="host network, DJL offline mode only (unshare not permitted here)"
fi

run() {  # run <stdout file> <stderr file> [env...]: the launcher with the empty home, offline
  local out="$1" err="$2"; shift 2
  env -u DJL_CACHE_DIR -u ENGINE_CACHE_DIR HOME="$home" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dai.djl.offline=true" "$@" \
    "${offline[@]}" "${launcher[@]}" engine >"$out" 2>"$err"
}

echo "first-start-check: launcher ${launcher[*]}; home $home; network: $network"
start=$(date +%s)
run "$home/out1" "$home/err1" || { cat "$home/err1" >&2; fail "first start exited with $?"; }
secs=$(( $(date +%s) - start ))
grep -q "First start: unpacking the PyTorch 2.5.1 natives" "$home/err1" || { cat "$home/err1" >&2; fail "no unpack announcement"; }
grep -q "Unpacking PyTorch natives: .*(100%)" "$home/err1" || { cat "$home/err1" >&2; fail "no progress to 100%"; }
steps=$(tr '\r' '\n' < "$home/err1" | grep -c "Unpacking PyTorch natives:" || true)
grep -q "engine:  PyTorch 2.5.1" "$home/out1" || { cat "$home/out1" >&2; fail "engine info missing"; }
ls "$home"/.djl.ai/pytorch/2.5.1-*/libtorch_cpu.so >/dev/null || fail "natives not unpacked under the empty home"
echo "first-start-check: first start OK in ${secs}s, $steps progress updates, cache $(du -sh "$home/.djl.ai" | cut -f1)"

run "$home/out2" "$home/err2" || { cat "$home/err2" >&2; fail "second start exited with $?"; }
! grep -q "First start" "$home/err2" || fail "second start unpacked again"
grep -q "engine:  PyTorch 2.5.1" "$home/out2" || fail "second start: engine info missing"
# the packaged launcher goes through Main, which tunes the C allocator under libtorch (NativeAllocator)
grep -q "malloc: glibc malloc tuned" "$home/out2" || { cat "$home/out2" >&2; fail "launcher did not tune malloc"; }
echo "first-start-check: second start OK (cache reused)"

# The CLI through the same launcher, offline: a sequence, then a short training run that writes its files.
cli() {  # cli <stdout file> <stderr file> args...: like run, with a command of our choice
  local out="$1" err="$2"; shift 2
  env -u DJL_CACHE_DIR -u ENGINE_CACHE_DIR HOME="$home" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dai.djl.offline=true" \
    "${offline[@]}" "${launcher[@]}" "$@" >"$out" 2>"$err"
}
cli "$home/gen" "$home/gen.err" generate --contexts 2 --keys 2 || { cat "$home/gen.err" >&2; fail "generate failed"; }
grep -q "|" "$home/gen" || fail "generate printed no sequence"
cli "$home/train.out" "$home/train.err" train --backbone mamba2 --pattern hax --k 8 --steps 5 --batch 4 \
  --contexts 2 --keys 2 --val-every 5 --val-samples 8 --out "$home/run" \
  || { cat "$home/train.err" >&2; fail "train failed"; }
[[ -s "$home/run/metrics.csv" ]] || fail "train wrote no metrics.csv"
[[ -f "$home/run/last/run.json" ]] || fail "train wrote no checkpoint"
echo "first-start-check: generate and a 5-step train run OK ($(wc -l < "$home/run/metrics.csv") metrics lines)"

# A damaged cache (an interrupted copy): the message names the folder to delete.
truncate -s 1000000 "$home"/.djl.ai/pytorch/2.5.1-*/libtorch_cpu.so
set +e
run "$home/out4" "$home/err4"
code=$?
set -e
[[ $code -eq 1 ]] || { cat "$home/err4" >&2; fail "damaged cache: exit $code, expected 1"; }
grep -q "incomplete or damaged.*Delete that folder" "$home/err4" || { cat "$home/err4" >&2; fail "damaged cache: unclear message"; }
! grep -qE "^\s+at |Exception in thread" "$home/err4" || { cat "$home/err4" >&2; fail "stack trace shown"; }
echo "first-start-check: damaged cache fails clearly"

# A cache folder that cannot be created (a file in the way: works even as root).
touch "$home/not-a-folder"
set +e
run "$home/out3" "$home/err3" DJL_CACHE_DIR="$home/not-a-folder/djl"
code=$?
set -e
[[ $code -eq 1 ]] || { cat "$home/err3" >&2; fail "unwritable cache: exit $code, expected 1"; }
grep -q "cannot be created or written" "$home/err3" || { cat "$home/err3" >&2; fail "unwritable cache: unclear message"; }
! grep -qE "^\s+at |Exception in thread" "$home/err3" || { cat "$home/err3" >&2; fail "stack trace shown"; }
echo "first-start-check: unwritable cache fails clearly: $(grep -o 'Cannot unpack.*written' "$home/err3" | head -1)"
echo "first-start-check: PASS"
