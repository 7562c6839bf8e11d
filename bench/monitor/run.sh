#!/usr/bin/env bash
# Benchmark of augctl monitor (see docs/BENCHMARKS.md, "## monitor"): generates SHARDS logs of
# SIZE_MB megabytes each in a temporary directory, times `grep -cE` with the monitor's line patterns
# on them, then the monitor's first full scan and its refreshes after 1 KB appended to each log
# (in-process, bench/monitor/MonitorBench.java). Deletes the logs at the end.
# Usage: bench/monitor/run.sh            (SIZE_MB=200 SHARDS=7 ROUNDS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB="${SIZE_MB:-200}"
SHARDS="${SHARDS:-7}"
ROUNDS="${ROUNDS:-3}"
PATTERNS="${PATTERNS:-conf/monitor.yaml}"
work="$(mktemp -d "${TMPDIR:-/tmp}/augctl-monitor-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
mkdir -p "$work/classes" "$work/logs"
javac -nowarn -d "$work/classes" -cp "target/classes:$(cat "$work/cp.txt")" bench/monitor/MonitorBench.java
cp="target/classes:$(cat "$work/cp.txt"):$work/classes"

echo "== generating $SHARDS logs of $SIZE_MB MB in $work/logs"
python3 bench/monitor/gen_log.py "$work/logs/shard_0_of_$SHARDS.log" "$SIZE_MB"
for ((i = 1; i < SHARDS; i++)); do cp "$work/logs/shard_0_of_$SHARDS.log" "$work/logs/shard_${i}_of_$SHARDS.log"; done
cat "$work"/logs/*.log > /dev/null   # both sides read from the page cache

# the patterns that classify lines, as ERE (the timestamp pattern is only tried on a few lines)
python3 bench/monitor/ere.py "$PATTERNS" | tail -n +2 > "$work/patterns.ere"

TIMEFORMAT="%R %U %S"
bytes=$(cat "$work"/logs/*.log | wc -c)
grep_time() {
  local t
  t=$( { time LC_ALL=$1 grep -cE -f "$work/patterns.ere" "$work"/logs/*.log > "$work/grep.out"; } 2>&1 )
  read -r wall user sys <<< "$t"
  echo "grep -cE (LC_ALL=$1): $wall s = $(awk -v s="$wall" -v b="$bytes" 'BEGIN {printf "%.0f", b / 1e6 / s}') MB/s (CPU $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.3f", u + s}') s; $(awk -F: '{s += $2} END {print s}' "$work/grep.out") matching lines)"
}
for ((r = 1; r <= ROUNDS; r++)); do
  echo "== round $r"
  grep_time C
  java -cp "$cp" MonitorBench "$work/logs" "$PATTERNS" 50 1       # one thread, as grep
  java -cp "$cp" MonitorBench "$work/logs" "$PATTERNS" 50 "$(nproc)"  # what augctl monitor does
done
# grep in a UTF-8 locale is an order of magnitude slower: measured once, for the record
if [[ "${GREP_UTF8:-1}" == 1 ]]; then grep_time C.UTF-8; fi
