#!/usr/bin/env bash
# Throughput of each augmentation method on one core, share of variants inside the quality window,
# and WordNet load time. Re-runnable; prints a Markdown table for docs/BENCHMARKS.md.
# Usage: bench/augment/run.sh [methods.yaml] [input.csv] [seconds per method] [text column]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# taskset pins the JVM to one core where available, so the figures are per core.
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
exec "${PIN[@]}" java -XX:ActiveProcessorCount=1 -Xmx512m -cp "$CP" dev.augctl.bench.AugmentBench "$@"
