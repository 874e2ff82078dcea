#!/usr/bin/python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd).

Saves every message it accepts as DIR/<n>.eml plus DIR/<n>.json (envelope). Prints the port it
listens on as its first line, then runs until terminated.
  --fail-rcpt ADDR   answer 550 to RCPT TO:<ADDR>
  --tempfail         answer 451 to every RCPT TO
  --auth USER:PASS   require AUTH LOGIN/PLAIN with these credentials (535 otherwise)
  --drop-data N      on the Nth message (counting from 1 over the server's life), close the
                     connection once the data is in, before answering: the client never hears
                     that it was accepted, and the message is not kept (saved as DIR/<n>.dropped)
"""
import argparse, asyncio, json, os, socket, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
import warnings
warnings.filterwarnings("ignore")

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--fail-rcpt", default=None)
parser.add_argument("--tempfail", action="store_true")
parser.add_argument("--auth", default=None)
parser.add_argument("--drop-data", type=int, default=0)
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)


class Handler:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.tempfail:
            return "451 4.3.0 Try again later"
        if args.fail_rcpt and address.lower() == args.fail_rcpt.lower():
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        base = os.path.join(args.dir, "%04d" % Handler.count)
        if Handler.count == args.drop_data:
            with open(base + ".dropped", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            server.transport.abort()
            return "421 4.4.2 Connection dropped"
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = args.auth.split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


sock = socket.socket()
sock.bind(("127.0.0.1", 0))
port = sock.getsockname()[1]
sock.close()
kwargs = {}
if args.auth:
    kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False, **kwargs)
controller.start()
print(port, flush=True)
try:
    while True:
        time.sleep(3600)
except KeyboardInterrupt:
    pass
finally:
    controller.stop()
