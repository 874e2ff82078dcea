#!/usr/bin/env python3
"""`make bench`, one long series: a single series of 1,000 and of 10,000 sessions (20 members,
ten actions a session, records for the half before the as-of day), timed for the commands that
read all of it, with the growth factor for ten times the sessions. Linear work grows about 10x;
the goal of issue 15 is no more than 11x. Beside each time, the command's instruction count
under callgrind, which repeats exactly whatever else the machine runs. Prints a Markdown table
for docs/performance.md.

    long_series_bench.py ROUNDTABLE_BINARY [RUNS]

BENCH_CALLGRIND=0 leaves out the instruction counts (callgrind runs each command about 50 times
slower).
"""
import datetime as dt
import os
import random
import shutil
import subprocess
import sys

from make_org import AS_OF, series_files
from timing import best, instructions, machine

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "long")
SIZES = [1000, 10000]
EVERY = dt.timedelta(days=3)
GOAL = 11


def series(binary, sessions):
    """A fresh series of this many sessions, half of them before the as-of day, its records
    imported; returns (schedule, state, folder)."""
    folder = os.path.join(WORK, str(sessions))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    first = AS_OF - EVERY * (sessions // 2)
    first += dt.timedelta(days=(1 - first.weekday()) % 7)
    _, schedule_text, records_text = series_files(1, 20, random.Random(7), sessions_count=sessions,
                                                  actions_count=10 * sessions, first=first, every=EVERY)
    schedule, records, state = (os.path.join(folder, name) for name in ("series.yaml", "records.yaml", "state.sqlite"))
    with open(schedule, "w") as f:
        f.write(schedule_text)
    with open(records, "w") as f:
        f.write(records_text)
    print(f"{sessions} sessions: importing...", file=sys.stderr)
    subprocess.run([binary, "import", "-s", schedule, "--state", state, records], check=True, stdout=subprocess.DEVNULL)
    return schedule, state, folder


def commands(binary, schedule, state, folder):
    """Each case: its name, argv, and the exit codes that mean it worked (overdue exits 1 when late)."""
    common = ["-s", schedule, "--state", state, "--as-of", AS_OF.isoformat()]
    return [
        ("check", [binary, "check", "-s", schedule], (0,)),
        ("status", [binary, "status"] + common, (0,)),
        ("overdue", [binary, "overdue"] + common, (0, 1)),
        ("export", [binary, "export", "-o", os.path.join(folder, "series.ics")] + common, (0,)),
        ("remind --dry-run", [binary, "remind", "--dry-run", "--templates", os.path.join(ROOT, "templates")] + common, (0,)),
    ]


def main():
    binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    counting = os.environ.get("BENCH_CALLGRIND", "1") != "0"
    env = dict(os.environ, ROUNDTABLE_NOW=f"{AS_OF.isoformat()}T09:00:00Z")
    seconds, counts = {}, {}
    for size in SIZES:
        schedule, state, folder = series(binary, size)
        for name, argv, expect in commands(binary, schedule, state, folder):
            print(f"{size} sessions: {name}...", file=sys.stderr)
            seconds[name, size] = best(argv, runs, env=env, expect=expect)[0]
            if counting:
                counts[name, size] = instructions(argv, env=env, expect=expect)

    small, large = SIZES
    print(f"{machine()}, best of {runs}, one series, as of {AS_OF}")
    print()
    print(f"| command | {small:,} sessions (s) | {large:,} sessions (s) | growth (time) "
          f"| {small:,} sessions (M instr.) | {large:,} sessions (M instr.) | growth (instr.) | ≤ {GOAL}x |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, _, _ in commands(binary, "", "", ""):
        t_small, t_large = seconds[name, small], seconds[name, large]
        if counting:
            i_small, i_large = counts[name, small], counts[name, large]
            growth = i_large / i_small
            cells = f"{i_small / 1e6:,.0f} | {i_large / 1e6:,.0f} | {growth:.1f}x"
        else:
            growth = t_large / t_small
            cells = "- | - | -"
        print(f"| {name} | {t_small:.3f} | {t_large:.3f} | {t_large / t_small:.1f}x | {cells} | {'yes' if growth <= GOAL else 'no'} |")
    print()
    print(f"The verdict is by instruction count{'' if counting else ' (here by time: BENCH_CALLGRIND=0)'}: "
          "the fixed start-up makes the small case relatively dearer, so linear work shows as under 10x.")


if __name__ == "__main__":
    main()
