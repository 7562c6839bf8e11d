#!/usr/bin/env bash
# CPU time of one augmentation of a 10 KB, 100 KB and 1 MB cell for every enabled method (and the quality
# filter's similarity), one core; the last column is the 1 MB time per KB over the 10 KB time per KB.
# Re-runnable; prints a Markdown table for docs/BENCHMARKS.md. Needs target/augctl.jar
# (mvn -B package -DskipTests) and compiles the benchmark from src/test/java against it.
# Usage: bench/augment/long_text.sh [methods.yaml] [input.csv] [runs of the 1 MB cell] [sizes, e.g. 10000,100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/augctl.jar
[[ -f $JAR ]] || { echo "missing $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-long.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK" -cp "$JAR" src/test/java/dev/augctl/bench/LongTextBench.java
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
"${PIN[@]}" java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx1g -cp "$JAR:$WORK" dev.augctl.bench.LongTextBench "$@"
