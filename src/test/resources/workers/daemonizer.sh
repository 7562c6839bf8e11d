#!/bin/sh
# Test worker that starts a daemon: a grandchild in a session of its own whose parent has already
# exited, so it is in neither the worker's process tree nor its session. Writes the daemon's pid
# to $1, then sleeps $2 seconds (0: exits at once, leaving the daemon behind).
( setsid sh -c 'echo $$ > "$1.tmp" && mv "$1.tmp" "$1"; exec sleep 1000' daemon "$1" & )
while [ ! -f "$1" ]; do sleep 0.05; done
echo "daemonizer $$ started daemon $(cat "$1")"
[ "$2" = 0 ] && exit 0
sleep "$2"
