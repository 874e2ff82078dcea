#!/usr/bin/env python3
"""`make bench`, start-up: what the cron path costs against a C tool doing a like job, Debian's
`remind` reading a small reminders file (bench/ajc-2012.rem). `true` is the floor: starting any
process at all. Prints a Markdown table for docs/performance.md: the median wall time, the
instructions callgrind counts (the same every run, where times on a shared machine swing by a
third) and the shared libraries the loader maps (`ldd | wc -l`).

    startup_bench.py ROUNDTABLE_BINARY [RUNS]
"""
import os
import shutil
import subprocess
import sys

from timing import instructions, machine, median, shared_libraries

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "startup")
AS_OF = "2012-11-26"


def main():
    binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    schedule, state = os.path.join(ROOT, "schedules", "ajc-2012.yaml"), os.path.join(WORK, "state.sqlite")
    common = ["-s", schedule, "--state", state, "--as-of", AS_OF]
    subprocess.run([binary, "import", "-s", schedule, "--state", state, os.path.join(ROOT, "seeds", "ajc-2012-records.yaml")],
                   check=True, stdout=subprocess.DEVNULL)
    # The day's reminders go once (to an outbox), so the timed `remind` is cron's next run that
    # day: nothing due, through the SMTP transport a server would use (which sends nothing, so
    # needs no server).
    subprocess.run([binary, "remind", *common, "--transport", "outbox", "--outbox", os.path.join(WORK, "outbox")],
                   check=True, stdout=subprocess.DEVNULL)
    smtp = dict(os.environ, ROUNDTABLE_SMTP_URL="smtp://127.0.0.1:9")
    remind = shutil.which("remind") or "remind"
    cases = [
        ("`true` (starting a process)", shutil.which("true"), [], None, (0,)),
        ("`remind -q ajc-2012.rem 2 Dec 2012` (C)", remind, ["-q", os.path.join(ROOT, "bench", "ajc-2012.rem"), "2", "Dec", "2012"], None, (0,)),
        ("`roundtable --version`", binary, ["--version"], None, (0,)),
        ("`roundtable overdue` (AJC, seeded)", binary, ["overdue", *common], None, (1,)),
        ("`roundtable remind --transport smtp` (AJC, nothing due)", binary, ["remind", *common, "--transport", "smtp"], smtp, (0,)),
    ]
    print(f"{machine()}, median of {runs} runs")
    print()
    print("| command | median (ms) | instructions (M, callgrind) | shared libraries (`ldd \\| wc -l`) |")
    print("|---|---:|---:|---:|")
    for name, program, arguments, env, expect in cases:
        seconds = median([program, *arguments], runs, env=env, expect=expect)
        count = instructions([program, *arguments], env=env, expect=expect)
        print(f"| {name} | {seconds * 1000:.1f} | {count / 1e6:.1f} | {shared_libraries(program)} |")


if __name__ == "__main__":
    main()
