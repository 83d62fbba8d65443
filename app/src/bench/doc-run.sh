#!/usr/bin/env bash
# The run behind docs/BENCHMARKS.md: the parts of `bench` in sequence on this machine, into one Markdown file
# (progress and errors go to OUTPUT.md.log). About 10-15 minutes on a quiet 2-core machine (much longer
# under load); FULL at 64K is left out (O(L^2): minutes per pass).
# Usage: app/src/bench/doc-run.sh OUTPUT.md
set -euo pipefail
out="${1:?usage: doc-run.sh OUTPUT.md}"
here="$(cd "$(dirname "$0")" && pwd)"
bench() { BENCH_SKIP_BUILD=1 "$here/bench.sh" "$@"; }
"$here/bench.sh" --help > /dev/null   # builds once
others() {
  echo '```'
  uptime
  ps -eo pid,pcpu,rss,etime,comm --sort=-pcpu | head -10
  echo '```'
}
{
  echo "# bench run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo; echo "## Machine load at start"; echo; others
  echo; echo "## A1. Attention, every pattern, 1K and 4K, dense and sparse"; echo
  bench attention --lengths 1024,4096 --warmup 1 -r 3 --pass-seconds 15 --format markdown
  echo; echo "## A2. Attention at 16K: sw and +HAX on both paths (dense fwd+bwd would not fit)"; echo
  bench attention --patterns sw,hax --lengths 16384 --warmup 1 -r 3 --pass-seconds 15 --format markdown
  echo; echo "## A3. Attention at 16K, the other patterns, sparse path"; echo
  bench attention --patterns full,a,d,swd,lsh,ks --lengths 16384 --paths sparse --warmup 1 -r 3 --pass-seconds 15 --format markdown
  echo; echo "## C. Attention at 64K, sparse path (dense cannot exist)"; echo
  bench attention --patterns sw,a,d,swd,lsh,ks,hax --lengths 65536 --paths dense,sparse --warmup 0 -r 3 --format markdown
  echo; echo "## D. Training step, HAX Lab vs PyTorch eager, every backbone and pattern"; echo
  bench train --warmup 1 -r 3 --format markdown
  echo; echo "## E. Heatmap frames"; echo
  bench heatmap --format markdown
  echo; echo "## Machine load at end"; echo; others
} > "$out" 2> "$out.log"
