#!/usr/bin/env python3
"""Prints 'first_start last_end' (epoch seconds) of a launch, from the log separators (when each attempt
began) and the ends: slurm_status/*.exit when present (written by the task itself), else run.json."""
import json, pathlib, re, sys
from datetime import datetime

log_dir = pathlib.Path(sys.argv[1])
def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
starts = []
for log in log_dir.glob("shard_*_of_*.log"):
    for m in re.finditer(r"^===== augctl launch: shard \S+ attempt \d+ at (\S+Z): ", log.read_text(), re.M):
        starts.append(ts(m.group(1)))
ends = [ts(re.search(r"ended_at=(\S+)", f.read_text()).group(1)) for f in (log_dir / "slurm_status").glob("shard_*.exit")]
if not ends:
    ends = [ts(r["ended_at"]) for r in json.loads((log_dir / "run.json").read_text())["shards"]]
print(min(starts), max(ends))
