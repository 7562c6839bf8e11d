#!/usr/bin/env bash
# Launch benchmarks (re-runnable; figures go to docs/BENCHMARKS.md, section "launch").
#   bench/launch/run.sh [balance|overhead|dryrun|all]   from the project root, after `mvn -B package -DskipTests`
# Runs augctl as users do, through bin/augctl (its JVM options are part of what is measured).
# UNIT (seconds per cost unit, default 0.5) and REPS (default 5) can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/augctl.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
unit=${UNIT:-0.5}
reps=${REPS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=${JAVA:-java}

config() { # config FILE ARGV...
  local file=$1; shift
  local argv=""
  for a in "$@"; do argv="$argv${argv:+, }\"$a\""; done
  printf 'log_dir: "%s/logs"\ncache_dir: "%s/cache"\nworker:\n  command: [%s]\n' "$work" "$work" "$argv" > "$file"
}

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

balance() {
  config "$work/skew.yaml" /bin/sh "$PWD/bench/launch/skew_worker.sh" "$unit"
  total=$(awk "BEGIN{print 37 * $unit}")
  ideal=$(awk "BEGIN{t=$total/7; l=10*$unit; print (t>l)?t:l}")
  for mode in "--num-shards 7" "--num-shards 28 --jobs 7"; do
    rm -rf "$work/logs"
    t0=$(now)
    # shellcheck disable=SC2086
    bin/augctl launch --config "$work/skew.yaml" $mode > "$work/out.txt"
    t1=$(now)
    span=$(python3 bench/launch/makespan.py "$work/logs/run.json")
    printf 'balance %-26s makespan %6.2f s  wall %6.2f s  (ideal max(total/7, longest) = %s s, unit %s s)\n' \
      "$mode" "$span" "$(awk "BEGIN{print $t1-$t0}")" "$ideal" "$unit"
  done
}

overhead_of() { # overhead_of LABEL ARGV...: 28 runs of ARGV, 7 at once, four ways
  local label=$1; shift
  config "$work/noop.yaml" "$@"
  rm -f "$work"/*.t
  for _ in $(seq "$reps"); do
    rm -rf "$work/logs" "$work/floor-logs"; mkdir -p "$work/floor-logs"
    t0=$(now); bin/augctl launch --config "$work/noop.yaml" --num-shards 28 --jobs 7 > /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/launch.t"
    t0=$(now); seq 28 | xargs -P 7 -I{} "$@"; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/xargs.t"
    t0=$(now); "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/floor" SpawnFloor 28 7 "$work/floor-logs" "$@"; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/floor.t"
    t0=$(now); bin/augctl --version > /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/jvm.t"
  done
  local l x f j
  l=$(median < "$work/launch.t"); x=$(median < "$work/xargs.t"); f=$(median < "$work/floor.t"); j=$(median < "$work/jvm.t")
  printf 'overhead 28 x %s, 7 at once (median of %s): augctl launch %.3f s = %.1fx xargs -P 7 %.3f s; bare JVM spawner %.3f s = %.1fx; augctl --version %.3f s\n' \
    "$label" "$reps" "$l" "$(awk "BEGIN{print $l/$x}")" "$x" "$f" "$(awk "BEGIN{print $f/$x}")" "$j"
}

overhead() {
  # The floor of any JVM launcher: bench/launch/SpawnFloor.java starts the same processes through
  # setsid, 7 at once, with nothing else (no options, config, run state or messages).
  mkdir -p "$work/floor"
  javac -d "$work/floor" bench/launch/SpawnFloor.java
  overhead_of /bin/true /bin/true
  if command -v python3 > /dev/null; then
    overhead_of "python3 -c pass" "$(command -v python3)" -c pass
  fi
}

dryrun() {
  for _ in $(seq "$reps"); do
    t0=$(now); bin/augctl launch --dry-run --num-shards 7 > /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/dry.t"
    t0=$(now); "$java" -version 2> /dev/null; t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/ver.t"
  done
  printf 'dry-run 7 shards: median %.3f s; java -version median %.3f s (%s runs)\n' \
    "$(median < "$work/dry.t")" "$(median < "$work/ver.t")" "$reps"
}

case "${1:-all}" in
  balance) balance ;;
  overhead) overhead ;;
  dryrun) dryrun ;;
  all) balance; overhead; dryrun ;;
  *) echo "usage: $0 [balance|overhead|dryrun|all]" >&2; exit 2 ;;
esac
