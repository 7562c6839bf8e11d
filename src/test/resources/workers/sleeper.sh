#!/bin/sh
# Test worker: prints a line every 0.1 s for $1 seconds (default 60), then exits 0.
n=$(( ${1:-60} * 10 ))
echo "sleeper shard ${AUGCTL_SHARD_INDEX}/${AUGCTL_NUM_SHARDS} pid $$"
i=0
while [ "$i" -lt "$n" ]; do
  echo "tick $i"
  sleep 0.1
  i=$((i + 1))
done
echo "sleeper done"
