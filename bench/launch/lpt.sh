#!/usr/bin/env bash
# LPT start order from the duration history (docs/BENCHMARKS.md, "launch: longest first").
#   bench/launch/lpt.sh            from the project root, after `mvn -B package -DskipTests`
# 28 one-combo shards (27 x SHORT s, one x LONG s), 7 slots, the long shard first, in the middle and
# last. Per position and repetition, side by side: augctl's first run (empty history: index order),
# its second run (the history of the first: longest first), GNU parallel -j7 and xargs -P7 (both in
# index order). augctl's makespan is first shard start to last shard end (run.json); parallel's and
# xargs' is their wall time. Lower bound: max(LONG, total / 7), and for augctl also the bound of the
# same run's measured shard durations, max(longest, sum / 7), which counts what a loaded machine adds
# to every shard (process start-up). Medians of REPS (default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/augctl.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
long=${LONG:-3}
short=${SHORT:-0.3}
reps=${REPS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
worker=$PWD/bench/launch/skew_one.sh

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
bound=$(awk "BEGIN{t=(27*$short+$long)/7; print (t>$long)?t:$long}")

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for pos in first middle last; do
  case $pos in first) k=0 ;; middle) k=14 ;; last) k=27 ;; esac
  printf 'worker:\n  command: ["/bin/sh", "%s", "{shard}", "%s", "%s", "%s"]\n' "$worker" "$k" "$long" "$short" > "$work/c.yaml"
  rm -f "$work"/*.t
  for _ in $(seq "$reps"); do
    for run in 1 2; do
      [ "$run" -eq 1 ] && rm -rf "$work/logs"
      bin/augctl launch --config "$work/c.yaml" --log-dir "$work/logs" --cache-dir "$work/cache" --output-root "$work/out" \
        --num-shards 28 --jobs 7 > "$work/out$run.txt"
      span=$(python3 bench/launch/makespan.py "$work/logs/run.json")
      echo "$span" >> "$work/augctl$run.t"
      python3 - "$work/logs/run.json" "$span" >> "$work/ratio$run.t" <<'PY'
import datetime, json, sys
def t(s):
    s = s.rstrip("Z"); h, _, f = s.partition(".")
    return datetime.datetime.fromisoformat(h + ("." + f[:6] if f else ""))
d = [(t(r["ended_at"]) - t(r["started_at"])).total_seconds() for r in json.load(open(sys.argv[1]))["shards"]]
print("%.3f" % (float(sys.argv[2]) / max(max(d), sum(d) / 7)))
PY
    done
    t0=$(now); seq 0 27 | parallel -j7 /bin/sh "$worker" {} "$k" "$long" "$short" > /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/parallel.t"
    t0=$(now); seq 0 27 | xargs -P7 -I{} /bin/sh "$worker" {} "$k" "$long" "$short" > /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/xargs.t"
  done
  a1=$(median < "$work/augctl1.t"); a2=$(median < "$work/augctl2.t")
  r1=$(median < "$work/ratio1.t"); r2=$(median < "$work/ratio2.t")
  p=$(median < "$work/parallel.t"); x=$(median < "$work/xargs.t")
  grep -h ' order: ' "$work/out2.txt" | cut -c1-120 | sed 's/^/  second run: /'
  printf 'long shard %-6s (index %2d), median of %s: augctl 1st run %.2f s (%.2fx bound; %.2fx its measured bound), 2nd run (lpt) %.2f s (%.2fx; %.2fx), parallel -j7 %.2f s (%.2fx), xargs -P7 %.2f s (%.2fx); bound %.2f s\n' \
    "$pos" "$k" "$reps" "$a1" "$(awk "BEGIN{print $a1/$bound}")" "$r1" "$a2" "$(awk "BEGIN{print $a2/$bound}")" "$r2" \
    "$p" "$(awk "BEGIN{print $p/$bound}")" "$x" "$(awk "BEGIN{print $x/$bound}")" "$bound"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
