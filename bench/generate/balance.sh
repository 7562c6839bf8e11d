#!/usr/bin/env bash
# Static vs dynamic schedule of the built-in worker (docs/BENCHMARKS.md, "generate: dynamic schedule").
#   bench/generate/balance.sh     from the project root, after `mvn -B package -DskipTests`
# ROWS synthetic rows (default 20,000), every method of conf/augment_methods.yaml, `augctl launch
# --num-shards 2`, cold caches. Runs static and dynamic alternately, REPS times each (default 2), all
# sharing one log directory, so that each dynamic run orders its claims from the durations recorded by
# the runs before it. Per run: makespan (first shard start to last shard end, run.json) against the
# bound max(summed combo seconds / 2, longest combo) from the same run's manifests, and CPU seconds.
# A first, unreported run makes the worker's class-data archive (in a folder of the benchmark's own).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/augctl.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
rows=${ROWS:-20000}
reps=${REPS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java bench/SyntheticInput.java --rows "$rows" --seed 7 --out "$work/input.csv" > /dev/null 2>&1
# The worker's class-data archive of this benchmark, made by a first run that is not reported.
export XDG_CACHE_HOME=$work/xdg
bin/augctl launch --num-shards 2 --schedule static --input "$work/input.csv" --output-root "$work/out-warm" \
  --log-dir "$work/logs-warm" --cache-dir "$work/cache-warm" > /dev/null
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); input $rows rows"

bound() { # bound OUT_ROOT: "sum/2 longest bound" from the shard manifests' seconds column
  python3 - "$1" <<'PY'
import csv, glob, sys
secs = [float(r["seconds"]) for f in glob.glob(sys.argv[1] + "/manifest_shard*_of_2.csv") for r in csv.DictReader(open(f))]
print("%.2f %.2f %.2f %d" % (sum(secs) / 2, max(secs), max(sum(secs) / 2, max(secs)), len(secs)))
PY
}

for i in $(seq "$reps"); do
  for schedule in static dynamic; do
    out=$work/out-$schedule-$i
    /usr/bin/time -f "%U %S" -o "$work/time" bin/augctl launch --num-shards 2 --schedule "$schedule" \
      --input "$work/input.csv" --output-root "$out" --log-dir "$work/logs" --cache-dir "$work/cache-$schedule-$i" \
      > "$work/launch.txt"
    span=$(python3 bench/launch/makespan.py "$work/logs/run.json")
    read -r half longest b n < <(bound "$out")
    cpu=$(awk '{print $1+$2}' "$work/time")
    per_shard=$(python3 - "$out" <<'PY'
import csv, glob, sys
print(" ".join("%.1f" % sum(float(r["seconds"]) for r in csv.DictReader(open(f))) for f in sorted(glob.glob(sys.argv[1] + "/manifest_shard*_of_2.csv"))))
PY
)
    printf '%-7s run %d: makespan %6.2f s = %.2fx bound %.2f s (combo seconds / 2 = %s, longest %s; %s combos; per shard %s s); CPU %.1f s; load %s\n' \
      "$schedule" "$i" "$span" "$(awk "BEGIN{print $span/$b}")" "$b" "$half" "$longest" "$n" "$per_shard" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
