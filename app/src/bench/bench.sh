#!/usr/bin/env bash
# Runs `haxlab bench ...` from a checkout: builds the app offline (tests skipped; nothing is installed into
# ~/.m2) and starts the bench command. Set BENCH_SKIP_BUILD=1 to reuse the last build.
# Example: app/src/bench/bench.sh attention --lengths 4096,16384 --format csv
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -o -B -q -pl app -am package -DskipTests >&2
fi
exec java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "app/target/haxlab.jar:app/target/lib/*" org.haxlab.app.bench.BenchMain "$@"
