#!/usr/bin/env bash
# The demo: the AJC pilot learning group as it stood in late November 2012.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)/roundtable
schedule=schedules/ajc-2012.yaml
out=demo-output
as_of=2012-11-26
rm -rf "$out"
mkdir -p "$out"

# A scratch state file, so the demo never touches the user's own records.
export ROUNDTABLE_STATE="$out/state.sqlite"
export ROUNDTABLE_SCHEDULE="$schedule"

echo "== roundtable check"
"$bin" check
echo
echo "== roundtable init   (every other command refuses a state that was never made)"
"$bin" init
echo
echo "== roundtable import seeds/ajc-2012-records.yaml   (what had happened by $as_of)"
"$bin" import seeds/ajc-2012-records.yaml
echo
echo "== roundtable status --as-of $as_of"
"$bin" status --as-of "$as_of"
echo
echo "== roundtable overdue --as-of $as_of"
"$bin" overdue --as-of "$as_of" || echo "(exit $?: something is overdue)"
echo
echo "== roundtable export"
"$bin" export -o "$out/ajc-2012.ics"
echo "wrote $out/ajc-2012.ics"
"$bin" export --dir "$out/feeds"
echo
echo "== roundtable invite rt5 / remind --as-of $as_of   (into $out/outbox, one .eml per message)"
ROUNDTABLE_NOW=2012-11-08T09:00:00Z "$bin" invite rt5 --outbox "$out/outbox" | tail -n 2
"$bin" remind --as-of "$as_of" --outbox "$out/outbox"
echo
echo "== roundtable writeup rt4 / report   (rt1's write-up is the group's own, bundled in schedules/writeups/)"
cp -r schedules/writeups "$out/writeups"
"$bin" writeup rt4 --writeups "$out/writeups"
"$bin" report --as-of "$as_of" --writeups "$out/writeups" --html -o "$out/ajc-report.html" --timeline "$out/ajc-timeline.svg"
echo "wrote $out/ajc-report.html and $out/ajc-timeline.svg"
echo
echo "Import $out/ajc-2012.ics into a calendar client, or subscribe to the feeds roundtable serve gives (below), with ETags so clients poll cheaply."
echo
echo "== the web page: the series, each member's page at her link, and the feeds with ETags"
echo "Sam's link: $("$bin" member link sam --base-url http://127.0.0.1:8080)"
echo "Run: ROUNDTABLE_STATE=$out/state.sqlite ROUNDTABLE_NOW=2012-11-28T09:00:00Z $bin serve -s $schedule --writeups $out/writeups --listen 127.0.0.1:8080"
