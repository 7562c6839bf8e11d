#!/bin/sh
# Test worker that writes a lot ($1 lines, default 200000) to stdout and stderr, then exits 0.
n=${1:-200000}
yes "chatty output line for shard ${AUGCTL_SHARD_INDEX}" | head -n "$n"
yes "chatty error line" | head -n 1000 >&2
echo "chatty done"
