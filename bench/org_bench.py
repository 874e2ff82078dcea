#!/usr/bin/env python3
"""`make bench`, organisation scale: the commands cron and a coordinator run, timed over a whole
synthetic organisation (bench/make_org.py) at a tenth and at full size, in one process each (`-s`
naming the folder of schedules), and at full size each command's instruction count under
callgrind, which repeats exactly whatever else the machine runs. `export --dir` is timed twice:
writing every feed into an empty folder, then again with nothing changed. Prints a Markdown table
for docs/performance.md.

    org_bench.py ROUNDTABLE_BINARY [RUNS]

BENCH_CALLGRIND=0 leaves out the instruction counts (callgrind runs each command about 50 times
slower).
"""
import os
import shutil
import subprocess
import sys

from make_org import AS_OF
from timing import best, instructions, machine

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "org")
SCALES = [0.1, 1]


def organisation(binary, scale):
    """A fresh organisation at this scale, its records imported; returns (schedules, state, folder)."""
    folder = os.path.join(WORK, str(scale))
    shutil.rmtree(folder, ignore_errors=True)
    generated = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_org.py"), str(scale), folder],
                               check=True, capture_output=True, text=True).stdout.strip()
    print(f"scale {scale}: {generated}; importing...", file=sys.stderr)
    schedules, state = os.path.join(folder, "schedules"), os.path.join(folder, "state.sqlite")
    for name in sorted(os.listdir(os.path.join(folder, "records"))):
        subprocess.run([binary, "import", "-s", os.path.join(schedules, name), "--state", state,
                        os.path.join(folder, "records", name)], check=True, stdout=subprocess.DEVNULL)
    return schedules, state, folder


# Issue 15's goals at full size, in seconds: half a second for what cron and a coordinator run
# over the whole organisation; writing every feed, and finding nothing to write.
GOALS = {"export --dir": 3, "export --dir, nothing changed": 1}


def run_fresh(argv, expect, emptied):
    """One timed run, the folder `emptied` (when given) removed first."""
    if emptied:
        shutil.rmtree(emptied, ignore_errors=True)
    return best(argv, 1, expect=expect)


def commands(binary, schedules, state, folder):
    """Each case: its name, argv, and the exit codes that mean it worked (overdue exits 1 when late)."""
    common = ["-s", schedules, "--state", state, "--as-of", AS_OF.isoformat()]
    return [
        ("check", [binary, "check", "-s", schedules], (0,)),
        ("status", [binary, "status"] + common, (0,)),
        ("overdue", [binary, "overdue"] + common, (0, 1)),
        ("export --dir", [binary, "export", "--dir", os.path.join(folder, "feeds")] + common, (0,)),
        ("export --dir, nothing changed", [binary, "export", "--dir", os.path.join(folder, "feeds")] + common, (0,)),
        ("remind --dry-run", [binary, "remind", "--dry-run", "--templates", os.path.join(ROOT, "templates")] + common, (0,)),
    ]


def main():
    binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    counting = os.environ.get("BENCH_CALLGRIND", "1") != "0"
    results = {}
    counts = {}
    sizes = {}
    for scale in SCALES:
        schedules, state, folder = organisation(binary, scale)
        sizes[scale] = len(os.listdir(schedules))
        feeds = os.path.join(folder, "feeds")
        for name, argv, expect in commands(binary, schedules, state, folder):
            print(f"scale {scale}: {name}...", file=sys.stderr)
            # The first export of each run writes into an empty folder; the second finds it as written.
            first_export = name == "export --dir"
            results[name, scale] = min(run_fresh(argv, expect, feeds if first_export else None) for _ in range(runs))
            if counting and scale == SCALES[-1]:
                if first_export:
                    shutil.rmtree(feeds, ignore_errors=True)
                if name == "export --dir, nothing changed":
                    # The manifest names the program that wrote it (/proc/self/exe), which under
                    # valgrind is valgrind's own: one run under callgrind first leaves the feeds
                    # as the counted run must find them, or it would count a full rebuild.
                    instructions(argv, expect=expect)
                counts[name] = instructions(argv, expect=expect)
        # The feeds, not export's manifest (.roundtable-export).
        files = [os.path.join(d, f) for d, _, names in os.walk(feeds) for f in names if f.endswith(".ics")]
        sizes[scale, "feeds"] = (len(files), sum(os.path.getsize(f) for f in files) / 1e6)
        dry = subprocess.run(commands(binary, schedules, state, folder)[-1][1], capture_output=True, text=True).stdout
        sizes[scale, "reminders"] = dry.count("would send")

    small, full = SCALES
    print(f"{machine()}, best of {runs}, as of {AS_OF}")
    print()
    print(f"| command | {sizes[small]} series (s) | {sizes[full]} series (s) | instructions at {sizes[full]} series (M) "
          f"| growth for 10x the data | peak memory at {sizes[full]} series (MB) | goal | met |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for name, _, _ in commands(binary, "", "", ""):
        (t_small, _), (t_full, rss) = results[name, small], results[name, full]
        goal = GOALS.get(name, 0.5)
        count = f"{counts[name] / 1e6:,.0f}" if name in counts else "-"
        print(f"| {name} | {t_small:.3f} | {t_full:.3f} | {count} | {t_full / t_small:.1f}x | {rss:.0f} | < {goal} s "
              f"| {'yes' if t_full < goal else 'no'} |")
    print()
    for scale in SCALES:
        count, megabytes = sizes[scale, "feeds"]
        print(f"At {sizes[scale]} series: export wrote {count} feeds ({megabytes:.0f} MB); "
              f"remind --dry-run would send {sizes[scale, 'reminders']} digests.")


if __name__ == "__main__":
    main()
