#!/bin/sh
# Synthetic shard for the balancing benchmark: 28 combos, combo 0 costs 10 units and every other
# combo 1 unit; combo k belongs to shard k mod N (the worker contract). Sleeps the sum of the costs
# of its combos. Usage: skew_worker.sh UNIT_SECONDS (shard and N come from AUGCTL_SHARD_INDEX/NUM_SHARDS).
unit=$1
i=$AUGCTL_SHARD_INDEX
n=$AUGCTL_NUM_SHARDS
units=0
k=$i
while [ "$k" -lt 28 ]; do
  if [ "$k" -eq 0 ]; then units=$((units + 10)); else units=$((units + 1)); fi
  k=$((k + n))
done
echo "shard $i/$n: $units units"
sleep "$(echo "$units * $unit" | bc -l 2>/dev/null || awk "BEGIN{print $units * $unit}")"
