#!/bin/sh
# Test worker: fails (exit 1) the first $2 times it runs with counter file $1, then succeeds.
n=$(cat "$1" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$1"
if [ "$n" -le "$2" ]; then
  echo "flaky run $n fails"
  exit 1
fi
echo "flaky run $n succeeds"
