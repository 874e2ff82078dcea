#!/usr/bin/python3
"""Reads one message with Python's email package, as a mail client would, and prints JSON.

Usage: /usr/bin/python3 parse_eml.py FILE.eml

Prints {"from": [{"name", "email", "rfc2047Name"}], "to": [...], "subject", "messageID",
"date" (ISO 8601), "headers": {name: decoded value}, "defects": [every defect Python noted in any
header or part], "root": part} where a part is {"type", "params" (decoded, RFC 2231 joined), "disposition",
"filename", "text" (decoded str for text/*) or "base64" (decoded bytes, re-encoded), "parts"}.
"rfc2047Name" is the raw display name run through the legacy decoder, which drops the
whitespace between adjacent encoded words as RFC 2047 §6.2 says; the modern parser's "name"
keeps it (CPython gh-128110), so the two differ for a name in several encoded words.
Run it with Debian's /usr/bin/python3, as DESIGN.md's notes ask of every Python peer.
"""
import base64
import email
import email.policy
import json
import sys
from email.header import decode_header, make_header


def mailboxes(msg, name):
    field = msg[name]
    if field is None:
        return []
    raw = "".join(v for k, v in msg.raw_items() if k.lower() == name.lower()).replace("\r\n", "")
    phrase = raw.rsplit("<", 1)[0].strip() if "<" in raw else ""
    strict = str(make_header(decode_header(phrase)))
    return [{"name": a.display_name, "email": a.addr_spec, "rfc2047Name": strict} for a in field.addresses]


def defects(part):
    found = [type(d).__name__ for d in part.defects]
    for name, value in part.items():
        found += ["%s: %s" % (name, type(d).__name__) for d in getattr(value, "defects", ())]
    return found


def describe(part, found):
    found += defects(part)
    content_type = part["Content-Type"]
    node = {
        "type": part.get_content_type(),
        "params": dict(content_type.params) if content_type is not None else {},
        "disposition": part.get_content_disposition(),
        "filename": part.get_filename(),
        "parts": [],
    }
    if part.is_multipart():
        node["parts"] = [describe(child, found) for child in part.iter_parts()]
    else:
        content = part.get_content()
        if isinstance(content, str):
            node["text"] = content
        else:
            node["base64"] = base64.b64encode(content).decode("ascii")
    return node


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as handle:
        msg = email.message_from_bytes(handle.read(), policy=email.policy.default)
    found = []
    root = describe(msg, found)
    date = msg["Date"]
    print(json.dumps({
        "from": mailboxes(msg, "From"),
        "to": mailboxes(msg, "To"),
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "messageID": str(msg["Message-ID"]) if msg["Message-ID"] is not None else None,
        "date": date.datetime.isoformat() if date is not None and date.datetime else None,
        "headers": {name: str(value) for name, value in msg.items()},
        "defects": found,
        "root": root,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
