#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd): the transport tests of
RoundTableMailTests and the end-to-end tests share it.

Usage: smtp_sink.py --dir DIR [--tempfail] [--fail-rcpt ADDR] [--fail-sender] [--fail-data]
                          [--drop-data N] [--auth USER:PASS] [--hang]

Picks a free port and prints it as the first line of stdout, then serves until killed. Each
message accepted is saved as DIR/NNNN.eml (the DATA exactly as received, dots unstuffed) and
DIR/NNNN.json ({"from": ..., "to": [...]}), the .json last, each written whole then renamed.
  --tempfail        answer 451 to every RCPT TO
  --fail-rcpt ADDR  answer 550 to RCPT TO:<ADDR>
  --fail-sender     answer 550 to every MAIL FROM
  --fail-data       answer 554 after the message's final dot
  --drop-data N     on the Nth message (counting from 1 over the server's life), close the
                    connection once the data is in, before answering: the client never hears
                    that it was accepted, and the message is not kept (saved as DIR/NNNN.dropped)
  --auth USER:PASS  require AUTH (PLAIN or LOGIN, no TLS) with these credentials, 535 otherwise
  --hang            accept connections but never say a word (no greeting)
"""
import argparse
import json
import os
import socket
import sys
import time
import warnings

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--tempfail", action="store_true")
parser.add_argument("--fail-rcpt")
parser.add_argument("--fail-sender", action="store_true")
parser.add_argument("--fail-data", action="store_true")
parser.add_argument("--drop-data", type=int, default=0)
parser.add_argument("--auth")
parser.add_argument("--hang", action="store_true")
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def serve_forever():
    while True:
        time.sleep(3600)


if args.hang:
    # The kernel completes the TCP handshake from the backlog; nobody ever reads or writes.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print(listener.getsockname()[1], flush=True)
    serve_forever()

warnings.filterwarnings("ignore")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402


def save(path, data):
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.rename(path + ".part", path)


class Handler:
    count = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if args.fail_sender:
            return "550 5.7.1 Sender not allowed"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.tempfail:
            return "451 4.3.0 Try again later"
        if args.fail_rcpt and address.lower() == args.fail_rcpt.lower():
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if args.fail_data:
            return "554 5.6.0 Message refused"
        Handler.count += 1
        base = os.path.join(args.dir, "%04d" % Handler.count)
        if Handler.count == args.drop_data:
            save(base + ".dropped", envelope.original_content)
            server.transport.abort()
            return "421 4.4.2 Connection dropped"
        save(base + ".eml", envelope.original_content)
        save(base + ".json", json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos}).encode())
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = args.auth.split(":", 1)
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == user and auth_data.password.decode() == password)
    return AuthResult(success=ok, handled=False)


options = {}
if args.auth:
    options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
port = free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False, **options)
controller.start()
print(port, flush=True)
try:
    serve_forever()
finally:
    controller.stop()
    sys.exit(0)
