#!/usr/bin/env python3
"""`make bench`, the install: what `make install` (release, stripped) puts on disk and how fast
the installed binary starts `overdue` on the AJC series, beside the unstripped release build.
Prints a Markdown table for docs/performance.md; neither number should grow.

    install_bench.py [RUNS]
"""
import os
import shutil
import subprocess
import sys

from timing import instructions, machine, median

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "install")
PREFIX = "/usr/local"


def size(path):
    """Bytes under path (a file, or every file in a folder)."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(folder, f)) for folder, _, files in os.walk(path) for f in files)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    shutil.rmtree(WORK, ignore_errors=True)
    destdir = os.path.join(WORK, "destdir")
    subprocess.run(["make", "-s", "-C", ROOT, "install", "DESTDIR=" + destdir, "PREFIX=" + PREFIX],
                   check=True, stdout=subprocess.DEVNULL)
    installed = destdir + PREFIX
    binary = os.path.join(installed, "bin", "roundtable")
    built = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path",
                                         os.path.join(ROOT, ".build-static"), "--show-bin-path"], cwd=ROOT,
                                        capture_output=True, text=True, check=True).stdout.strip(), "roundtable")
    schedule, state = os.path.join(ROOT, "schedules", "ajc-2012.yaml"), os.path.join(WORK, "state.sqlite")
    subprocess.run([binary, "import", "-s", schedule, "--state", state, os.path.join(ROOT, "seeds", "ajc-2012-records.yaml")],
                   check=True, stdout=subprocess.DEVNULL)
    overdue = ["overdue", "-s", schedule, "--state", state, "--as-of", "2012-11-26"]
    print(f"{machine()}, median of {runs} runs")
    print()
    print("| binary | size (MB) | `overdue` median (ms) | instructions (M, callgrind) |")
    print("|---|---:|---:|---:|")
    for name, program in [("release build, unstripped", built), ("installed (`make install`, stripped)", binary)]:
        seconds = median([program, *overdue], runs, expect=(1,))
        count = instructions([program, *overdue], expect=(1,))
        print(f"| {name} | {size(program) / 1e6:.1f} | {seconds * 1000:.1f} | {count / 1e6:.1f} |")
    print()
    print(f"Everything installed under {PREFIX}: {size(installed) / 1e6:.1f} MB.")


if __name__ == "__main__":
    main()
