#!/usr/bin/env bash
# Benchmark of `augctl merge`: merges 7 shard manifests totalling ROWS rows (default 1,000,000) with
# the packaged jar, next to plain `tail -n +2` concatenation of the same files and to `bin/augctl
# --version` (the floor of any command: JVM and picocli start-up), REPS times each (default 5), and
# prints the medians. Re-runnable; everything happens in a temporary folder.
#
#   bench/merge/run.sh [ROWS] [REPS]        (build first: mvn -B -o package -DskipTests)
#   bench/merge/run.sh 10000 11             (a realistic size: how far merge is from --version)
#
# The merge runs as a user runs it: `bin/augctl merge --output-root DIR --keep-shards --config CONFIG`,
# a fresh JVM each time, with JAVA_OPTS as set in the environment (unset: the JVM's defaults).
# CONFIG is /dev/null (built-in defaults) unless set: CONFIG=conf/augctl.yaml adds the cost of
# reading the shipped YAML configuration. AUGCTL_JAR chooses another jar.
set -euo pipefail

ROWS=${1:-1000000}
REPS=${2:-5}
SHARDS=7
HERE=$(cd "$(dirname "$0")/../.." && pwd)
export AUGCTL_JAR=${AUGCTL_JAR:-$HERE/target/augctl.jar}
JAVA=${JAVA:-java}
CONFIG=${CONFIG:-/dev/null}
[ -f "$AUGCTL_JAR" ] || { echo "no $AUGCTL_JAR: run 'mvn -B -o package -DskipTests' first" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-merge-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Manifests in the worker's format: combo k belongs to shard k mod 7; a few methods, two-method
# combos (with '+'), row counts and timings that vary.
awk -v rows="$ROWS" -v n="$SHARDS" -v dir="$WORK" 'BEGIN {
    split("synonym keyboard_typo ocr eda aeda back_translation random_swap char_swap", m, " ");
    header = "combo,methods,rows,rejected,path,shard_index,num_shards,seconds,run_id";
    for (i = 0; i < n; i++) { f[i] = dir "/manifest_shard" i "_of_" n ".csv"; print header > f[i] }
    srand(42);
    for (k = 0; k < rows; k++) {
        i = k % n; a = m[k % 8 + 1]; b = m[int(k / 8) % 8 + 1];
        if (k % 3 == 0) { name = "combo_" k "_" a; methods = a } else { name = "combo_" k "_" a "+" b; methods = a "+" b }
        printf "%s,%s,%d,%d,%s/dataset.parquet,%d,%d,%.1f,4242-1796000000000-1\n", name, methods, 4000 + int(rand() * 2000),
            int(rand() * 50), name, i, n, rand() * 100 >> f[i];
    }
    for (i = 0; i < n; i++) close(f[i]);
}'
SIZE=$(du -ch "$WORK"/manifest_shard*.csv | tail -1 | cut -f1)
echo "input: $SHARDS manifests, $ROWS rows, $SIZE; $REPS repetitions; $(nproc) cores; $("$JAVA" -version 2>&1 | head -1);" \
    "config $CONFIG; JAVA_OPTS='${JAVA_OPTS:-}'"

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

FILES=()
for ((i = 0; i < SHARDS; i++)); do FILES+=("$WORK/manifest_shard${i}_of_${SHARDS}.csv"); done

# The merge's CPU seconds (user + sys of its JVM) come from bash's `times` in a subshell around it.
MERGE_TIMES=() TAIL_TIMES=() MERGE_CPU=() VERSION_TIMES=()
for ((r = 1; r <= REPS; r++)); do
    t0=$(now)
    c=$( ( (cd "$HERE" && bin/augctl merge --output-root "$WORK" --keep-shards --config "$CONFIG") > "$WORK/stats.txt"
        times ) \
        | tail -1 | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
    t1=$(now)
    { head -n 1 "${FILES[0]}"; tail -q -n +2 "${FILES[@]}"; } > "$WORK/tail.csv"
    t2=$(now)
    (cd "$HERE" && bin/augctl --version) > /dev/null
    t3=$(now)
    MERGE_TIMES+=("$(echo "$t1 - $t0" | bc)")
    TAIL_TIMES+=("$(echo "$t2 - $t1" | bc)")
    VERSION_TIMES+=("$(echo "$t3 - $t2" | bc)")
    MERGE_CPU+=("$c")
    printf 'rep %d: merge %.3f s (%s s CPU), tail %.3f s, --version %.3f s; load average %s\n' "$r" "${MERGE_TIMES[-1]}" \
        "$c" "${TAIL_TIMES[-1]}" "${VERSION_TIMES[-1]}" "$(cut -d' ' -f1 /proc/loadavg)"
done

# The merge must produce exactly the concatenation (the rows need no quoting).
cmp -s "$WORK/manifest_final.csv" "$WORK/tail.csv" || { echo "merged file differs from the concatenation" >&2; exit 1; }

M=$(printf '%s\n' "${MERGE_TIMES[@]}" | median)
C=$(printf '%s\n' "${MERGE_CPU[@]}" | median)
T=$(printf '%s\n' "${TAIL_TIMES[@]}" | median)
V=$(printf '%s\n' "${VERSION_TIMES[@]}" | median)
printf 'median: augctl merge %.3f s (%.2f s CPU), tail -n +2 %.3f s (%.1fx), augctl --version %.3f s (%.2fx)\n' \
    "$M" "$C" "$T" "$(echo "$M / $T" | bc -l)" "$V" "$(echo "$M / $V" | bc -l)"
grep -E '^(combos|rows) ' "$WORK/stats.txt"
