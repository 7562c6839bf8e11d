"""Prints the makespan of a launch (first shard start to last shard end) from its run.json."""
import datetime
import json
import sys


def parse(ts):
    # Java prints up to nanoseconds; Python takes microseconds.
    ts = ts.rstrip("Z")
    if "." in ts:
        head, frac = ts.split(".")
        ts = head + "." + frac[:6]
    return datetime.datetime.fromisoformat(ts)


state = json.load(open(sys.argv[1]))
starts = [parse(s["started_at"]) for s in state["shards"] if s.get("started_at")]
ends = [parse(s["ended_at"]) for s in state["shards"] if s.get("ended_at")]
print("%.2f" % (max(ends) - min(starts)).total_seconds())
