#!/usr/bin/env python3
"""`make bench`, dump: `roundtable dump` of one series of 1,000 sessions holding 20,000 and
200,000 actions (issue 21: a dump streams with flat memory), its time, peak memory and
instruction count under callgrind. Prints a Markdown table for docs/performance.md.

    dump_bench.py ROUNDTABLE_BINARY [RUNS]

BENCH_CALLGRIND=0 leaves out the instruction counts.
"""
import datetime as dt
import os
import random
import shutil
import subprocess
import sys

from make_org import AS_OF, series_files
from timing import best, instructions, machine, run_once

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "dump")
SESSIONS = 1000
ACTIONS = [20_000, 200_000]
EVERY = dt.timedelta(days=3)


def state(binary, actions):
    """A fresh state of one series with this many actions; returns (schedule, state, folder)."""
    folder = os.path.join(WORK, str(actions))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    first = AS_OF - EVERY * (SESSIONS // 2)
    first += dt.timedelta(days=(1 - first.weekday()) % 7)
    _, schedule_text, records_text = series_files(1, 20, random.Random(7), sessions_count=SESSIONS, actions_count=actions,
                                                  first=first, every=EVERY)
    schedule, records, database = (os.path.join(folder, name) for name in ("series.yaml", "records.yaml", "state.sqlite"))
    with open(schedule, "w") as f:
        f.write(schedule_text)
    # The actions only: the generator's hold days are not all on or after their sessions', which import refuses.
    with open(records, "w") as f:
        f.write(records_text[:records_text.index("completions:")] + "completions: []\n" + records_text[records_text.index("actions:"):])
    print(f"{actions} actions: importing...", file=sys.stderr)
    subprocess.run([binary, "import", "-s", schedule, "--state", database, records], check=True, stdout=subprocess.DEVNULL)
    return schedule, database, folder


def peak_memory(argv):
    """The command's peak memory in MB as GNU time reports it: the rusage this script's own child
    gets counts the pages it shared with this (large) Python process before exec."""
    run = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(run.stderr.strip().splitlines()[-1]) / 1024


def main():
    binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    counting = os.environ.get("BENCH_CALLGRIND", "1") != "0"
    rows = []
    for actions in ACTIONS:
        schedule, database, folder = state(binary, actions)
        argv = [binary, "dump", "-s", schedule, "--state", database, "-o", os.path.join(folder, "dump.yaml")]
        print(f"{actions} actions: dump...", file=sys.stderr)
        # Once untimed: the first command after the import checkpoints its write-ahead log, which
        # is the import's cost (some 60 MB at 200,000 actions), not the dump's.
        run_once(argv)
        seconds, _ = best(argv, runs)
        peak = peak_memory(argv)
        count = instructions(argv) if counting else None
        rows.append((actions, seconds, peak, count, os.path.getsize(os.path.join(folder, "dump.yaml"))))

    print(f"{machine()}, best of {runs}, one series of {SESSIONS:,} sessions, SQLite")
    print()
    print("| command | actions | time (s) | peak memory (MB) | M instr. | dump (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for actions, seconds, peak, count, size in rows:
        counted = "-" if count is None else f"{count / 1e6:,.0f}"
        print(f"| dump | {actions:,} | {seconds:.3f} | {peak:.1f} | {counted} | {size / 1e6:.1f} |")
    print()
    print("Flat memory: the peak at 200,000 actions is within a few MB of the peak at 20,000.")


if __name__ == "__main__":
    main()
