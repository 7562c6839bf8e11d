#!/usr/bin/env bash
# What a shard costs beyond its share of the work (docs/BENCHMARKS.md, "generate: per-shard cost").
#   bench/generate/scaling.sh        from the project root, after `mvn -B package -DskipTests`
# ROWS synthetic rows (default 20,000), every method of conf/augment_methods.yaml, cold caches (a
# fresh output root and cache folder per run), through `bin/augctl launch` as a user runs it. Per
# configuration, REPS runs (default 3), the configurations alternated: wall seconds and CPU seconds
# (user + system of the launcher and every shard: the shards are its children), medians, and the
# ratio of each configuration's CPU to that of one shard, and the peak resident memory of the largest
# process (the launcher or a shard: what wait4 reports for the launcher's tree). Configurations:
#   n1, n2, n7            --num-shards 1 / 2 / 7, class-data archive in place (made by a first run),
#                         the launcher's JIT choice (C1 alone for a shard with one core and a small share)
#   n2-c2, n7-c2          the same with the optimizing compiler forced (-XX:TieredStopAtLevel=4 in java_opts)
#   n7-nocds              --num-shards 7 with worker.class_data_archive: false
#   n1-p2                 --num-shards 1 --num-proc 2
# and the floor of this machine for two CPU-bound processes: one `sha256sum` of 300 MB alone vs two
# side by side. Every run's datasets are compared with those of n1 (sha256 of all dataset.parquet).
# CONFIGS="n1 n7" chooses some of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/augctl.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
rows=${ROWS:-20000}
reps=${REPS:-3}
configs=${CONFIGS:-n1 n2 n2-c2 n7 n7-c2 n7-nocds n1-p2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/xdg # the class-data archive of this benchmark, not the user's
java bench/SyntheticInput.java --rows "$rows" --seed 7 --out "$work/input.csv" > /dev/null 2>&1
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); input $rows rows"

run() { # run NAME -> "wall cpu checksum peak-rss-MB"
  local name=$1 n=1 cds=true jit="" extra=()
  case $name in
    n1) ;; n2) n=2 ;; n7) n=7 ;; n2-c2) n=2 jit=', "-XX:TieredStopAtLevel=4"' ;; n7-c2) n=7 jit=', "-XX:TieredStopAtLevel=4"' ;;
    n7-nocds) n=7 cds=false ;; n1-p2) extra=(--num-proc 2) ;;
    *) echo "unknown configuration $name" >&2; exit 2 ;;
  esac
  sed -e "s|^  class_data_archive: .*|  class_data_archive: $cds|" \
      -e "s|^  java_opts: \[\(.*\)\]|  java_opts: [\1$jit]|" conf/augctl.yaml > "$work/augctl.yaml"
  rm -rf "$work/out" "$work/cache" "$work/logs"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" bin/augctl launch --config "$work/augctl.yaml" --num-shards "$n" \
    --input "$work/input.csv" --output-root "$work/out" --log-dir "$work/logs" --cache-dir "$work/cache" \
    ${extra[@]+"${extra[@]}"} > "$work/launch.txt"
  read -r wall user sys rss < "$work/time"
  echo "$wall $(echo "$user + $sys" | bc) $(cat "$work"/out/*/dataset.parquet | sha256sum | cut -c1-16) $((rss / 1024))"
}

echo "first run (makes the class-data archive): $(run n1)"
declare -A walls cpus
reference=""
for i in $(seq "$reps"); do
  for c in $configs; do
    read -r wall cpu sum rss < <(run "$c")
    [ -z "$reference" ] && reference=$sum
    [ "$sum" = "$reference" ] || { echo "$c: datasets differ from the first configuration's ($sum vs $reference)" >&2; exit 1; }
    printf "rep %d %-9s wall %6.2f s  cpu %6.2f s  peak RSS %4d MB  load %s\n" "$i" "$c" "$wall" "$cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
    walls[$c]+="$wall "
    cpus[$c]+="$cpu "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(echo "${cpus[n1]:-}" | median 2>/dev/null || true)
echo "medians (datasets identical in every run):"
for c in $configs; do
  w=$(echo "${walls[$c]}" | median); u=$(echo "${cpus[$c]}" | median)
  ratio=$([ -n "$base" ] && echo "scale=2; $u / $base" | bc || echo "-")
  printf "  %-9s wall %6.2f s  cpu %6.2f s  cpu / n1 %s\n" "$c" "$w" "$u" "$ratio"
done

head -c 300000000 /dev/urandom > "$work/blob"
one=$( { /usr/bin/time -f "%e" sha256sum "$work/blob" > /dev/null; } 2>&1 )
two=$( { /usr/bin/time -f "%e" bash -c "sha256sum '$work/blob' > /dev/null & sha256sum '$work/blob' > /dev/null; wait"; } 2>&1 )
echo "floor: one sha256sum of 300 MB ${one} s, two side by side ${two} s: $(echo "scale=2; 2 * $one / $two" | bc)x from two processes"
