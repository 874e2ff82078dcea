#!/usr/bin/python3
"""Check that .ics files parse in two independent Python peers and that their times are right.

Usage: /usr/bin/python3 check_ics.py FILE.ics [FILE.ics ...]

For each file:
  * single TEXT values (SUMMARY, X-WR-CALNAME, ...) must escape ',' and ';';
  * Python icalendar must parse it and record no errors on any component (icalendar does not
    raise on a bad property inside VEVENT/VTODO/VALARM; it notes it in `component.errors`);
  * vobject must parse it (readComponents) into exactly one VCALENDAR that passes `.validate()`;
  * every DTSTART, DTEND and DUE with a TZID in a VEVENT or VTODO must name a plain IANA zone,
    have a VTIMEZONE with that TZID in the same file, and convert to the same UTC instant through
    that VTIMEZONE (vobject's reading of it) as through the system's zoneinfo.

Prints one JSON object {"files", "events", "todos", "timed_values_checked", "problems"} and exits
1 if there are problems, 0 if none, 2 on a usage error. Run it with Debian's /usr/bin/python3,
which has python3-icalendar and python3-vobject.
"""

import datetime
import json
import logging
import sys
import zoneinfo

import icalendar
import vobject

TIMED_PROPERTIES = ("DTSTART", "DTEND", "DUE")
VENDOR_PREFIX = "/freeassociation.sourceforge.net/"
# Single TEXT values in which ',' and ';' must be escaped (RFC 5545 3.3.11). Both peers parse an
# unescaped one without complaint, but vobject silently keeps only the text before a ','.
SINGLE_TEXT_PROPERTIES = ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT",
                          "NAME", "X-WR-CALNAME", "X-WR-CALDESC")


class LogCollector(logging.Handler):
    """Keeps what the peers log while parsing: vobject reports some bad input only as a log line."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name} {record.levelname}: {record.getMessage()}")


def describe(error):
    """An exception as one short line: icalendar puts the whole input into some messages."""
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 300 else text[:300] + "..."


def utc_text(moment):
    """An aware datetime as UTC in ISO form, for messages."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def unfolded_lines(text):
    """Yields (first physical line number, logical line) after undoing RFC 5545 folding."""
    number, current = 0, None
    for index, physical in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if current is not None and physical[:1] in (" ", "\t"):
            current += physical[1:]
            continue
        if current is not None:
            yield number, current
        number, current = index, physical
    if current:
        yield number, current


def check_text_escaping(text, report):
    """Reports an unescaped ',' or ';' in a single TEXT value; vobject truncates at a ','."""
    for number, line in unfolded_lines(text):
        name = line.split(":", 1)[0].split(";", 1)[0].upper()
        if name not in SINGLE_TEXT_PROPERTIES:
            continue
        quoted, start = False, None
        for index, character in enumerate(line):
            if character == '"':
                quoted = not quoted
            elif character == ":" and not quoted:
                start = index + 1
                break
        if start is None:
            continue
        value, index = line[start:], 0
        while index < len(value):
            if value[index] == "\\":
                index += 2
                continue
            if value[index] == ",":
                report(f"line {number}: {name} has an unescaped ',' in its TEXT value "
                       f"(vobject keeps only {value[:index]!r})")
                break
            if value[index] == ";":
                report(f"line {number}: {name} has an unescaped ';' in its TEXT value "
                       "(RFC 5545 requires '\\;')")
                break
            index += 1


def check_icalendar(text, report):
    """Parses with icalendar; returns (events, todos) or None if it could not parse."""
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as error:  # any exception is a parse failure worth reporting
        report(f"icalendar cannot parse: {describe(error)}")
        return None
    if calendar.name != "VCALENDAR":
        report(f"icalendar: top-level component is {calendar.name}, not VCALENDAR")
    counts = {"VEVENT": 0, "VTODO": 0}
    for component in calendar.walk():
        if component.name in counts:
            counts[component.name] += 1
        for property_name, message in component.errors:
            report(f"icalendar: {component.name} {property_name or 'line'}: {message}")
    return counts["VEVENT"], counts["VTODO"]


def parse_vobject(text, report):
    """Parses and validates with vobject; returns the VCALENDAR or None."""
    try:
        components = list(vobject.readComponents(text))
    except Exception as error:
        report(f"vobject cannot parse: {describe(error)}")
        return None
    if len(components) != 1 or components[0].name != "VCALENDAR":
        names = ", ".join(component.name for component in components) or "nothing"
        report(f"vobject: expected one VCALENDAR, found {names}")
        return None
    calendar = components[0]
    try:
        if not calendar.validate(raiseException=True):
            report("vobject: validate() returned False")
    except Exception as error:
        report(f"vobject validation failed: {describe(error)}")
    return calendar


def embedded_zones(calendar, report):
    """Maps each VTIMEZONE's TZID to vobject's tzinfo built from that VTIMEZONE of this file.

    vobject keeps one process-wide TZID registry in which the first VTIMEZONE seen wins, and falls
    back to pytz for a TZID without one, so the tzinfo on a parsed value may not come from this
    file. Building it from this file's own VTIMEZONE keeps each file's check honest.
    """
    zones = {}
    for timezone in calendar.contents.get("vtimezone", []):
        tzid = timezone.tzid.value if hasattr(timezone, "tzid") else None
        if not tzid:
            report("VTIMEZONE without TZID")
            continue
        try:
            zones[tzid] = timezone.gettzinfo()
        except Exception as error:
            report(f"VTIMEZONE {tzid}: vobject cannot read it: {describe(error)}")
    return zones


def system_zone(tzid, where, report):
    """The system tzdata's zone for a TZID, reporting vendor prefixes and unknown names."""
    name = tzid
    if name.startswith(VENDOR_PREFIX):
        report(f"{where}: TZID {tzid!r} has the vendor prefix {VENDOR_PREFIX!r}; "
               "expected a plain IANA name")
        name = name[len(VENDOR_PREFIX):]
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        report(f"{where}: TZID {tzid!r} is not an IANA zone in the system tzdata")
        return None


def check_times(calendar, report):
    """Compares every TZID-qualified time's UTC instant via the VTIMEZONE and via zoneinfo.

    Returns (events, todos, values compared).
    """
    zones = embedded_zones(calendar, report)
    events = todos = compared = 0
    for component in calendar.getChildren():
        if component.name == "VEVENT":
            events += 1
        elif component.name == "VTODO":
            todos += 1
        else:
            continue
        uid = component.uid.value if hasattr(component, "uid") else "(no UID)"
        for property_name in TIMED_PROPERTIES:
            for line in component.contents.get(property_name.lower(), []):
                value = line.value
                tzid = (line.params.get("TZID") or line.params.get("X-VOBJ-ORIGINAL-TZID") or [None])[0]
                if tzid is None or not isinstance(value, datetime.datetime):
                    continue
                local = value.replace(tzinfo=None)
                where = f"{component.name} {uid} {property_name} {local.isoformat()} TZID={tzid}"
                zone = system_zone(tzid, where, report)
                embedded = zones.get(tzid)
                if embedded is None:
                    report(f"{where}: the file has no VTIMEZONE with TZID {tzid!r}")
                if zone is None or embedded is None:
                    continue
                via_zoneinfo = local.replace(tzinfo=zone)
                if via_zoneinfo.astimezone(datetime.timezone.utc).astimezone(zone).replace(tzinfo=None) != local:
                    report(f"{where}: this local time does not exist in {zone.key} (it falls in a "
                           "daylight-saving gap); peers disagree on what it means")
                    continue
                compared += 1
                via_vtimezone = local.replace(tzinfo=embedded)
                if via_vtimezone.astimezone(datetime.timezone.utc) != via_zoneinfo.astimezone(datetime.timezone.utc):
                    report(f"{where}: UTC mismatch: the file's VTIMEZONE gives {utc_text(via_vtimezone)} "
                           f"(offset {via_vtimezone.utcoffset()}), system zoneinfo gives "
                           f"{utc_text(via_zoneinfo)} (offset {via_zoneinfo.utcoffset()})")
    return events, todos, compared


def check_file(path, totals, problems):
    """Runs every check on one file, adding to the totals and the problem list."""
    def report(message):
        problems.append(f"{path}: {message}")

    try:
        with open(path, "rb") as stream:
            text = stream.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report(f"cannot read as UTF-8: {error}")
        return
    totals["files"] += 1

    collector = LogCollector()
    logging.getLogger().addHandler(collector)
    try:
        check_text_escaping(text, report)
        icalendar_counts = check_icalendar(text, report)
        calendar = parse_vobject(text, report)
        if calendar is not None:
            events, todos, compared = check_times(calendar, report)
            totals["events"] += events
            totals["todos"] += todos
            totals["timed_values_checked"] += compared
            if icalendar_counts is not None and icalendar_counts != (events, todos):
                report(f"peers disagree: icalendar sees {icalendar_counts[0]} VEVENT/{icalendar_counts[1]} VTODO, "
                       f"vobject sees {events}/{todos}")
    finally:
        logging.getLogger().removeHandler(collector)
    for message in collector.messages:
        report(f"logged while parsing: {message}")


def main(arguments):
    if not arguments or any(argument in ("-h", "--help") for argument in arguments):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    totals = {"files": 0, "events": 0, "todos": 0, "timed_values_checked": 0}
    problems = []
    for path in arguments:
        check_file(path, totals, problems)
    print(json.dumps({**totals, "problems": problems}, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
