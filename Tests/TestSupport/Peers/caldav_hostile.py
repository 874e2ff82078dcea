"""A scripted CalDAV server for the tests: the few requests `publish` makes, answered as a real
server would, and hostile on demand, by files the test puts in FOLDER:

  throttle        every request is answered 429 (or the status in throttle-status) with
                  Retry-After: 120
  garble-next-put the next PUT is stored, then answered with bytes that are not HTTP
  latin1-etags    ETags hold a byte above 0x7F (RFC 9110 obs-text), compared byte for byte

It asks for Basic login (USER, PASSWORD) and logs one line per request to FOLDER/log:
`METHOD TARGET STATUS auth|noauth`. With --proxy it is a proxy that must never be used: it logs
what reaches it and answers 502. Usage: caldav_hostile.py PORT FOLDER USER PASSWORD [--proxy]
"""
import base64
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, FOLDER, USER, PASSWORD = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
PROXY = "--proxy" in sys.argv[5:]
LOCK = threading.Lock()
STORE = {}  # path -> (body bytes, etag bytes)
COUNT = [0]


def flag(name):
    return os.path.exists(os.path.join(FOLDER, name))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log(self, status):
        auth = "auth" if self.headers.get("Authorization") else "noauth"
        with open(os.path.join(FOLDER, "log"), "a") as log:
            log.write(f"{self.command} {self.path} {status} {auth}\n")

    def answer(self, status, body=b"", headers=()):
        self.log(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def etag_header(self, etag):
        # http.server writes header values as Latin-1: one byte per character.
        return ("ETag", etag.decode("latin-1"))

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if PROXY:
            return self.answer(502)
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self.answer(401, headers=[("WWW-Authenticate", 'Basic realm="hostile"')])
        if flag("throttle"):
            status = 429
            if flag("throttle-status"):
                with open(os.path.join(FOLDER, "throttle-status")) as given:
                    status = int(given.read())
            return self.answer(status, headers=[("Retry-After", "120")])
        with LOCK:
            stored = STORE.get(self.path)
            if self.command in ("MKCALENDAR", "MKCOL"):
                return self.answer(201)
            if self.command == "GET":
                if stored is None:
                    return self.answer(404)
                return self.answer(200, stored[0], [self.etag_header(stored[1]), ("Content-Type", "text/calendar")])
            # If-Match compared as bytes, as a server keeps them.
            match = self.headers.get("If-Match")
            if match is not None and (stored is None or match.encode("latin-1") != stored[1]):
                return self.answer(412)
            if self.headers.get("If-None-Match") == "*" and stored is not None:
                return self.answer(412)
            if self.command == "DELETE":
                if stored is None:
                    return self.answer(404)
                del STORE[self.path]
                return self.answer(204)
            if self.command != "PUT":
                return self.answer(405)
            COUNT[0] += 1
            etag = (b'"\xe9t\xe9-%d"' if flag("latin1-etags") else b'"e-%d"') % COUNT[0]
            STORE[self.path] = (body, etag)
            if flag("garble-next-put"):
                os.remove(os.path.join(FOLDER, "garble-next-put"))
                self.log("garbled")
                self.wfile.write(b"\x00\x13garbled beyond reading\r\n\r\n")
                self.wfile.flush()
                self.close_connection = True
                return
            return self.answer(201 if stored is None else 204, headers=[self.etag_header(etag)])

    do_GET = do_PUT = do_DELETE = do_MKCALENDAR = do_MKCOL = do_PROPFIND = do_POST = handle_any


ThreadingHTTPServer.allow_reuse_address = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
