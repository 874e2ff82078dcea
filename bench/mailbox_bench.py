#!/usr/bin/env python3
"""`make bench`, the mailbox: `rsvp --mailbox` from cron over a mailbox of 10,000 messages. The first
run reads them all; the next, after 10 new messages arrive (replies among them), must read only
those. Over a real Dovecot (imaps://, started here on a loopback port with a throwaway certificate,
as the tests start it) and over the same messages in a Maildir. Prints a Markdown table for
docs/performance.md: wall time, peak memory and, for the cron run, callgrind's instructions
(BENCH_CALLGRIND=0 leaves them out). A second table: one message at the 16 MiB cap, a reply
with a large attachment and a reply whose calendar part is itself that large (issue 26: within
2 s and 256 MB).

    mailbox_bench.py ROUNDTABLE_BINARY [MESSAGES]
"""
import getpass
import os
import shutil
import socket
import subprocess
import sys
import time

from timing import instructions, machine, run_once

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "mailbox")
SCHEDULE = os.path.join(ROOT, "schedules", "ajc-2012.yaml")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bulletin(index):
    return f"From: news@example.org\r\nTo: alex.morgan@ajc.example.org\r\nSubject: Bulletin {index}\r\n\r\n" + "Not a reply. " * 200 + "\r\n"


def reply(index):
    calendar = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//EN", "METHOD:REPLY", "BEGIN:VEVENT",
        "UID:rt5.ajc-plg-2012@ajc.example.org", f"DTSTAMP:20121110T09{index:02d}00Z", "SEQUENCE:0",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam.patel@charity.example.org", "END:VEVENT", "END:VCALENDAR", ""])
    return ("From: Sam Patel <sam.patel@charity.example.org>\r\nTo: alex.morgan@ajc.example.org\r\nSubject: Accepted\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=UTF-8\r\n\r\n" + calendar)


def fill(maildir, messages, start):
    for offset, text in enumerate(messages):
        name = f"{1_500_000_000 + start + offset}.bench{start + offset}.test"
        with open(os.path.join(maildir, "tmp", name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(maildir, "tmp", name), 0o666)
        os.rename(os.path.join(maildir, "tmp", name), os.path.join(maildir, "new", name))


def dovecot(folder, maildir, port):
    """Starts Dovecot on `port` (imaps) over `maildir`; returns the process."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", f"{folder}/key.pem", "-out", f"{folder}/cert.pem"],
                   check=True, capture_output=True)
    root = os.getuid() == 0
    uid, gid = (65534, 65534) if root else (os.getuid(), os.getgid())
    me = getpass.getuser()
    os.makedirs(f"{folder}/home", mode=0o777, exist_ok=True)
    os.chmod(f"{folder}/home", 0o777)
    with open(f"{folder}/users", "w") as f:
        f.write(f"coord:{{PLAIN}}bench-secret:{uid}:{gid}::{folder}/home::\n")
    with open(f"{folder}/dovecot.conf", "w") as f:
        f.write(f"""base_dir = {folder}/run
state_dir = {folder}/run
listen = 127.0.0.1
protocols = imap
ssl = required
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
disable_plaintext_auth = yes
log_path = {folder}/dovecot.log
first_valid_uid = 1
mail_location = maildir:{maildir}
default_internal_user = {"dovecot" if root else me}
default_login_user = {"dovenull" if root else me}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
""")
    process = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", f"{folder}/dovecot.conf"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise SystemExit("dovecot did not start")


def main():
    binary, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    os.chmod(WORK, 0o755)
    print(f"{machine()}; {count} messages, then 10 new (5 replies)")
    print()
    print("| mailbox | run | wall (s) | peak memory (MB) | instructions (M, callgrind) |")
    print("|---|---|---:|---:|---:|")
    for kind in ("imaps", "maildir"):
        folder = os.path.join(WORK, kind)
        maildir = os.path.join(folder, "Maildir")
        for sub in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(maildir, sub))
        for path in (folder, maildir, *(os.path.join(maildir, sub) for sub in ("new", "cur", "tmp"))):
            os.chmod(path, 0o777 if path.startswith(maildir) else 0o755)
        state = os.path.join(folder, "state.sqlite")
        env = dict(os.environ, ROUNDTABLE_SCHEDULE=SCHEDULE, ROUNDTABLE_STATE=state, ROUNDTABLE_NOW="2012-11-06T09:00:00Z")
        subprocess.run([binary, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([binary, "invite", "rt5", "--outbox", os.path.join(folder, "outbox")], env=env, check=True, stdout=subprocess.DEVNULL)
        env["ROUNDTABLE_NOW"] = "2012-11-12T09:00:00Z"
        server = None
        if kind == "imaps":
            port = free_port()
            server = dovecot(folder, maildir, port)
            env.update(ROUNDTABLE_IMAP_PASSWORD="bench-secret", ROUNDTABLE_IMAP_CA_FILE=f"{folder}/cert.pem")
            mailbox = f"imaps://coord@127.0.0.1:{port}/INBOX"
        else:
            mailbox = "maildir:" + maildir
        try:
            fill(maildir, [bulletin(i) for i in range(count)], 0)
            argv = [binary, "rsvp", "--mailbox", mailbox]
            seconds, memory = run_once(argv, env=env)
            print(f"| {kind} | first: all {count} | {seconds:.2f} | {memory:.0f} | |")
            fill(maildir, [reply(i) if i % 2 else bulletin(count + i) for i in range(10)], count)
            seconds, memory = run_once(argv, env=env)
            counted = ""
            if os.environ.get("BENCH_CALLGRIND", "1") != "0":
                fill(maildir, [reply(10 + i) if i % 2 else bulletin(count + 10 + i) for i in range(10)], count + 10)
                counted = f"{instructions(argv, env=env) / 1e6:.0f}"
            print(f"| {kind} | next: 10 new | {seconds:.2f} | {memory:.0f} | {counted} |")
        finally:
            if server:
                server.terminate()
                server.wait()
    big_messages(binary)


CAP = 16 << 20


def attendee_calendar(stamp, extra=""):
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//EN", "METHOD:REPLY", "BEGIN:VEVENT",
        "UID:rt5.ajc-plg-2012@ajc.example.org", f"DTSTAMP:{stamp}", "SEQUENCE:0"] + ([extra] if extra else []) + [
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam.patel@charity.example.org", "END:VEVENT", "END:VCALENDAR", ""])


def padded(head, body_of, tail):
    """head + body_of(n) + tail, n chosen so the whole is just under the cap."""
    fixed = len((head + body_of(0) + tail).encode())
    return head + body_of((CAP - 1024 - fixed)) + tail


def with_attachment():
    """A reply (a small calendar part) with a base64 attachment filling the message to the cap."""
    head = ("From: Sam Patel <sam.patel@charity.example.org>\r\nTo: alex.morgan@ajc.example.org\r\nSubject: Accepted, slides attached\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: text/calendar; method=REPLY; charset=UTF-8\r\n\r\n" + attendee_calendar("20121110T100000Z")
            + "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n")
    line = "JVBERi0xLjcKJeLjz9MKMSAwIG9iago8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFI+PgplbmRvYmoK\r\n"
    return padded(head, lambda n: line * (n // len(line)), "--b--\r\n")


def with_large_calendar():
    """A reply whose one calendar part fills the message to the cap: a DESCRIPTION folded over
    some 200,000 lines, as RFC 5545 folds at 75 octets."""
    head = ("From: Sam Patel <sam.patel@charity.example.org>\r\nTo: alex.morgan@ajc.example.org\r\nSubject: Accepted, with notes\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=UTF-8\r\n\r\n")
    fold = "\r\n " + "x" * 72

    def calendar(n):
        return attendee_calendar("20121110T110000Z", "DESCRIPTION:Notes" + fold * (n // len(fold)))
    return padded(head, calendar, "")


def big_messages(binary):
    """Times `rsvp --mailbox` over a Maildir holding one message at the cap, each kind in turn."""
    folder = os.path.join(WORK, "big")
    maildir = os.path.join(folder, "Maildir")
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(maildir, sub))
    env = dict(os.environ, ROUNDTABLE_SCHEDULE=SCHEDULE, ROUNDTABLE_STATE=os.path.join(folder, "state.sqlite"),
               ROUNDTABLE_NOW="2012-11-06T09:00:00Z")
    subprocess.run([binary, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "invite", "rt5", "--outbox", os.path.join(folder, "outbox")], env=env, check=True, stdout=subprocess.DEVNULL)
    env["ROUNDTABLE_NOW"] = "2012-11-12T09:00:00Z"
    argv = [binary, "rsvp", "--mailbox", "maildir:" + maildir]
    print()
    print("| one message at the 16 MiB cap (Maildir) | size (MiB) | wall (s) | peak memory (MB) | instructions (M, callgrind) | ≤ 2 s and 256 MB |")
    print("|---|---:|---:|---:|---:|---|")
    counting = os.environ.get("BENCH_CALLGRIND", "1") != "0"
    for index, (name, text) in enumerate([("reply with a large attachment", with_attachment()),
                                          ("reply with a large calendar part", with_large_calendar())]):
        fill(maildir, [text], 2 * index)
        # Timed by GNU time: this script's own child's rusage counts the pages it shared with this
        # Python process (which holds the 16 MiB text) before exec.
        timed = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + argv, env=env, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True).stderr.strip().splitlines()[-1].split()
        seconds, memory = float(timed[0]), int(timed[1]) / 1024
        counted = ""
        if counting:
            fill(maildir, [text.replace("DTSTAMP:20121110T1", "DTSTAMP:20121110T2")], 2 * index + 1)
            counted = f"{instructions(argv, env=env) / 1e6:,.0f}"
        met = "yes" if seconds <= 2 and memory <= 256 else "no"
        print(f"| {name} | {len(text.encode()) / (1 << 20):.2f} | {seconds:.2f} | {memory:.0f} | {counted} | {met} |")


if __name__ == "__main__":
    main()
