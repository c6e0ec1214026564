#!/bin/sh
# The compatibility benchmark (bench/compat/README.md). The engine is pure Java over the model records, so the
# benchmark needs no dependency jar: compile the tests once, then run on the plain JVM (no Maven plugin, offline).
set -e
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
exec java -Xmx2g -cp target/classes:target/test-classes io.drover.bench.CompatBenchmark "$@"
