#!/usr/bin/env python3
"""A real HTTP client for the server's tests: `http_probe.py PORT REQUESTS.json [TIMEOUT]` reads a
JSON list of requests, sends each
on its own connection to 127.0.0.1:PORT, and prints a JSON list of what came back.

A request is {"method", "path", "headers": {...}, "body": "..."}; or {"raw": "..."}, bytes sent
as they are (an oversized header, a request line no client would send), whose answer is read
until the server closes or `timeout` seconds pass. An answer is {"status", "headers" (names in
lower case), "body"}; status 0 when the server closed the connection without answering.
"""
import http.client
import json
import socket
import sys


def send(port, request, timeout):
    if "raw" in request:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
            connection.sendall(request["raw"].encode("latin-1"))
            received = b""
            try:
                while True:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                    if b"\r\n\r\n" in received and request.get("head_only", True):
                        break
            except (socket.timeout, ConnectionResetError):
                pass
        if not received.startswith(b"HTTP/"):
            return {"status": 0, "headers": {}, "body": ""}
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return {"status": int(lines[0].split(" ")[1]), "headers": headers, "body": body.decode("utf-8", "replace")}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    body = request.get("body")
    connection.request(request.get("method", "GET"), request["path"], body=body.encode() if body is not None else None,
                       headers=request.get("headers", {}))
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return {"status": response.status, "headers": {k.lower(): v for k, v in response.getheaders()},
            "body": data.decode("utf-8", "replace")}


def main():
    port = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as file:
        requests = json.load(file)
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 10
    print(json.dumps([send(port, request, timeout) for request in requests]))


if __name__ == "__main__":
    main()
