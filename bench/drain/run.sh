#!/bin/sh
# The drain-scale benchmark (bench/drain/README.md): Drover's DrainPlanner and BtrPlace side by side on the same
# generated drains. Compiles with the Maven profile `bench` (BtrPlace and src/bench/java), then runs on the plain JVM
# with the test classpath Maven resolves (no exec plugin needed offline). Output: bench/out/drain/.
#
#   bench/drain/run.sh                                  # the issue's instance: 5000 hosts x 50000 VMs, drain 500
#   bench/drain/run.sh 500x5000/50 1000x10000/100       # any instances, HOSTSxVMS/DRAINED, one after the other
#   bench/drain/run.sh drover 5000 50000 500            # Drover alone (DrainBenchmark, no BtrPlace)
#
# Knobs (JAVA_OPTS): -Ddrain.spent=30 -Ddrain.unimproved=5 (Drover's solver), -Ddrain.quick=2/1 (its short run),
# -Dbtrplace.timeLimit=300, -Dbtrplace.fence=all|drained, -Ddrain.skipBtrPlace=true. XMX (default 12g) sets the heap.
set -e
cd "$(dirname "$0")/../.."
mkdir -p bench/out/drain
mvn -o -q -Pbench test-compile
mvn -o -q -Pbench dependency:build-classpath -Dmdep.outputFile=bench/out/drain/classpath.txt >/dev/null
CP="target/classes:target/test-classes:$(cat bench/out/drain/classpath.txt)"
STAMP=$(date -u +%Y%m%d-%H%M%S)
if [ "$1" = drover ]; then
    shift
    MAIN=io.drover.bench.DrainBenchmark
else
    MAIN=io.drover.bench.DrainComparison
fi
# Logback's default is DEBUG: Timefold's and BtrPlace's step logs go to the log file, the summary to the terminal.
java -Xmx"${XMX:-12g}" -Xlog:gc:file=bench/out/drain/gc-$STAMP.log $JAVA_OPTS \
    -Ddrain.out=bench/out/drain/table-$STAMP.md -cp "$CP" $MAIN "$@" > bench/out/drain/run-$STAMP.log 2>&1 \
    || { echo "failed: see bench/out/drain/run-$STAMP.log"; tail -20 bench/out/drain/run-$STAMP.log; exit 1; }
grep -E '^(instance|drover|quick|check|btrplace|\||  )' bench/out/drain/run-$STAMP.log
echo "log: bench/out/drain/run-$STAMP.log"
