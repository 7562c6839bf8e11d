#!/bin/sh
# Test --on-event command: appends "AUGCTL_EVENT<TAB>the event JSON from stdin" to the file $1.
printf '%s\t%s\n' "$AUGCTL_EVENT" "$(cat)" >> "$1"
