"""Timing whole commands for the benchmarks: wall time and the child's peak memory."""
import os
import statistics
import subprocess
import time


def run_once(argv, env=None, expect=(0,)):
    """Runs argv once; returns (seconds, max RSS in MB). Output is discarded; an unexpected exit
    status stops the benchmark, since a failing command would time only its error path."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in expect:
        raise SystemExit(f"{' '.join(argv)} exited {code}: {child.stderr.read().decode(errors='replace')[:500]}")
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def best(argv, runs, env=None, expect=(0,)):
    """The best of several runs (least disturbed by the other core's work), with its peak memory."""
    return min(run_once(argv, env, expect) for _ in range(runs))


def median(argv, runs, env=None, expect=(0,)):
    """The median of many runs, for start-up times of a few milliseconds."""
    return statistics.median(run_once(argv, env, expect)[0] for _ in range(runs))


def machine():
    """One line naming the machine, for the tables in docs/performance.md."""
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return f"{os.cpu_count()} CPUs, {model}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"


def instructions(argv, env=None, expect=(0,)):
    """The instructions argv executes, counted by callgrind: the same from run to run whatever
    else the machine does, where wall times here swing by a third. Valgrind 3.19 cannot read the
    DWARF 5 Swift 6.3 writes, so a Swift binary is given as a copy with its debug info stripped
    (`stripped`)."""
    child = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if child.returncode not in expect:
        raise SystemExit(f"callgrind {' '.join(argv)} exited {child.returncode}: {child.stderr[-500:]}")
    counted = [line for line in child.stderr.splitlines() if "Collected :" in line]
    if not counted:
        raise SystemExit(f"callgrind printed no count for {' '.join(argv)}: {child.stderr[-500:]}")
    return int(counted[-1].split(":")[-1])


def stripped(binary, folder):
    """A copy of binary in folder without debug info (symbols kept), for callgrind."""
    copy = os.path.join(folder, os.path.basename(binary) + "-stripped")
    subprocess.run(["cp", binary, copy], check=True)
    subprocess.run(["strip", "--strip-debug", copy], check=True)
    return copy


def shared_libraries(binary):
    """How many shared libraries the dynamic loader maps for binary (`ldd | wc -l`, the vDSO and
    the loader itself included)."""
    return len(subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout.splitlines())
