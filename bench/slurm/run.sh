#!/usr/bin/env bash
# Slurm executor overhead (re-runnable; figures go to docs/BENCHMARKS.md, section "slurm").
#   bench/slurm/run.sh        from the project root, after `mvn -B package -DskipTests`, with Slurm running
#                             (scripts/slurm-local.sh start gives a one-node cluster)
# 7 shards of `sleep $SLEEP` (default 1) through the local executor and through Slurm, REPS times each
# (default 3), median wall time. Slurm's one node has `nproc` CPUs and each task takes one, so the local
# runs use --jobs $(nproc) too: both run the same waves, and the difference is the scheduling overhead.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/augctl.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "sbatch not found: start Slurm (scripts/slurm-local.sh start)" >&2; exit 2; }
reps=${REPS:-3}
sleep_s=${SLEEP:-1}
cpus=$(nproc)
work=$(mktemp -d "$PWD/target/bench-slurm.XXXXXX")  # inside the project: a "shared" filesystem for the tasks
trap 'rm -rf "$work"' EXIT
java=${JAVA:-java}

config() { # config FILE EXECUTOR POLL
  printf 'num_shards: 7\nlog_dir: "%s/logs"\ncache_dir: "%s/cache"\nexecutor: %s\nslurm:\n  poll_interval: %s\nworker:\n  command: ["/bin/sleep", "%s"]\n' \
    "$work" "$work" "$2" "$3" "$sleep_s" > "$1"
}
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

run() { # run LABEL EXECUTOR POLL EXTRA_ARGS...
  local label=$1 executor=$2 poll=$3; shift 3
  config "$work/c.yaml" "$executor" "$poll"
  : > "$work/walls"; : > "$work/spans"
  for _ in $(seq "$reps"); do
    rm -rf "$work/logs"
    t0=$(now)
    "$java" -jar "$jar" launch --config "$work/c.yaml" "$@" > "$work/out.txt" || { cat "$work/out.txt"; exit 1; }
    t1=$(now)
    awk "BEGIN{print $t1-$t0}" >> "$work/walls"
    read -r first last < <(python3 bench/slurm/spans.py "$work/logs")
    awk "BEGIN{print $last-$first}" >> "$work/spans"
  done
  printf '%-44s wall %6.2f s   first start to last end %6.2f s   (median of %s)\n' \
    "$label" "$(median < "$work/walls")" "$(median < "$work/spans")" "$reps"
}

echo "7 shards of sleep $sleep_s, $cpus CPUs; ideal makespan $(( (7 + cpus - 1) / cpus * sleep_s )) s"
run "local --jobs $cpus" local 5 --jobs "$cpus"
run "slurm, poll_interval 1 s" slurm 1
run "slurm, poll_interval 5 s (default)" slurm 5
"$java" -jar "$jar" --version > /dev/null
t0=$(now); "$java" -jar "$jar" --version > /dev/null; t1=$(now)
printf '%-44s wall %6.2f s\n' "java -jar augctl.jar --version" "$(awk "BEGIN{print $t1-$t0}")"
