#!/usr/bin/env bash
# The run behind docs/BENCHMARKS.md: every part of `bench` in sequence on this machine, one Markdown file.
# Sized to finish in about 20-25 minutes on a loaded 2-core machine; see the doc for what each part covers.
# Usage: app/src/bench/doc-run.sh OUTPUT.md
set -euo pipefail
out="${1:?usage: doc-run.sh OUTPUT.md}"
here="$(cd "$(dirname "$0")" && pwd)"
bench() { BENCH_SKIP_BUILD=1 "$here/bench.sh" "$@"; }
"$here/bench.sh" --help > /dev/null   # builds once
others() {
  echo '```'
  uptime
  ps -eo pid,pcpu,rss,etime,comm --sort=-pcpu | head -12
  echo '```'
}
{
  echo "# bench run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo; echo "## Machine load at start"; echo; others
  echo; echo "## A. Attention, every pattern, 1K-16K (dense up to 4K)"; echo
  bench attention --lengths 1024,4096,16384 --dense-max-length 4096 --warmup 1 -r 3 --pass-seconds 15 --format markdown
  echo; echo "## B. Attention, dense +HAX at 16K (forward; fwd+bwd would not fit)"; echo
  bench attention --patterns hax --lengths 16384 --paths dense --passes fwd --warmup 1 -r 3 --pass-seconds 15 --format markdown
  echo; echo "## C. Attention at 64K, sparse path"; echo
  bench attention --patterns sw,a,d,swd,lsh,ks,hax --lengths 65536 --paths sparse --passes fwd --warmup 0 -r 3 --format markdown
  bench attention --patterns hax --lengths 65536 --paths sparse --passes fwd+bwd --warmup 0 -r 3 --format markdown
  echo; echo "## D. Training step, HAX Lab vs PyTorch eager"; echo
  bench train --patterns ssm,sw,hax --batch 2 --warmup 1 -r 3 --format markdown
  echo; echo "## E. Heatmap frames"; echo
  bench heatmap --format markdown
  echo; echo "## Machine load at end"; echo; others
} > "$out" 2> "$out.log"
