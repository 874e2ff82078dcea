#!/usr/bin/python3
"""Reads .eml files with Python's email package (and the calendars in them with icalendar and
vobject) and prints what a mail client would see, as JSON, for the tests to assert on.

For each file: headers (the top-level field names, in order), from, to, subject (decoded),
from_address and to_address ([display name, addr-spec] as the address parser reads them), message_id, tree (content types in walk order),
method (text/calendar's method parameter), plain (decoded text/plain), calendar (decoded
text/calendar), and problems: bare LF, lines over 998 octets, defects found by the parser,
calendars icalendar or vobject cannot read.
"""
import email, email.policy, json, sys
import icalendar, vobject

out = []
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("bare LF")
    if any(len(line) > 998 for line in raw.split(b"\r\n")):
        problems.append("line over 998 octets")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    problems += ["defect: %s" % d.__class__.__name__ for part in msg.walk() for d in part.defects]
    item = {"file": path, "from": str(msg["From"]), "to": str(msg["To"]), "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]).strip("<>"), "auto_submitted": msg["Auto-Submitted"],
            "tree": [p.get_content_type() for p in msg.walk()], "method": None, "plain": None, "calendar": None,
            "attendees": None, "sequence": None, "headers": list(msg.keys()),
            "from_address": [msg["From"].addresses[0].display_name, msg["From"].addresses[0].addr_spec],
            "to_address": [msg["To"].addresses[0].display_name, msg["To"].addresses[0].addr_spec]}
    for part in msg.walk():
        kind = part.get_content_type()
        if kind == "text/plain" and item["plain"] is None:
            item["plain"] = part.get_content()
        if kind == "text/calendar" and item["calendar"] is None:
            item["method"] = part.get_param("method")
            text = part.get_content()
            item["calendar"] = text
            try:
                cal = icalendar.Calendar.from_ical(text)
                event = cal.walk("VEVENT")[0]
                attendees = event.get("ATTENDEE")
                attendees = attendees if isinstance(attendees, list) else [attendees]
                item["attendees"] = [str(a) for a in attendees if a is not None]
                item["sequence"] = int(event.get("SEQUENCE", 0))
                item["organizer"] = str(event.get("ORGANIZER"))
                item["status"] = str(event.get("STATUS")) if event.get("STATUS") is not None else None
            except Exception as e:
                problems.append("icalendar: %s" % e)
            try:
                vobject.readOne(text).validate(raiseException=True)
            except Exception as e:
                problems.append("vobject: %s" % e)
    item["problems"] = problems
    out.append(item)
print(json.dumps(out))
