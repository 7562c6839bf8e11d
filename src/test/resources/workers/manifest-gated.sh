#!/bin/sh
# Test worker: writes a shard manifest (combo,rows,path) with one row, combo_<shard>_<tag>, to the
# output root $1 for shard $2 of $3, unless shard $2 is listed in $5 (comma-separated): then it exits 1
# without writing. After writing it waits (up to 60 s) while the file $4 does not exist.
out=$1 shard=$2 n=$3 release=$4 failing=$5
case ",$failing," in *",$shard,"*) echo "shard $shard fails"; exit 1 ;; esac
mkdir -p "$out"
f="$out/manifest_shard${shard}_of_${n}.csv"
printf 'combo,rows,path\ncombo_%s_%s,10,combo_%s/dataset.parquet\n' "$shard" "${AUGCTL_RUN_ID:-none}" "$shard" > "$f.tmp"
mv "$f.tmp" "$f"
echo "shard $shard wrote $f"
i=0
while [ ! -e "$release" ] && [ "$i" -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
echo "shard $shard done"
