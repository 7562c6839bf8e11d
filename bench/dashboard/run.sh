#!/usr/bin/env bash
# Benchmark of the dashboard (see docs/BENCHMARKS.md, "## dashboard"): SHARDS logs of SIZE_MB
# megabytes each in a temporary directory; then
#  1. in-process (bench/dashboard/DashboardBench.java): the first scan, then refresh + publish +
#     GET /api/state after 1 KB appended to every log;
#  2. the real jar: `monitor --follow` and `monitor --follow --serve 0` side by side on the same
#     logs (1 KB appended to every log each second, a client reading /api/state and /events), their
#     resident memory (VmRSS) sampled every second for SECONDS seconds after both finished their first scan.
# Usage: bench/dashboard/run.sh          (SHARDS=200 SIZE_MB=5 SECONDS_=30 by default: 1 GB of logs)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARDS="${SHARDS:-200}"
SIZE_MB="${SIZE_MB:-5}"
SECONDS_="${SECONDS_:-30}"
work="$(mktemp -d "${TMPDIR:-/tmp}/augctl-dashboard-bench.XXXXXX")"
pids=()
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

test -f target/augctl.jar || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$work/classes" "$work/logs"
javac -nowarn -d "$work/classes" -cp target/augctl.jar bench/dashboard/DashboardBench.java
cp="target/augctl.jar:$work/classes"

echo "== generating $SHARDS logs of $SIZE_MB MB in $work/logs"
python3 bench/monitor/gen_log.py "$work/logs/shard_0_of_$SHARDS.log" "$SIZE_MB"
for ((i = 1; i < SHARDS; i++)); do cp "$work/logs/shard_0_of_$SHARDS.log" "$work/logs/shard_${i}_of_$SHARDS.log"; done
echo "$(du -sh "$work/logs" | cut -f1) of logs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. in-process: refresh + publish + GET /api/state"
java -XX:+UseSerialGC -cp "$cp" DashboardBench "$work/logs" conf/monitor.yaml 30 2>/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 2. resident memory: monitor --follow vs monitor --follow --serve 0 (bin/augctl, interval 1 s)"
bin/augctl monitor --log-dir "$work/logs" --num-shards "$SHARDS" --follow --interval 1 > /dev/null 2>&1 &
plain=$!; pids+=("$plain")
bin/augctl monitor --log-dir "$work/logs" --num-shards "$SHARDS" --follow --interval 1 --serve 0 > /dev/null 2> "$work/serve.err" &
served=$!; pids+=("$served")
for _ in $(seq 1 600); do grep -q 'dashboard at' "$work/serve.err" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.err")"
for _ in $(seq 1 600); do curl -sf -o /dev/null "${url}api/state" && break; sleep 0.5; done
sleep 3  # the plain monitor's first scan ends about when the served one's does
curl -sN "${url}events" > /dev/null &
pids+=("$!")
rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
: > "$work/rss.txt"
for ((s = 0; s < SECONDS_; s++)); do
  for ((i = 0; i < SHARDS; i += 1)); do
    printf '%s INFO  combo 7/9 progress: %d/3000 rows\n' "$(date -u +%FT%T.000Z)" "$s" >> "$work/logs/shard_${i}_of_$SHARDS.log"
  done
  curl -sf -o /dev/null "${url}api/state"
  echo "$(rss "$plain") $(rss "$served")" >> "$work/rss.txt"
  sleep 1
done
python3 - "$work/rss.txt" <<'PY'
import statistics, sys
rows = [tuple(int(x) for x in l.split()) for l in open(sys.argv[1]) if l.strip()]
plain = [r[0] / 1024 for r in rows]; served = [r[1] / 1024 for r in rows]
diff = [s - p for p, s in zip(plain, served)]
print("VmRSS over %d samples: monitor --follow median %.0f MB (max %.0f); with --serve median %.0f MB (max %.0f); "
      "difference median %.0f MB, max %.0f MB" % (len(rows), statistics.median(plain), max(plain),
      statistics.median(served), max(served), statistics.median(diff), max(diff)))
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
