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

echo "== roundtable check"
"$bin" check -s "$schedule"
echo
echo "== roundtable status --as-of $as_of"
"$bin" status -s "$schedule" --as-of "$as_of"
echo
echo "== roundtable export"
"$bin" export -s "$schedule" -o "$out/ajc-2012.ics"
echo "wrote $out/ajc-2012.ics"
"$bin" export -s "$schedule" --dir "$out/feeds"
echo
echo "Import $out/ajc-2012.ics into a calendar client, or serve $out/feeds/ from any web server."
