#!/usr/bin/env python3
"""Writes a synthetic shard log in the built-in worker's format, of about SIZE_MB megabytes.

Per combo: a start line, progress lines (every ~2 s in a real run), a done line; one line in five
is worker chatter that no pattern matches (cache statistics). Usage: gen_log.py OUT SIZE_MB
"""
import sys
from datetime import datetime, timedelta, timezone


def main():
    out, size_mb = sys.argv[1], int(sys.argv[2])
    target = size_mb * 1024 * 1024
    t = datetime(2026, 11, 28, 20, 0, 0, tzinfo=timezone.utc)
    step = timedelta(milliseconds=2000)
    written = 0
    combos = 100000
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        def w(level, msg):
            nonlocal t, written
            line = "%s %-5s %s\n" % (t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), level, msg)
            t += step
            written += len(line)
            buf.append(line)

        buf = []
        w("INFO", "shard 0/7: assigned %d combos: combo_1_keyboard_typo, combo_1_ocr, ..." % combos)
        c = 0
        while written < target:
            c += 1
            name = "combo_2_keyboard_typo+nlp_wordnet_syn_%d" % c
            w("INFO", "combo %d/%d start: %s" % (c, combos, name))
            for k in range(1, 81):
                w("INFO", "combo %d/%d progress: %d/3000 rows (%.1f%%)" % (c, combos, k * 37, k * 37 / 30.0))
                if k % 4 == 0:
                    w("DEBUG", "cache hits %d misses %d for %s" % (k * 11, k * 3, name))
            w("INFO", "combo %d/%d done: %s rows=%d rejected=%d seconds=%.1f" % (c, combos, name, 5400 + c % 7, c % 13, 160.0))
            if len(buf) > 10000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))


if __name__ == "__main__":
    main()
