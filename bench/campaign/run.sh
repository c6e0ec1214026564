#!/usr/bin/env bash
# Upgrade-campaign scale benchmark (see src/test/java/io/drover/bench/CampaignBenchmark.java).
#   bench/campaign/run.sh [-Dcampaign.batch=500 -Dcampaign.spent=5 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx8g "$@" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    io.drover.bench.CampaignBenchmark
