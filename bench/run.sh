#!/usr/bin/env bash
# `make bench`: calendar generation and parsing timed in roundtable (Swift over libical), in a C
# program using libical directly, and in Python's icalendar, all in this one run, printed as one
# table (Markdown, so it pastes into docs/performance.md). Progress goes to stderr.
#
# Ratios are the baseline's time over roundtable's (throughput ratios): 1.00 is level, above 1
# roundtable is faster. The goal of issue 7 is C/Swift >= 0.9.
#
# BENCH_SIZES overrides the event counts (default "1000 10000 100000");
# BENCH_PYTHON_TIMEOUT (seconds, default 600) bounds one Python case, which is then skipped.
# A second table gives the peak memory and instruction count of generating alone.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-bench # git-ignored (.build-*/), so a release build here leaves .build alone
sizes=${BENCH_SIZES:-1000 10000 100000}
python_timeout=${BENCH_PYTHON_TIMEOUT:-600}
python=/usr/bin/python3 # Debian's, which has python3-icalendar; the python3 on PATH may not

mkdir -p "$scratch/c"
echo "Building the C baseline and the Swift bench (release)..." >&2
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
cc -O2 -o "$scratch/c/libical_bench" bench/libical_bench.c $(pkg-config --cflags --libs libical)
swift build -c release --product roundtable-bench --scratch-path "$scratch" >&2

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

for n in $sizes; do
    runs=3
    [ "$n" -ge 100000 ] && runs=1
    echo "N=$n (best of $runs): roundtable..." >&2
    "$scratch/release/roundtable-bench" "$n" "$runs" | sed 's/^/swift /' >>"$results/all"
    echo "N=$n: libical C..." >&2
    "$scratch/c/libical_bench" "$n" "$runs" | sed 's/^/c /' >>"$results/all"
    echo "N=$n: Python icalendar..." >&2
    if timeout "$python_timeout" "$python" bench/icalendar_bench.py "$n" "$runs" >"$results/python"; then
        sed 's/^/python /' "$results/python" >>"$results/all"
    else
        echo "skipped python $n ${python_timeout}" >>"$results/all"
    fi
done

echo "$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "libical $(pkg-config --modversion libical), icalendar $("$python" -c 'import icalendar; print(icalendar.__version__)')"
echo

# Lines in: "<who> <case> <N> <ms> <bytes or checksum>" and "skipped python <N> <seconds>".
awk '
    $1 == "skipped" { skipped[$3] = $4; next }
    {
        key = $2 " " $3
        if (!(key in seen)) { seen[key] = 1; order[++count] = key }
        ms[$1, key] = $4; check[$1, key] = $5
    }
    function ratio(base, swift) { return base == "" ? "-" : sprintf("%.2f", base / swift) }
    END {
        print "| case | N | roundtable (ms) | libical C (ms) | ratio C/Swift | Python icalendar (ms) | ratio Python/Swift |"
        print "|---|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= count; i++) {
            key = order[i]; split(key, part, " ")
            swift = ms["swift", key]; c = ms["c", key]; py = ms["python", key]
            pytext = py == "" ? "skipped (over " skipped[part[2]] " s)" : sprintf("%.1f", py)
            printf "| %s | %d | %.1f | %.1f | %s | %s | %s |\n", part[1], part[2], swift, c, ratio(c, swift), pytext, ratio(py, swift)
            if (part[1] == "parse" && (check["c", key] != check["swift", key] || (py != "" && check["python", key] != check["swift", key])))
                mismatch = mismatch " " part[2]
            if (part[1] == "generate" && check["c", key] != check["swift", key])
                sizes = sizes " " part[2]
            verdict = verdict sprintf("%s %s at %d (%.2f)", (verdict == "" ? "" : ";"), part[1], part[2], c / swift)
            verdict = verdict (c / swift >= 0.9 ? " met" : " not met")
        }
        print ""
        print "Goal C/Swift >= 0.90:" verdict "."
        if (mismatch != "") print "WARNING: parse checksums differ at N =" mismatch " (the programs did not read the same things)."
        else print "Parse checksums (UID lengths + DTSTART instants + attendee counts) agree in all three programs."
        if (sizes != "") print "WARNING: roundtable and C wrote calendars of different sizes at N =" sizes "."
        else print "roundtable and the C program wrote calendars of the same size."
    }
' "$results/all"

echo
echo "Generate alone, one whole process each: peak memory, and instructions counted by callgrind"
echo
# shellcheck disable=SC2086 # one argument per size
"$python" bench/generation_memory.py "$scratch/release/roundtable-bench" "$scratch/c/libical_bench" $sizes
