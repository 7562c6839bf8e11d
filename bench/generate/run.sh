#!/usr/bin/env bash
# Benchmark of `augctl generate` (the built-in worker). Re-runnable; prints the figures that go into
# docs/BENCHMARKS.md under "## generate".
#
#   bench/generate/run.sh                       # 20,000 synthetic rows, conf/augment_methods.yaml
#   ROWS=5000 METHODS=my_methods.yaml bench/generate/run.sh
#   JAVA_OPTS="-Xmx512m" bench/generate/run.sh  # other JVM options (default: the launcher's worker.java_opts)
#
# Needs target/augctl.jar (mvn -B package -DskipTests) and bench/SyntheticInput.java.
# Measures, with K=2 and default quality bounds:
#   1. per method, one shard pinned to one core (taskset -c 0), cold cache: rows kept per second of each
#      combo (as in its "done" line) and input rows per second; CPU time and peak RSS of the whole shard;
#   2. end to end: every enabled method as singletons, 2 shards in parallel (one per core), -Xmx512m,
#      cold cache: wall time and peak RSS of each shard;
#   3. the same 2 shards again with --force and the warm cache (no augmentation work).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-20000}
METHODS=${METHODS:-conf/augment_methods.yaml}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx512m"}
JAR=target/augctl.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-generate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[[ -f $JAR ]] || { echo "missing $JAR: run mvn -B package -DskipTests" >&2; exit 2; }
[[ -f $METHODS ]] || { echo "missing methods file $METHODS (set METHODS=...)" >&2; exit 2; }
java bench/SyntheticInput.java --rows "$ROWS" --seed 7 --out "$WORK/input.csv" >/dev/null 2>&1

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $ROWS synthetic rows; methods: $METHODS; JVM options: $JAVA_OPTS"

worker() { # worker OUT_DIR SHARD NUM_SHARDS EXTRA...
  local out=$1 shard=$2 n=$3; shift 3
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" generate --input "$WORK/input.csv" --methods "$METHODS" \
    --output-root "$out" --cache-db "$WORK/cache_$(basename "$out")_$shard.db" \
    --shard-index "$shard" --num-shards "$n" --variants-per-sample 2 "$@"
}

echo
echo "## 1. per method, 1 shard, 1 core (taskset -c 0), cold cache"
printf '%-34s %8s %8s %8s %7s %10s %12s\n' combo rows rejected attempts seconds "kept/s" "input rows/s"
/usr/bin/time -f "%U %S %M" -o "$WORK/one.time" taskset -c 0 bash -c \
  "$(declare -f worker); JAR=$JAR WORK=$WORK METHODS=$METHODS JAVA_OPTS='$JAVA_OPTS'; worker $WORK/one 0 1" > "$WORK/one.log"
grep -E ' done: ' "$WORK/one.log" | sed -E 's/.* done: ([^ ]+) rows=([0-9]+) rejected=([0-9]+) seconds=([0-9.]+).*/\1 \2 \3 \4/' |
  while read -r combo rows rejected seconds; do
    read -r secs attempts < <(python3 -c "import json;m=json.load(open('$WORK/one/$combo/meta.json'));print(m['seconds'],m['attempts'])")
    printf '%-34s %8d %8d %8d %7.2f %10.0f %12.0f\n' "$combo" "$rows" "$rejected" "$attempts" "$secs" \
      "$(python3 -c "print($rows/$secs)")" "$(python3 -c "print($ROWS/$secs)")"
  done
grep -E 'complete:' "$WORK/one.log" | sed -E 's/.*INFO  //'
read -r user sys rss < "$WORK/one.time"
echo "CPU ${user} s user, ${sys} s system; peak RSS $((rss / 1024)) MB; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

run_two_shards() { # LABEL EXTRA...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  for s in 0 1; do
    /usr/bin/time -f "%M %e" -o "$WORK/time_${label}_$s" bash -c "$(declare -f worker); JAR=$JAR WORK=$WORK METHODS=$METHODS JAVA_OPTS='$JAVA_OPTS'; worker $WORK/two $s 2 $*" > "$WORK/two_${label}_$s.log" &
  done
  wait
  end=$(date +%s.%N)
  printf '%s: wall %.1f s end to end (load average after: %s)' "$label" "$(python3 -c "print($end-$start)")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  for s in 0 1; do
    read -r rss secs < "$WORK/time_${label}_$s"
    printf '; shard %d %.1f s, peak RSS %d MB' "$s" "$secs" $((rss / 1024))
  done
  echo
}

echo
echo "## 2-3. every method as singletons, 2 shards in parallel, -Xmx512m"
run_two_shards cold
run_two_shards warm --force
python3 - "$WORK/two" <<'PY'
import json, pathlib, sys
metas = [json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1]).glob("*/meta.json")]
print("warm rerun: cache hits %d, misses %d, rows %d over %d combos" % (
    sum(m["cache"]["hits"] for m in metas), sum(m["cache"]["misses"] for m in metas),
    sum(m["rows"] for m in metas), len(metas)))
PY
