#!/usr/bin/env bash
# What nvidia-smi costs an 'augctl monitor' snapshot: none on PATH, the tests' fake answering at once,
# and the fake hanging (killed at the 3 s deadline). Seven shard logs of a finished run, ROUNDS
# snapshots each, interleaved; prints each case's median wall time and CPU seconds (user + sys).
# Usage: bench/gpu/run.sh   (needs target/augctl.jar: mvn -B -q package -DskipTests)
set -euo pipefail
ROUNDS=${ROUNDS:-7}
home=$(cd "$(dirname "$0")/../.." && pwd)
jar="$home/target/augctl.jar"
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/logs" "$tmp/none" "$tmp/answering" "$tmp/hanging"
for i in 0 1 2 3 4 5 6; do
  {
    echo "2026-11-30 02:00:00,000 INFO shard $i/7: assigned 1 combos: combo_1_x"
    echo "2026-11-30 02:00:01,000 INFO combo 1/1 start: combo_1_x"
    echo "2026-11-30 02:00:02,000 INFO combo 1/1 done: combo_1_x rows=10 rejected=0 seconds=1"
    echo "2026-11-30 02:00:02,001 INFO shard $i/7 complete: 1 combos, 10 rows"
  } > "$tmp/logs/shard_${i}_of_7.log"
done
for case in answering hanging; do
  cp "$home/src/test/resources/gpu/nvidia-smi" "$home"/src/test/resources/gpu/h200/*.txt \
     "$home"/src/test/resources/gpu/h200/*.csv "$tmp/$case/"
  chmod +x "$tmp/$case/nvidia-smi"
done
: > "$tmp/hanging/hang"

declare -A wall cpu
for ((r = 1; r <= ROUNDS; r++)); do
  for case in none answering hanging; do
    start=$(date +%s.%N)
    times_before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    PATH="$tmp/$case:/usr/bin:/bin" java -jar "$jar" monitor --log-dir "$tmp/logs" --no-color > "$tmp/out.$case"
    end=$(date +%s.%N)
    times_after=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    wall[$case]+="$(echo "$end - $start" | bc) "
    cpu[$case]+="$(echo "($times_after - $times_before) / 100" | bc -l) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS snapshots per case"
for case in none answering hanging; do
  printf '%-10s median wall %s s, median CPU %s s; GPU line shown: %s\n' "$case" \
    "$(echo "${wall[$case]}" | median)" "$(echo "${cpu[$case]}" | median)" \
    "$(grep -c '^GPU 0 ' "$tmp/out.$case" || true)"
done
