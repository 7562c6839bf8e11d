#!/usr/bin/env bash
# What the fat jar holds and what a run uses of it (figures go to docs/BENCHMARKS.md, section "jar").
#
#   bench/jar/run.sh size     the jar's size and where the bytes go (natives, WordNet data, classes)
#   bench/jar/run.sh trace    which of the jar's classes a run loads, and which WordNet files it opens
#   bench/jar/run.sh all
#
# From the project root, after `mvn -B package -DskipTests`; AUGCTL_JAR chooses another jar (an older
# build, to compare). `trace` runs the built-in worker on the shipped sample (every shipped method,
# the WordNet ones included) and `merge --verify` and `merge --verify --json` on its output, with
# -Xlog:class+load, then prints per library package the classes in the jar and the classes loaded.
# For the WordNet files it unpacks them from the jar into a folder put first on the class path and
# records, with strace, the files opened (extjwnl reads each one it needs once, whole, at load).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=${AUGCTL_JAR:-target/augctl.jar}
[ -f "$jar" ] || { echo "no $jar: build first (mvn -B package -DskipTests)" >&2; exit 2; }
jar=$(realpath "$jar")
java=${JAVA:-java}
work=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-jar.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The groups a jar entry is counted in: native libraries per library and platform, the WordNet data
# files one by one, classes and resources by their first three path elements.
size() {
  echo "jar: $jar, $(stat -c %s "$jar") bytes"
  python3 - "$jar" <<'EOF'
import collections, re, sys, zipfile
entries = zipfile.ZipFile(sys.argv[1]).infolist()
def group(name):
    if name.startswith("org/sqlite/native/"):
        return "natives: sqlite-jdbc " + "/".join(name.split("/")[3:5])
    if re.search(r"/libzstd-jni[^/]*$", name):
        return "natives: zstd-jni " + "/".join(name.split("/")[:2])
    if name.startswith("org/xerial/snappy/native/"):
        return "natives: snappy-java (all platforms)"
    # augctl's compact copy; older builds carried the data jar's files
    if name.startswith(("dev/augctl/generate/augment/wordnet/", "net/sf/extjwnl/data/wordnet/")) and not name.endswith("/"):
        return "WordNet data: " + name.rsplit("/", 1)[-1]
    return "/".join(name.split("/")[:3])
# An entry's cost in the file: its compressed bytes plus its local and central headers (30 + 46 bytes
# and the name twice), so that the groups add up to the file's size (less the end record).
cost = collections.Counter()
count = collections.Counter()
for e in entries:
    g = group(e.filename)
    cost[g] += e.compress_size + 76 + 2 * len(e.filename.encode()) + len(e.extra)
    count[g] += 1
def total(prefix):
    return sum(v for k, v in cost.items() if k.startswith(prefix))
print(f"entries: {len(entries)}")
for prefix in ("natives: sqlite-jdbc", "natives: zstd-jni", "natives: snappy-java", "WordNet data"):
    print(f"{total(prefix) / 1e6:8.2f} MB  {prefix} (all)")
print(f"{sum(v for k, v in cost.items() if ':' not in k) / 1e6:8.2f} MB  classes and other resources (all)")
print("largest groups:")
for g, v in cost.most_common(40):
    print(f"{v / 1e6:8.2f} MB  {count[g]:5d} entries  {g}")
EOF
}

trace() {
  local out=$work/out
  mkdir -p "$work/wordnet"
  # unzip exits 11 when one of the patterns matches nothing (the other build's WordNet path)
  (cd "$work/wordnet" && unzip -q "$jar" 'dev/augctl/generate/augment/wordnet/*' 'net/sf/extjwnl/data/wordnet/*' 2>/dev/null \
    || [ $? -eq 11 ])
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  strace -f -qq -e trace=openat -o "$work/open.txt" \
    "$java" -Xlog:class+load=info:file="$work/classes-generate.txt" -cp "$work/wordnet:$jar" dev.augctl.Main \
    generate --output-root "$out" --cache-db "$work/cache.db" > "$work/generate.log" 2>&1 \
    || { cat "$work/generate.log" >&2; exit 1; }
  tail -1 "$work/generate.log"
  "$java" -Xlog:class+load=info:file="$work/classes-merge.txt" -jar "$jar" merge --output-root "$out" --keep-shards --verify \
    | grep verified
  "$java" -Xlog:class+load=info:file="$work/classes-merge-json.txt" -jar "$jar" merge --output-root "$out" --keep-shards --verify --json > /dev/null
  echo "WordNet data files opened by generate (all others in the jar are never read):"
  grep -o "$work/wordnet/[^\"]*" "$work/open.txt" | sed "s|$work/wordnet/||" | sort -u | sed 's/^/  /'
  echo "WordNet data files in the jar that were not opened:"
  comm -23 <(cd "$work/wordnet" && find . -type f | sed 's|^\./||' | sort) \
           <(grep -o "$work/wordnet/[^\"]*" "$work/open.txt" | sed "s|$work/wordnet/||" | sort -u) | sed 's/^/  /'
  python3 - "$jar" "$work"/classes-*.txt <<'EOF'
import collections, re, sys, zipfile
def package(name):  # a class's package, cut to four elements (org/apache/commons/csv)
    return "/".join(name.split("/")[:-1][:4])
in_jar = collections.Counter()
for n in zipfile.ZipFile(sys.argv[1]).namelist():
    if n.endswith(".class") and not n.startswith("META-INF/"):
        in_jar[package(n)] += 1
loaded = collections.defaultdict(set)
for f in sys.argv[2:]:
    for line in open(f):
        m = re.search(r"\] (\S+) source: (?:jar:)?file:", line)
        if m:
            n = m.group(1).replace(".", "/")
            loaded[package(n)].add(n)
print("classes in the jar / loaded by generate, merge --verify, merge --verify --json, per package:")
for p, n in sorted(in_jar.items(), key=lambda kv: (len(loaded[kv[0]]) > 0, kv[0])):
    print(f"  {n:5d} / {len(loaded[p]):4d}  {p}{'   (none loaded)' if not loaded[p] else ''}")
EOF
}

case ${1:-all} in
  size) size ;;
  trace) trace ;;
  all) size; trace ;;
  *) echo "usage: bench/jar/run.sh [size|trace|all]" >&2; exit 2 ;;
esac
