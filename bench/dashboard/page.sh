#!/usr/bin/env bash
# The dashboard page with many shards in a real browser (see docs/BENCHMARKS.md, "## dashboard"):
# SHARDS short logs, `monitor --serve 0`, then headless chromium loads the page (polling mode) and
# dumps its DOM; prints the wall time of the dump, the rows and timeline lanes it holds, and leaves a
# screenshot in target/dashboard-SHARDS.png.  Usage: bench/dashboard/page.sh   (SHARDS=200)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARDS="${SHARDS:-200}"
work="$(mktemp -d "${TMPDIR:-/tmp}/augctl-dashboard-page.XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/logs"
for ((i = 0; i < SHARDS; i++)); do
  {
    echo "2026-11-30T01:00:00.000Z INFO  shard $i/$SHARDS: assigned 3 combos: x"
    echo "2026-11-30T01:00:01.000Z INFO  combo 1/3 start: combo_1_method_$i"
    echo "2026-11-30T01:00:0$((i % 9)).000Z INFO  combo 1/3 progress: $(( (i * 37) % 3000 ))/3000 rows"
  } > "$work/logs/shard_${i}_of_$SHARDS.log"
done
bin/augctl monitor --log-dir "$work/logs" --num-shards "$SHARDS" --serve 0 --interval 2 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 600); do grep -q 'dashboard at' "$work/serve.err" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.err")"
for _ in $(seq 1 600); do curl -sf -o /dev/null "${url}api/state" && break; sleep 0.2; done
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --virtual-time-budget=3000)
TIMEFORMAT="%R"
t=$( { time chromium "${flags[@]}" --user-data-dir="$work/p1" --dump-dom "${url}?poll" > "$work/dom.html" 2>/dev/null; } 2>&1 )
echo "chromium --dump-dom with $SHARDS shards: $t s wall (browser start included); rows: $(grep -o '<tr data-shard=' "$work/dom.html" | wc -l), timeline lanes: $(grep -o 'class="lane"' "$work/dom.html" | wc -l), DOM $(wc -c < "$work/dom.html") bytes"
chromium "${flags[@]}" --user-data-dir="$work/p2" --window-size=1280,900 --hide-scrollbars \
  --screenshot="$PWD/target/dashboard-$SHARDS.png" "${url}?poll" 2>/dev/null
echo "screenshot: target/dashboard-$SHARDS.png; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
