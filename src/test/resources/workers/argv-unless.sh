#!/bin/sh
# Test worker: appends its arguments (after the first two) as one line to file $1, then exits 1
# unless file $2 exists: argv-unless.sh OUT OK_MARKER ARGS...
out=$1
ok=$2
shift 2
echo "$*" >> "$out"
[ -f "$ok" ] || exit 1
