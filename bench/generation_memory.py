#!/usr/bin/env python3
"""`make bench`, generation: the peak memory of generating an N-event calendar in roundtable
(which writes each event as soon as it is made) and in the C program (which builds libical's
tree of the whole calendar, then writes it), and the instructions each runs, counted by callgrind.
Each figure is one whole process doing generate once (`N 1 generate`); the peak resident set is
what `/usr/bin/time -v` reports as "Maximum resident set size" (the child's ru_maxrss).

    generation_memory.py ROUNDTABLE_BENCH C_BENCH N... [--count-up-to N]

Callgrind runs 50 times slower than the program, so instructions are counted only up to
--count-up-to events (default 10,000).
"""
import os
import sys

from timing import instructions, run_once


def main():
    arguments = sys.argv[1:]
    limit = 10000
    if "--count-up-to" in arguments:
        at = arguments.index("--count-up-to")
        limit = int(arguments[at + 1])
        del arguments[at:at + 2]
    swift, c, sizes = arguments[0], arguments[1], [int(n) for n in arguments[2:]]
    print("| N | roundtable peak RSS (MB) | libical C peak RSS (MB) | roundtable instructions (M) | libical C instructions (M) | roundtable / C instructions |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        argv = [str(n), "1", "generate"]
        swift_rss, c_rss = run_once([swift, *argv])[1], run_once([c, *argv])[1]
        if n <= limit:
            swift_count, c_count = instructions([swift, *argv]), instructions([c, *argv])
            counts = f"{swift_count / 1e6:.1f} | {c_count / 1e6:.1f} | {swift_count / c_count:.2f}"
        else:
            counts = "- | - | -"
        print(f"| {n} | {swift_rss:.1f} | {c_rss:.1f} | {counts} |")


if __name__ == "__main__":
    main()
