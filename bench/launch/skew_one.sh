#!/bin/sh
# Synthetic one-combo shard for the LPT benchmark: shard LONG sleeps LONG_SECONDS, every other shard
# SHORT_SECONDS. Logs its combo's start and done lines the way the built-in worker does, so that the
# launcher records durations in the history. Usage: skew_one.sh SHARD LONG LONG_SECONDS SHORT_SECONDS
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
secs=$4
[ "$1" -eq "$2" ] && secs=$3
echo "$(now) INFO  combo 1/1 start: combo_$1"
sleep "$secs"
echo "$(now) INFO  combo 1/1 done: combo_$1 rows=1"
