#!/bin/sh
# Test worker: writes shard $2's manifest of $3 shards under $1: one combo of 10 x ($2 + 1) rows.
mkdir -p "$1"
rows=$((10 * ($2 + 1)))
printf 'combo,rows,path\ncombo_%s_x,%s,combo_%s_x/dataset.parquet\n' "$2" "$rows" "$2" > "$1/manifest_shard$2_of_$3.csv"
echo "shard $2 wrote its manifest"
