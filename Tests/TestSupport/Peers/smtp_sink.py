#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd): the transport tests of
RoundTableMailTests and the end-to-end tests share it.

Usage: smtp_sink.py --dir DIR [--tempfail] [--fail-rcpt ADDR] [--fail-sender] [--fail-data]
                          [--drop-data N] [--auth USER:PASS] [--tls | --implicit-tls] [--hang]

Picks a free port and prints it as the first line of stdout, then serves until killed. Each
message accepted is saved as DIR/NNNN.eml (the DATA exactly as received, dots unstuffed) and
DIR/NNNN.json ({"from": ..., "to": [...]}), the .json last, each written whole then renamed.
DIR/commands.log gets the verb of every command line the server reads (EHLO, STARTTLS, AUTH,
MAIL, ...), one a line, written before the server decides anything about it: a test can tell
that a client never even sent AUTH.
  --tempfail        answer 451 to every RCPT TO
  --fail-rcpt ADDR  answer 550 to RCPT TO:<ADDR>
  --fail-sender     answer 550 to every MAIL FROM
  --fail-data       answer 554 after the message's final dot
  --drop-data N     on the Nth message (counting from 1 over the server's life), close the
                    connection once the data is in, before answering: the client never hears
                    that it was accepted, and the message is not kept (saved as DIR/NNNN.dropped)
  --auth USER:PASS  require AUTH (PLAIN or LOGIN) with these credentials, 535 otherwise; offered
                    in clear, unless --tls makes it wait for STARTTLS
  --tls             offer STARTTLS with a throwaway certificate for 127.0.0.1, made with openssl
                    as DIR/cert.pem (self-signed: the client trusts it as its CA file), and
                    refuse mail and AUTH before it (530)
  --implicit-tls    the same certificate, but TLS from the first byte (smtps://)
  --hang            accept connections but never say a word (no greeting)
"""
import argparse
import json
import logging
import os
import socket
import ssl
import subprocess
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
tls = parser.add_mutually_exclusive_group()
tls.add_argument("--tls", action="store_true")
tls.add_argument("--implicit-tls", action="store_true")
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


class CommandLog(logging.Handler):
    """aiosmtpd logs each command line it reads ("%r >> %r": peer, line) before acting on it;
    this keeps the verb of each, so no credential is written down ("?" for one that is not a
    word, such as a TLS handshake sent to a server that does not expect it)."""

    def __init__(self, path):
        super().__init__(logging.INFO)
        self.file = open(path, "a", buffering=1)

    def emit(self, record):
        if record.msg == "%r >> %r":
            verb = record.args[1].split(b" ", 1)[0].upper()
            self.file.write((verb.decode() if verb.isalpha() else "?") + "\n")


def tls_context():
    """A server context for a fresh self-signed certificate, valid for 127.0.0.1 for a day."""
    cert, key = os.path.join(args.dir, "cert.pem"), os.path.join(args.dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


mail_log = logging.getLogger("mail.log")
mail_log.setLevel(logging.INFO)
mail_log.addHandler(CommandLog(os.path.join(args.dir, "commands.log")))
mail_log.propagate = False

options = {}
if args.auth:
    # aiosmtpd cannot tell implicit TLS from none, so it may only insist on STARTTLS.
    options.update(authenticator=authenticator, auth_required=True, auth_require_tls=args.tls)
if args.tls:
    options.update(tls_context=tls_context(), require_starttls=True)
if args.implicit_tls:
    options.update(ssl_context=tls_context())
port = free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False, **options)
controller.start()
print(port, flush=True)
try:
    serve_forever()
finally:
    controller.stop()
    sys.exit(0)
