#!/bin/bash
# Check that khal, a calendar program we did not write, reads an .ics file without complaint.
#
# Usage: check_khal.sh FILE.ics
#
# Runs `khal printics` with a throwaway configuration (so the user's own khal setup is never read
# or written) and fails if khal exits non-zero, logs a warning or error, crashes with a Traceback,
# or does not print its "N events found" line. On success prints khal's output to stdout.
# Exit status: 0 accepted, 1 khal complained, 2 usage error.
#
# khal is lenient: it parses with Python icalendar, silently drops a malformed property line and
# ignores VTODOs and the embedded VTIMEZONE (it looks TZIDs up in its own zone database), so this
# complements check_ics.py rather than replacing it.
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: check_khal.sh FILE.ics" >&2
    exit 2
fi
ics=$1
if [ ! -r "$ics" ]; then
    echo "check_khal.sh: cannot read $ics" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/check_khal.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/calendar"
cat > "$work/config" <<EOF
[calendars]
[[sample]]
path = $work/calendar

[sqlite]
path = $work/khal.db

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
EOF

status=0
HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" XDG_CACHE_HOME="$work" LC_ALL=C.UTF-8 \
    khal -c "$work/config" printics "$ics" > "$work/stdout" 2> "$work/stderr" || status=$?

# khal logs through click-log as "warning: ..." / "error: ..." on stderr; a crash is a Traceback.
# On stdout only whole lines count: event lines start with a date, so a title cannot match.
complaint='^(warning|error|critical):|Traceback|could not'
stdout_complaint='^(warning|error|critical):|^Traceback'
if [ "$status" -ne 0 ] \
    || grep -Eiq "$complaint" "$work/stderr" \
    || grep -Eiq "$stdout_complaint" "$work/stdout" \
    || ! grep -Eq '^[0-9]+ events? found in ' "$work/stdout"; then
    {
        echo "check_khal.sh: khal did not accept $ics (exit status $status)"
        cat "$work/stdout" "$work/stderr"
    } >&2
    exit 1
fi
cat "$work/stdout"
