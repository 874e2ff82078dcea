#!/usr/bin/python3
"""Reads .eml files as a strict mail client would, for tests that assert what was sent.

Usage: /usr/bin/python3 read_strict.py FILE.eml [FILE.eml ...]

Each file is parsed by Python's email package with policy=email.policy.strict, which raises on
any defect rather than noting it; a file that does not parse is reported in "problems". The
calendar part, if any, is read by Python's icalendar. Prints a JSON list, one object per file:
file, subject, to, plain (the decoded text/plain part), calendar (the decoded text/calendar
part), method, sequence, status, and attendees
(each ATTENDEE as [address, PARTSTAT, RSVP]); then exits 0.
"""
import email
import email.policy
import json
import sys

import icalendar

out = []
for path in sys.argv[1:]:
    item = {"file": path, "subject": None, "to": None, "plain": None, "method": None, "sequence": None,
            "status": None, "attendees": None, "calendar": None, "problems": []}
    try:
        with open(path, "rb") as f:
            msg = email.message_from_bytes(f.read(), policy=email.policy.strict)
        item["subject"] = str(msg["Subject"])
        item["to"] = str(msg["To"])
        for part in msg.walk():
            kind = part.get_content_type()
            if kind == "text/plain" and item["plain"] is None:
                item["plain"] = part.get_content()
            if kind == "text/calendar" and item["method"] is None:
                item["method"] = part.get_param("method")
                item["calendar"] = part.get_content()
                event = icalendar.Calendar.from_ical(item["calendar"]).walk("VEVENT")[0]
                attendees = event.get("ATTENDEE")
                attendees = attendees if isinstance(attendees, list) else [attendees] if attendees is not None else []
                item["attendees"] = [[str(a), a.params.get("PARTSTAT"), a.params.get("RSVP")] for a in attendees]
                item["sequence"] = int(event.get("SEQUENCE", 0))
                item["status"] = str(event.get("STATUS")) if event.get("STATUS") is not None else None
    except Exception as e:  # the tests assert there is none
        item["problems"].append("%s: %s" % (type(e).__name__, e))
    out.append(item)
print(json.dumps(out))
