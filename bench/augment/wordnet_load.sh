#!/usr/bin/env bash
# WordNet load time, once per fresh JVM, pinned to one core, with the worker's JVM options.
# Re-runnable; needs target/augctl.jar (mvn -B package -DskipTests).
#   bench/augment/wordnet_load.sh [runs]          # default 5 runs of each mode
#   JAVA_OPTS="-Xmx512m" bench/augment/wordnet_load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx512m"}
JAR=target/augctl.jar
[[ -f $JAR ]] || { echo "missing $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-wordnet.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK" -cp "$JAR" bench/augment/WordNetLoad.java
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), JVM options: $JAVA_OPTS"
for i in $(seq "$RUNS"); do
  for mode in augctl extjwnl-default; do
    # shellcheck disable=SC2086
    printf 'run %d, load average %s: %s\n' "$i" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$("${PIN[@]}" java $JAVA_OPTS -cp "$JAR:$WORK" WordNetLoad "$mode")"
  done
done
