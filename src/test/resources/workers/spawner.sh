#!/bin/sh
# Test worker that spawns grandchildren and waits: one in its own process group, one that left it
# with setsid (a new session, out of reach of a group kill). Writes "pid child1 child2" to $1.
sleep 1000 &
c1=$!
setsid sleep 1001 &
c2=$!
sleep 0.2
echo "$$ $c1 $c2" > "$1.tmp" && mv "$1.tmp" "$1"
echo "spawner $$ spawned $c1 and $c2"
wait
