#!/usr/bin/env python3
"""`make bench`, the web server: wrk (Debian) against roundtable-serve and against nginx serving
the same feed bytes as a static file (with its own ETag), in one run on this machine. Prints a
Markdown table for docs/performance.md: requests per second and p99 latency at 32 connections for
a member's feed answered in full (200) and revalidated (304 to If-None-Match), and for the
series page (the server only: nginx has no such page), and the server's resident memory after it all.

    serve_bench.py ROUNDTABLE_BINARY [SECONDS]   (roundtable-serve beside it)
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "serve")
NOW = "2012-11-28T09:00:00Z"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, process):
    for _ in range(200):
        if process.poll() is not None:
            sys.exit(f"the server on port {port} ended: exit {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on port {port}")


def etag(url):
    with urllib.request.urlopen(url) as response:
        return response.headers["ETag"]


def wrk(url, seconds, headers=()):
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p99, int(non2xx.group(1)) if non2xx else 0


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1)) / 1024


def main():
    binary = os.path.abspath(sys.argv[1])
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    schedule, state = os.path.join(ROOT, "schedules", "ajc-2012.yaml"), os.path.join(WORK, "state.sqlite")
    env = dict(os.environ, ROUNDTABLE_NOW=NOW)
    subprocess.run([binary, "import", "-s", schedule, "--state", state, os.path.join(ROOT, "seeds", "ajc-2012-records.yaml")],
                   check=True, stdout=subprocess.DEVNULL, env=env)
    feeds = os.path.join(WORK, "feeds")
    subprocess.run([binary, "export", "-s", schedule, "--state", state, "--dir", feeds], check=True, stdout=subprocess.DEVNULL, env=env)
    serve_port, nginx_port = free_port(), free_port()
    server = subprocess.Popen([os.path.join(os.path.dirname(binary), "roundtable-serve"), "--schedule", schedule, "--state", state,
                               "--listen", f"127.0.0.1:{serve_port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx_conf = os.path.join(WORK, "nginx.conf")
    with open(nginx_conf, "w") as conf:
        conf.write(f"""daemon off; worker_processes 1; pid {WORK}/nginx.pid; error_log {WORK}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; client_body_temp_path {WORK}/tmp; proxy_temp_path {WORK}/tmp; fastcgi_temp_path {WORK}/tmp;
  uwsgi_temp_path {WORK}/tmp; scgi_temp_path {WORK}/tmp; types {{ text/calendar ics; }} charset utf-8; charset_types text/calendar;
  server {{ listen 127.0.0.1:{nginx_port}; root {feeds}; etag on; add_header Cache-Control "max-age=300"; }} }}
""")
    os.makedirs(os.path.join(WORK, "tmp"))
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-c", nginx_conf, "-e", os.path.join(WORK, "nginx-error.log")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(serve_port, server)
        wait_for(nginx_port, nginx)
        served = f"http://127.0.0.1:{serve_port}/feeds/sam.ics"
        static = f"http://127.0.0.1:{nginx_port}/sam.ics"
        with urllib.request.urlopen(served) as a, open(os.path.join(feeds, "sam.ics"), "rb") as b:
            strip = lambda text: re.sub(rb"DTSTAMP:[^\r]*\r\n", b"", text)
            assert strip(a.read()) == strip(b.read()), "the server's feed is not the exported file"
        rows = []
        for name, url, headers in [("member feed, 200", served, ()), ("member feed, 304", served, (f"If-None-Match: {etag(served)}",)),
                                   ("series page, 200", f"http://127.0.0.1:{serve_port}/", ())]:
            ours = wrk(url, seconds, headers)
            theirs = None
            if "feed" in name:
                theirs = wrk(static, seconds, (f"If-None-Match: {etag(static)}",) if headers else ())
            rows.append((name, ours, theirs))
        memory = rss_mib(server.pid)
    finally:
        server.terminate()
        nginx.terminate()
        server.wait()
        nginx.wait()
    print("| request (32 connections, wrk) | roundtable-serve req/s | p99 | nginx req/s | p99 | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, ours, theirs in rows:
        if theirs:
            print(f"| {name} | {ours[0]:,.0f} | {ours[1]:.2f} ms | {theirs[0]:,.0f} | {theirs[1]:.2f} ms | {ours[0] / theirs[0]:.2f} |")
        else:
            print(f"| {name} | {ours[0]:,.0f} | {ours[1]:.2f} ms | — | — | — |")
    print(f"\nroundtable-serve's resident memory after the run: {memory:.1f} MiB.")


if __name__ == "__main__":
    main()
