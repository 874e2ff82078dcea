#!/usr/bin/env python3
"""Every instant of a calendar as three RFC 5545 readers take it, for comparison with libical's.

Usage: PYTHON rfc_instants.py FILE.ics   (PYTHON: the venv `make deps` builds in .build-peers,
with icalendar 7, x-wr-timezone and recurring-ical-events from PyPI)

Prints one JSON object: {"versions": {...}, "readers": {READER: {UID: {"DTSTART": ..., "DTEND": ...,
"ALARM": ...}}}}, each time in UTC as YYYY-MM-DDTHH:MM:SSZ, for every VEVENT with a time (not a
whole day). READER is "icalendar" (icalendar 7's own start, end and alarm times),
"x-wr-timezone" (the calendar after x_wr_timezone.to_standard, which applies X-WR-TIMEZONE) and
"recurring-ical-events" (the occurrences it expands between 1990 and 2100).
"""

import datetime
import json
import sys
from importlib import metadata

import icalendar
import recurring_ical_events
import x_wr_timezone

UTC = datetime.timezone.utc


def utc(moment):
    """An aware datetime in UTC text; None for a whole day, which has no instant."""
    if not isinstance(moment, datetime.datetime):
        return None
    if moment.tzinfo is None:
        raise ValueError(f"floating time {moment} where a zone was expected")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def alarm_times(event):
    """The instants of the event's alarms, as icalendar 7 computes them."""
    return sorted(utc(a.trigger) for a in event.alarms.times)


def read_events(calendar):
    """UID -> times of each timed VEVENT, as icalendar reads the (possibly converted) calendar."""
    found = {}
    for event in calendar.walk("VEVENT"):
        start = utc(event.start)
        if start is None:
            continue
        found[str(event["UID"])] = {"DTSTART": start, "DTEND": utc(event.end), "ALARM": alarm_times(event)}
    return found


def main(path):
    with open(path, "rb") as f:
        text = f.read()
    readers = {}
    readers["icalendar"] = read_events(icalendar.Calendar.from_ical(text))
    readers["x-wr-timezone"] = read_events(x_wr_timezone.to_standard(icalendar.Calendar.from_ical(text)))
    occurrences = {}
    calendar = icalendar.Calendar.from_ical(text)
    for event in recurring_ical_events.of(calendar).between((1990, 1, 1), (2100, 1, 1)):
        start = utc(event["DTSTART"].dt)
        if start is None:
            continue
        occurrences[str(event["UID"])] = {"DTSTART": start, "DTEND": utc(event["DTEND"].dt)}
    for alarm in recurring_ical_events.of(calendar, components=["VALARM"]).between((1990, 1, 1), (2100, 1, 1)):
        uid = str(alarm["UID"])
        if uid in occurrences:
            occurrences[uid].setdefault("ALARM", []).extend(utc(a.trigger) for a in alarm.alarms.active)
    for times in occurrences.values():
        times["ALARM"] = sorted(times.get("ALARM", []))
    readers["recurring-ical-events"] = occurrences
    versions = {name: metadata.version(name) for name in ("icalendar", "x-wr-timezone", "recurring-ical-events")}
    print(json.dumps({"versions": versions, "readers": readers}, indent=1, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
