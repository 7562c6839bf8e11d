#!/usr/bin/env bash
# The monitor on a loaded machine: 7 busy shards of the built-in worker (bin/augctl launch) while
# `augctl monitor` snapshots run beside them, with the shards at nice 10 (the default) and nice 0.
# Prints, per setting: the median and range of the snapshot times taken during the run, the time to
# the first `--follow` frame, and the run's makespan; then the makespan of unwatched runs, nice 10 and
# 0 alternated REPS times (default 2), for the shards' own cost of a lower priority. Re-runnable.
#
#   bench/monitor/loaded.sh                    # 20,000 synthetic rows, 7 shards
#   ROWS=5000 SNAPSHOTS=5 bench/monitor/loaded.sh
#
# Needs target/augctl.jar (mvn -B package -DskipTests) and bench/SyntheticInput.java.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-20000}
SNAPSHOTS=${SNAPSHOTS:-7}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-loaded.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[[ -f target/augctl.jar ]] || { echo "missing target/augctl.jar: run mvn -B package -DskipTests" >&2; exit 2; }
java bench/SyntheticInput.java --rows "$ROWS" --seed 7 --out "$WORK/input.csv" >/dev/null 2>&1
echo "machine: $(nproc) cores, autogroup $(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo '?'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "-"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f s (min %.2f, max %.2f, n=%d)", m, a[1], a[NR], NR}'; }
now() { date +%s.%N; }

for nice in 10 0; do
  d="$WORK/nice$nice"
  mkdir -p "$d"
  start=$(now)
  bin/augctl launch --num-shards 7 --nice "$nice" --input "$WORK/input.csv" --output-root "$d/out" \
    --log-dir "$d/logs" --cache-dir "$d/cache" > "$d/launch.out" 2>&1 &
  launcher=$!
  until [[ -f "$d/logs/run.json" ]] && grep -q '"state" : "running"' "$d/logs/run.json" 2>/dev/null \
        && [[ $(ls "$d/logs"/shard_*.log 2>/dev/null | wc -l) -ge 7 ]]; do sleep 0.2; done
  sleep 3 # the shards past their start-up, using every core
  : > "$d/snap.txt"
  for _ in $(seq "$SNAPSHOTS"); do
    t0=$(now); bin/augctl monitor --log-dir "$d/logs" > /dev/null; t1=$(now)
    echo "$t1 - $t0" | bc >> "$d/snap.txt"
    kill -0 "$launcher" 2>/dev/null || break
  done
  # time to the first --follow frame (piped: a plain snapshot per refresh)
  t0=$(now)
  first=""
  if kill -0 "$launcher" 2>/dev/null; then
    bin/augctl monitor --log-dir "$d/logs" --follow --interval 60 | { read -r _; echo "$(now)" > "$d/first"; cat > /dev/null; } &
    follower=$!
    until [[ -f "$d/first" ]] || ! kill -0 "$follower" 2>/dev/null; do sleep 0.05; done
    [[ -f "$d/first" ]] && first=$(echo "$(cat "$d/first") - $t0" | bc)
    kill "$follower" 2>/dev/null || true
  fi
  wait "$launcher" || true
  end=$(now)
  echo "nice $nice: snapshot $(median < "$d/snap.txt"); first --follow frame ${first:-n/a} s; makespan $(printf '%.1f' "$(echo "$end - $start" | bc)") s"
done

# The shards' own cost of nice: the same run with nothing watching it, nice 10 and 0 alternated.
for rep in $(seq "${REPS:-2}"); do
  for nice in 10 0; do
    d="$WORK/quiet$nice-$rep"
    mkdir -p "$d"
    start=$(now)
    bin/augctl launch --num-shards 7 --nice "$nice" --input "$WORK/input.csv" --output-root "$d/out" \
      --log-dir "$d/logs" --cache-dir "$d/cache" > "$d/launch.out" 2>&1 || true
    echo "unwatched, nice $nice, run $rep: makespan $(printf '%.1f' "$(echo "$(now) - $start" | bc)") s"
  done
done
