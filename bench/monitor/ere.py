#!/usr/bin/env python3
"""Prints the regexes of a monitor patterns file, one per line, rewritten as POSIX ERE for grep -E."""
import re
import sys


def to_ere(rx):
    rx = re.sub(r"\(\?<[A-Za-z][A-Za-z0-9]*>", "(", rx)
    rx = rx.replace("(?:", "(")
    # inside and outside classes
    rx = rx.replace("[\\w$]", "[[:alnum:]_$]").replace("[\\d,]", "[0-9,]")
    rx = rx.replace("\\d", "[0-9]").replace("\\S", "[^[:space:]]").replace("\\s", "[[:space:]]").replace("\\w", "[[:alnum:]_]")
    return rx


def main():
    current = None
    for raw in open(sys.argv[1], encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if m:
            current = m.group(1)
            rest = m.group(2).strip()
            if rest.startswith("'"):
                print(to_ere(rest[1:rest.rindex("'")]))
            continue
        m = re.match(r"^\s*-\s*'(.*)'\s*$", line)
        if m and current:
            print(to_ere(m.group(1).replace("''", "'")))


if __name__ == "__main__":
    main()
