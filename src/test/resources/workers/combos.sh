#!/bin/sh
# Test worker that logs like the built-in worker, slowly: $1 combos of $2 progress steps, $3 seconds
# per step. Combo 2's name and one log line hold HTML (the dashboard must show them as text).
combos=${1:-3}
steps=${2:-5}
pause=${3:-0.2}
i=${AUGCTL_SHARD_INDEX:-0}
n=${AUGCTL_NUM_SHARDS:-1}
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
echo "$(now) INFO  shard $i/$n: assigned $combos combos: x"
c=1
while [ "$c" -le "$combos" ]; do
  name="combo_${c}_shard$i"
  if [ "$c" -eq 2 ]; then
    name="combo_2_<script>alert(1)</script><img/src=x/onerror=alert(2)>"
    echo "$(now) WARN  a line with <img src=x onerror=alert(3)> and <script>alert(4)</script>"
  fi
  echo "$(now) INFO  combo $c/$combos start: $name"
  s=1
  while [ "$s" -le "$steps" ]; do
    sleep "$pause"
    echo "$(now) INFO  combo $c/$combos progress: $((s * 10))/$((steps * 10)) rows"
    s=$((s + 1))
  done
  echo "$(now) INFO  combo $c/$combos done: $name rows=$((steps * 10)) rejected=0 seconds=1.0"
  c=$((c + 1))
done
echo "$(now) INFO  shard $i/$n complete: $combos combos, $((combos * steps * 10)) rows, 1.0 s"
