#!/bin/sh
# Test worker: shard I exits with the (I+1)-th code given after the shard index: exit.sh {shard} 0 3 0
shard=$1
shift
i=0
for code in "$@"; do
  if [ "$i" -eq "$shard" ]; then
    echo "shard $shard exits with $code"
    exit "$code"
  fi
  i=$((i + 1))
done
echo "shard $shard: no code given, exits 0"
