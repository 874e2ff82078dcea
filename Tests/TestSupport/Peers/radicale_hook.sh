#!/bin/sh
# Radicale's storage hook in the tests (run after every write: PUT, DELETE, MKCALENDAR…).
# Usage: radicale_hook.sh FOLDER
# Counts the writes in FOLDER/writes. When FOLDER/stop-at holds that count, kills the server
# (its pid is in FOLDER/radicale.pid) with SIGKILL before it answers: the write is on disk and
# the client never hears of it, as when a server dies mid-request.
set -eu
count=$(( $(cat "$1/writes" 2>/dev/null || echo 0) + 1 ))
echo "$count" > "$1/writes"
if [ -f "$1/stop-at" ] && [ "$count" -eq "$(cat "$1/stop-at")" ]; then
  kill -9 "$(cat "$1/radicale.pid")"
fi
