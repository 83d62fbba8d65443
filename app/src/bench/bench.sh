#!/usr/bin/env bash
# Runs `haxlab bench ...` from a checkout: compiles model, viz and app offline (main code only, so a broken
# test elsewhere cannot block a benchmark; nothing is installed into ~/.m2) and starts the bench command.
# Set BENCH_SKIP_BUILD=1 to reuse the last build.
# Example: app/src/bench/bench.sh attention --lengths 4096,16384 --format csv
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
cpfile="$root/app/target/bench-classpath.txt"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$cpfile" ]; then
  mkdir -p app/target
  # viz's runtime class path holds model's classes and every library below the app
  mvn -o -B -q -pl viz -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$cpfile" >&2
  mvn -o -B -q -pl app -am compile >&2
fi
# the app's own libraries (the command line and logging) from the local repository
jar() { ls "$HOME/.m2/repository/$1"/*/"$2"-*.jar | grep -v -E 'sources|javadoc' | sort -V | tail -1; }
extra="$(jar info/picocli/picocli picocli):$(jar org/slf4j/slf4j-simple slf4j-simple)"
exec java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/app/target/classes:$root/viz/target/classes:$(cat "$cpfile"):$extra" org.haxlab.app.bench.BenchMain "$@"
