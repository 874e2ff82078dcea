#!/usr/bin/env python3
"""`make bench`, start-up: what the cron path costs against a C tool doing a like job, Debian's
`remind` reading a small reminders file (bench/ajc-2012.rem). `true` is the floor: starting any
process at all. Prints a Markdown table for docs/performance.md.

    startup_bench.py ROUNDTABLE_BINARY [RUNS]
"""
import os
import shutil
import subprocess
import sys

from timing import machine, median

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "startup")


def main():
    binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    schedule, state = os.path.join(ROOT, "schedules", "ajc-2012.yaml"), os.path.join(WORK, "state.sqlite")
    subprocess.run([binary, "import", "-s", schedule, "--state", state, os.path.join(ROOT, "seeds", "ajc-2012-records.yaml")],
                   check=True, stdout=subprocess.DEVNULL)
    cases = [
        ("`true` (starting a process)", ["true"], (0,)),
        ("`remind -q ajc-2012.rem 2 Dec 2012` (C)", [shutil.which("remind") or "remind", "-q", os.path.join(ROOT, "bench", "ajc-2012.rem"), "2", "Dec", "2012"], (0,)),
        ("`roundtable --version`", [binary, "--version"], (0,)),
        ("`roundtable overdue` (AJC, seeded)", [binary, "overdue", "-s", schedule, "--state", state, "--as-of", "2012-11-26"], (1,)),
    ]
    print(f"{machine()}, median of {runs} runs")
    print()
    print("| command | median (ms) |")
    print("|---|---:|")
    for name, argv, expect in cases:
        print(f"| {name} | {median(argv, runs, expect=expect) * 1000:.1f} |")


if __name__ == "__main__":
    main()
