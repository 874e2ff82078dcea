#!/usr/bin/env python3
"""Issue 15, reading schedules: two builds of roundtable side by side, one sitting, on the commands
whose cost is mostly reading schedules. Prints a Markdown table for docs/performance.md: each
command's wall time (best of RUNS for the organisation, median of 5 x RUNS for the AJC start-up
path), its instructions under callgrind, and the instructions of `ScheduleLoader.load` alone
(inclusive: libyaml, composing, the checks of every member and session).

    schedule_read_bench.py BEFORE_BINARY AFTER_BINARY ORGANISATION [RUNS]

ORGANISATION is a folder as `make_org.py 1` writes it with its records imported (`schedules/`,
`state.sqlite`), e.g. the one org_bench.py leaves in .build-bench/org/1; it is copied first, as
`status` may write to the state.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from make_org import AS_OF
from timing import best, machine, median, stripped

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOADER = "ScheduleLoaderO4load_4file"


def counts(argv, expect):
    """(total instructions, instructions inside ScheduleLoader.load) of one run under callgrind."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        child = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", stripped(argv[0])] + argv[1:],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if child.returncode not in expect:
            raise SystemExit(f"{' '.join(argv)} under callgrind exited {child.returncode}: {child.stderr.decode(errors='replace')[-500:]}")
        report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                                check=True, capture_output=True, text=True).stdout.splitlines()
    number = lambda line: int(line.split()[0].replace(",", ""))
    total = next(number(line) for line in report if "PROGRAM TOTALS" in line)
    loader = max((number(line) for line in report if LOADER in line), default=0)
    return total, loader


def main():
    before, after, organisation = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    work = tempfile.mkdtemp(prefix="schedule-read-bench.")
    org = os.path.join(work, "org")
    shutil.copytree(organisation, org)
    ajc, ajc_state = os.path.join(ROOT, "schedules", "ajc-2012.yaml"), os.path.join(work, "ajc.sqlite")
    subprocess.run([before, "import", "-s", ajc, "--state", ajc_state, os.path.join(ROOT, "seeds", "ajc-2012-records.yaml")],
                   check=True, stdout=subprocess.DEVNULL)
    schedules, state = os.path.join(org, "schedules"), os.path.join(org, "state.sqlite")
    cases = [
        ("`check`, organisation", ["check", "-s", schedules], (0,), "best"),
        ("`status`, organisation", ["status", "-s", schedules, "--state", state, "--as-of", AS_OF.isoformat()], (0,), "best"),
        ("`check`, AJC", ["check", "-s", ajc], (0,), "median"),
        ("`overdue`, AJC (seeded)", ["overdue", "-s", ajc, "--state", ajc_state, "--as-of", "2012-11-26"], (1,), "median"),
    ]
    print(f"{machine()}; organisation: {len(os.listdir(schedules))} schedules; best of {runs} (organisation), "
          f"median of {5 * runs} (AJC)")
    print()
    print("| command | before (s) | after (s) | before (M instr.) | after (M instr.) | reading schedules before (M) | after (M) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, arguments, expect, how in cases:
        timed = {}
        for binary in (before, after):
            timed[binary] = best([binary] + arguments, runs, expect=expect)[0] if how == "best" \
                else median([binary] + arguments, 5 * runs, expect=expect)
        (total_before, loader_before), (total_after, loader_after) = (counts([b] + arguments, expect) for b in (before, after))
        print(f"| {name} | {timed[before]:.3f} | {timed[after]:.3f} | {total_before / 1e6:,.1f} | {total_after / 1e6:,.1f} "
              f"| {loader_before / 1e6:,.1f} | {loader_after / 1e6:,.1f} |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
