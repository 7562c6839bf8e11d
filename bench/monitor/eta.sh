#!/usr/bin/env bash
# ETA error of `augctl monitor` through real runs: 7 shards of the built-in worker on the shipped
# sample (bin/augctl launch --num-shards 7), recorded with `monitor --follow --json --interval 1`.
# Each repetition makes two runs, each in a fresh log directory: the first with no duration
# history, the second with the first's history.jsonl copied into its log directory (fresh output
# root and cache each run, so the work is the same). The recorder starts before the launch and
# waits for the run (`--follow` before a run), so its first document does not depend on how quickly
# a JVM starts on a machine whose cores the shards take. For each run it prints, at 25 %, 50 % and 75 % of the run (first shard start to
# last shard end, from run.json), the monitor's run ETA (the document last printed by then), the
# actual time left, |ETA - actual| / actual, and beside it the naive estimate
# elapsed x (1 - p) / p with p = the run's combos done / combos in the run from the same document.
# Last, the median error per run and point over the repetitions. Re-runnable.
#
#   bench/monitor/eta.sh            # 3 repetitions
#   REPS=5 bench/monitor/eta.sh
#   KEEP=1 bench/monitor/eta.sh     # keep the recordings (frames.jsonl, run.json, logs) and say where
#
# Needs target/augctl.jar (mvn -B package -DskipTests) and python3 (for reading the JSON lines).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-3}
INPUT=${INPUT:-data/sample/redsm5_sample.csv}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/augctl-bench-eta.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null || true; [[ -n "${KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
[[ -f target/augctl.jar ]] || { echo "missing target/augctl.jar: run mvn -B package -DskipTests" >&2; exit 2; }
# The worker's class-data archive of this benchmark (a folder of its own), made by a first run that is
# not reported: the run that makes it ends later (its first shard writes the archive at exit).
export XDG_CACHE_HOME=$WORK/xdg
bin/augctl launch --num-shards 7 --input "$INPUT" --output-root "$WORK/out-warm" --cache-dir "$WORK/cache-warm" \
  --log-dir "$WORK/logs-warm" > /dev/null
echo "machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

for rep in $(seq "$REPS"); do
  for run in 1 2; do
    d="$WORK/r$rep-$run"
    logs="$d/logs"
    mkdir -p "$logs"
    if [[ $run == 2 ]]; then
      cp "$WORK/r$rep-1/logs/history.jsonl" "$logs/history.jsonl"
      cp "$logs/history.jsonl" "$d/history-before.jsonl" # what this run's ETA starts from (for replaying it)
    fi
    bin/augctl monitor --log-dir "$logs" --follow --json --interval 1 > "$d/frames.jsonl" 2> "$d/monitor.err" &
    follower=$!
    sleep 1 # the recorder is up and waiting before the run starts
    bin/augctl launch --num-shards 7 --input "$INPUT" --output-root "$d/out" --cache-dir "$d/cache" \
      --log-dir "$logs" > "$d/launch.out" 2>&1 || { echo "launch failed:" >&2; cat "$d/launch.out" >&2; exit 1; }
    for _ in $(seq 100); do kill -0 "$follower" 2>/dev/null || break; sleep 0.1; done
    kill "$follower" 2>/dev/null || true
    wait "$follower" 2>/dev/null || true
    cp "$logs/run.json" "$d/run.json"
    python3 - "$d" "$rep" "$run" <<'EOF'
import json, sys
from datetime import datetime
d, rep, run = sys.argv[1:4]
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
state = json.load(open(d + "/run.json"))
t0 = min(t(s["started_at"]) for s in state["shards"])
t1 = max(t(s["ended_at"]) for s in state["shards"])
docs = [json.loads(l) for l in open(d + "/frames.jsonl") if l.strip()]
out = []
for p in (0.25, 0.50, 0.75):
    at = t0 + p * (t1 - t0)
    seen = [x for x in docs if t(x["time"]) <= at]
    if not seen:
        out.append((p, None, None, None, None)); continue
    doc = seen[-1]
    now = t(doc["time"]); left = t1 - now; s = doc["summary"]
    eta = s["eta_seconds"]
    err = None if eta is None or left <= 0 else abs(eta - left) / left
    q = s["combos_done"] / s["combos_total"] if s.get("combos_total") else 0
    naive = (now - t0) * (1 - q) / q if q > 0 else None
    nerr = None if naive is None or left <= 0 else abs(naive - left) / left
    out.append((p, eta, left, err, nerr))
    print(f"rep {rep} run {run} ({'history' if run == '2' else 'no history'}): {int(p*100)}% at {now - t0:5.1f} s of {t1 - t0:.1f} s:"
          f" ETA {'-' if eta is None else f'{eta:.1f} s'}{' (rough)' if s.get('eta_rough') else ''}, actual {left:.1f} s,"
          f" error {'-' if err is None else f'{err:.0%}'};"
          f" naive {'-' if naive is None else f'{naive:.1f} s'} (p={q:.2f}), error {'-' if nerr is None else f'{nerr:.0%}'}")
for p in (0.25, 0.50, 0.75):
    if not any(o[0] == p for o in out):
        print(f"rep {rep} run {run}: {int(p*100)}%: no document yet")
with open(d + "/errors.json", "w") as f:
    json.dump([[o[0], o[3], o[4]] for o in out], f)
EOF
  done
done

python3 - "$WORK" "$REPS" <<'EOF'
import json, sys, statistics
work, reps = sys.argv[1], int(sys.argv[2])
for run, label in (("1", "first run (no history)"), ("2", "second run (history)")):
    cells = []
    for i, p in enumerate((0.25, 0.50, 0.75)):
        errs, naive = [], []
        for rep in range(1, reps + 1):
            e = json.load(open(f"{work}/r{rep}-{run}/errors.json"))[i]
            errs.append(float("inf") if e[1] is None else e[1])
            naive.append(float("inf") if e[2] is None else e[2])
        fmt = lambda v: "-" if v == float("inf") else f"{v:.0%}"
        cells.append(f"{int(p*100)}%: {fmt(statistics.median(errs))} (naive {fmt(statistics.median(naive))})")
    print(f"median over {reps}, {label}: " + "; ".join(cells))
EOF
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
