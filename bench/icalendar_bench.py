"""The Python baseline of `make bench`: the calendar work of Sources/roundtable-bench done with
icalendar (Debian's python3-icalendar; run it with /usr/bin/python3, which has that package).

Usage: icalendar_bench.py N RUNS. Prints "generate N MS BYTES" and "parse N MS CHECKSUM", each
the best of RUNS runs, timed with time.perf_counter (monotonic).

The VTIMEZONE is parsed (inside the timed region) from the same text roundtable derives for
Europe/London in 2012. icalendar resolves a TZID through pytz, not through the calendar's
VTIMEZONE; for this zone both give the same instants (the checksums agree).
"""
import datetime
import sys
import time

import icalendar

VTIMEZONE_LONDON = (
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20111030T020000\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:20110327T010000\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
)

# Every character TEXT escaping touches: ',' ';' '\' and newlines.
DESCRIPTION = (
    "Agenda: welcome, introductions; then the four areas.\n"
    "Papers are in C:\\shared\\papers, as before.\n"
    "Lunch provided; please reply."
)

FIRST_DAY = datetime.datetime(2012, 1, 1)
LONDON = {"TZID": "Europe/London"}


def event(index):
    """Event `index`: a day of 2012 (index mod 366), between 08:00 and 17:59 local time, two hours long."""
    start = FIRST_DAY + datetime.timedelta(days=index % 366, hours=8 + index % 10, minutes=index * 7 % 60)
    event = icalendar.Event()
    event.add("uid", "event-%d@bench.example.org" % index)
    event.add("dtstamp", datetime.datetime(2012, 1, 1, 12, tzinfo=datetime.timezone.utc))
    event.add("dtstart", start, parameters=LONDON)
    event.add("dtend", start + datetime.timedelta(hours=2), parameters=LONDON)
    event.add("summary", "Round table %d: models of partnership working" % index)
    event.add("location", "Room 4, Civic Offices, Havant")
    event.add("description", DESCRIPTION)
    event.add("organizer", "mailto:coord@example.org", parameters={"CN": "Coordinator"})
    for member in range(1, 6):
        event.add("attendee", "mailto:member%d@example.org" % member, parameters={
            "CN": "Member %d" % member,
            "ROLE": "REQ-PARTICIPANT",
            "PARTSTAT": "NEEDS-ACTION",
            "RSVP": "TRUE",
        })
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", datetime.timedelta(days=-1))
    alarm.add("description", "Round table tomorrow")
    event.add_component(alarm)
    return event


def generate(count):
    """A VCALENDAR (METHOD:REQUEST) with the Europe/London VTIMEZONE and `count` invitations, as bytes."""
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//roundtable//bench//EN")
    calendar.add("method", "REQUEST")
    calendar.add_component(icalendar.Timezone.from_ical(VTIMEZONE_LONDON))
    for index in range(count):
        calendar.add_component(event(index))
    return calendar.to_ical()


def parse(text):
    """Parses `text` and reads every VEVENT's UID, DTSTART instant and ATTENDEE count into a checksum."""
    checksum = 0
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        attendees = event.get("ATTENDEE", [])
        checksum += len(str(event["UID"]).encode())
        checksum += int(event.decoded("DTSTART").timestamp())
        checksum += len(attendees) if isinstance(attendees, list) else 1
    return checksum


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: icalendar_bench.py N RUNS")
    count, runs = int(sys.argv[1]), int(sys.argv[2])
    best_generate = best_parse = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        text = generate(count)
        t1 = time.perf_counter()
        checksum = parse(text)
        t2 = time.perf_counter()
        best_generate = min(best_generate, (t1 - t0) * 1e3)
        best_parse = min(best_parse, (t2 - t1) * 1e3)
    print("generate %d %.2f %d" % (count, best_generate, len(text)))
    print("parse %d %.2f %d" % (count, best_parse, checksum))


if __name__ == "__main__":
    main()
