#!/usr/bin/python3
"""Reads each .eml file with Python's email package under policy=email.policy.strict (a defect
raises) and prints the message as its recipient reads it: the stable header fields (From, To,
Subject, Auto-Submitted, decoded), the MIME tree, and the decoded text/plain part, for the
golden-message tests to compare exactly. Files are separated by a line of 70 '='.

Date and Message-ID are left out: they hold the moment of sending and a hash.
"""
import email, email.policy, sys

out = []
for path in sys.argv[1:]:
    msg = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.strict)
    lines = []
    for name in ("From", "To", "Subject", "Auto-Submitted"):
        if msg[name] is not None:
            lines.append("%s: %s" % (name, msg[name]))
    lines.append("Parts: " + ", ".join(p.get_content_type() for p in msg.walk()))
    plain = next(p for p in msg.walk() if p.get_content_type() == "text/plain")
    lines.append("")
    lines.append(plain.get_content())
    out.append("\n".join(lines))
sys.stdout.write(("=" * 70 + "\n").join(out))
