#!/bin/sh
# Test worker: logs one combo per shard the way the built-in worker does (timestamps, start and done
# lines), sleeping SECONDS in between: timed.sh {shard} SECONDS
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
echo "$(now) INFO  shard $1/1: assigned 1 combos: combo_s$1"
echo "$(now) INFO  combo 1/1 start: combo_s$1"
sleep "$2"
echo "$(now) INFO  combo 1/1 done: combo_s$1 rows=7 rejected=0"
echo "$(now) INFO  shard $1/1 complete: 1 combos, 7 rows"
