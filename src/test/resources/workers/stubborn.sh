#!/bin/sh
# Test worker that ignores SIGTERM (its children inherit that): only SIGKILL ends it.
# Writes its pid to $1.
trap '' TERM
echo $$ > "$1.tmp" && mv "$1.tmp" "$1"
echo "stubborn pid $$ ignores SIGTERM"
while :; do sleep 0.2; done
