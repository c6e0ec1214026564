#!/usr/bin/env bash
# The rebalance benchmark (bench/rebalance/README.md): Drover's RebalancePlanner and a greedy first-fit-decreasing
# baseline on the same generated, unbalanced fleet. Output: bench/out/rebalance/.
#   bench/rebalance/run.sh [HOSTS GUESTS]          # default 1000 hosts x 10000 VMs
#   JAVA_OPTS="-Drebalance.maxLoad=0.8 -Drebalance.spent=30 -Drebalance.unimproved=5" bench/rebalance/run.sh 5000 50000
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/out/rebalance
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
STAMP=$(date -u +%Y%m%d-%H%M%S)
LOG=bench/out/rebalance/run-$STAMP.log
java -Xmx"${XMX:-8g}" ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    io.drover.bench.RebalanceBenchmark "$@" > "$LOG" 2>&1 || { echo "failed: see $LOG"; tail -20 "$LOG"; exit 1; }
grep -E '^(instance|before|drover|baseline|check)' "$LOG"
echo "log: $LOG"
