#!/usr/bin/env python3
"""A stand-in for a user's own generate_augsets.py (standard library only).

It speaks the worker contract's flags, logs with the `logging` module, draws tqdm-style bars with
carriage returns on stderr, writes one JSON-lines dataset per combo and a shard manifest with its own
column names (combo_name, num_rows), so that augctl's launch, monitor and merge can be tested
against a worker that is not augctl's.
"""
import argparse
import csv
import hashlib
import json
import logging
import os
import sys
import time


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--methods", required=True)
    p.add_argument("--output-root", required=True)
    p.add_argument("--text-col", default="sentence_text")
    p.add_argument("--evidence-col", default="sentence_text")
    p.add_argument("--criterion-col", default="DSM5_symptom")
    p.add_argument("--label-col", default="status")
    p.add_argument("--id-col", default="sentence_id")
    p.add_argument("--variants-per-sample", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--quality-min-sim", type=float, default=0.55)
    p.add_argument("--quality-max-sim", type=float, default=0.95)
    p.add_argument("--combo-mode", default="singletons")
    p.add_argument("--num-proc", type=int, default=1)
    p.add_argument("--save-format", default="jsonl")
    p.add_argument("--shard-index", type=int, required=True)
    p.add_argument("--num-shards", type=int, required=True)
    p.add_argument("--cache-db", default=None)
    p.add_argument("--force", action="store_true")
    # Test knobs: seconds to sleep per row (to watch progress) and a shard that fails.
    p.add_argument("--row-delay", type=float, default=float(os.environ.get("STANDIN_ROW_DELAY", "0")))
    p.add_argument("--fail-shard", type=int, default=int(os.environ.get("STANDIN_FAIL_SHARD", "-1")))
    return p.parse_args()


def method_names(path):
    """Reads `- name: x` entries of a methods YAML file (enough for a stand-in, no PyYAML)."""
    names, enabled = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s.startswith("- name:"):
                names.append(s.split(":", 1)[1].strip().strip("'\""))
                enabled.append(True)
            elif s.startswith("enabled:") and names:
                enabled[-1] = s.split(":", 1)[1].strip().lower() != "false"
    return [n for n, e in zip(names, enabled) if e]


def tqdm_bar(done, total, start):
    pct = int(100 * done / total) if total else 100
    filled = pct // 10
    elapsed = time.time() - start
    rate = done / elapsed if elapsed > 0 else 0.0
    return "\r%3d%%|%s%s| %d/%d [%02d:%02d<00:00, %.1fit/s]" % (
        pct, "#" * filled, " " * (10 - filled), done, total, int(elapsed) // 60, int(elapsed) % 60, rate)


def main():
    args = parse_args()
    logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                        format="%(asctime)s - %(levelname)s - %(message)s")
    log = logging.getLogger("generate_augsets")
    with open(args.input, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    methods = method_names(args.methods)
    combos = ["combo_1_" + m for m in methods]
    mine = [c for k, c in enumerate(combos) if k % args.num_shards == args.shard_index]
    log.info("Shard %d/%d: %d combos assigned", args.shard_index, args.num_shards, len(mine))
    if args.shard_index == args.fail_shard:
        raise RuntimeError("simulated failure in shard %d" % args.shard_index)
    manifest = []
    for i, combo in enumerate(mine, 1):
        log.info("Processing combo %d/%d: %s", i, len(mine), combo)
        out_dir = os.path.join(args.output_root, combo)
        os.makedirs(out_dir, exist_ok=True)
        start = time.time()
        kept = []
        for n, row in enumerate(rows, 1):
            digest = hashlib.sha256(("%d|%s|%s" % (args.seed, combo, row[args.id_col])).encode()).hexdigest()
            words = row[args.text_col].split()
            if len(words) > 2:
                j = int(digest[:8], 16) % (len(words) - 1)
                words[j], words[j + 1] = words[j + 1], words[j]
            kept.append(dict(row, **{args.text_col: " ".join(words), "source_id": row[args.id_col],
                                     "combo": combo, "variant": 0}))
            if args.row_delay:
                time.sleep(args.row_delay)
            if n % 25 == 0 or n == len(rows):
                sys.stderr.write(tqdm_bar(n, len(rows), start))
                sys.stderr.flush()
        sys.stderr.write("\n")
        path = os.path.join(out_dir, "dataset.jsonl")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            for r in kept:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        os.replace(path + ".tmp", path)
        log.info("Saved %d rows to %s", len(kept), path)
        manifest.append({"combo_name": combo, "num_rows": len(kept),
                         "path": os.path.join(combo, "dataset.jsonl"),
                         "shard": args.shard_index, "elapsed_s": "%.2f" % (time.time() - start)})
        name = os.path.join(args.output_root, "manifest_shard%d_of_%d.csv" % (args.shard_index, args.num_shards))
        with open(name + ".tmp", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["combo_name", "num_rows", "path", "shard", "elapsed_s"])
            w.writeheader()
            w.writerows(manifest)
        os.replace(name + ".tmp", name)
    if not mine:
        name = os.path.join(args.output_root, "manifest_shard%d_of_%d.csv" % (args.shard_index, args.num_shards))
        os.makedirs(args.output_root, exist_ok=True)
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write("combo_name,num_rows,path,shard,elapsed_s\n")
    log.info("All combos complete")


if __name__ == "__main__":
    try:
        main()
    except Exception:
        logging.getLogger("generate_augsets").exception("Shard failed")
        sys.exit(1)
