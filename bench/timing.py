"""Timing whole commands for the benchmarks: wall time and the child's peak memory."""
import atexit
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


_stripped = {}


def stripped(binary):
    """A copy of the binary without its debug info, its symbols kept: Debian bookworm's valgrind
    (3.19) gives up on the DWARF 5 that Swift writes."""
    if binary not in _stripped:
        copy = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-stripped.{os.getpid()}.{len(_stripped)}")
        subprocess.run(["strip", "--strip-debug", "-o", copy, binary], check=True)
        atexit.register(os.remove, copy)
        _stripped[binary] = copy
    return _stripped[binary]


def instructions(argv, env=None, expect=(0,)):
    """The instructions a command runs (callgrind's total, the same from run to run whatever else
    the machine does)."""
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"callgrind.bench.{os.getpid()}")
    argv = [stripped(argv[0])] + argv[1:]
    child = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if child.returncode not in expect:
        raise SystemExit(f"{' '.join(argv)} under callgrind exited {child.returncode}: {child.stderr.decode(errors='replace')[-500:]}")
    with open(out) as f:
        total = next(int(line.split()[1]) for line in f if line.startswith("summary:") or line.startswith("totals:"))
    os.remove(out)
    return total


def shared_libraries(binary):
    """How many shared libraries the dynamic loader maps for binary (`ldd | wc -l`, the vDSO and
    the loader itself included)."""
    return len(subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout.splitlines())
