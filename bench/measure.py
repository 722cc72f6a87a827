#!/usr/bin/env python3
"""Time a command: one untimed warm-up run, then N timed runs.

  measure.py [--runs N] [--warmup N] [--prep SHELL_CMD] -- CMD [ARG...]

Each run is started with posix_spawn (stdin and stdout on /dev/null, stderr
kept in a temporary file), so the wall time covers the whole process,
start-up included.  Then one more, untimed run under `/usr/bin/time -f %M`
gives the peak RSS.  (Not wait4's ru_maxrss: a child spawned from Python
inherits Python's own high-water mark, 10-15 MiB, when it execs; one forked
from the small `time` inherits about 1 MiB.)
--prep runs an untimed shell command before every run, e.g. to drop a cache.
--warmup sets the number of warm-up runs (default 1; 0 when a run is long and
the page cache is already warm, e.g. a cold `list` right after `cat` of the files).

Prints one line: median min max (seconds) and peak RSS (KiB).
Exits 1, showing the command's stderr, if any run fails.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(argv, err):
    err.seek(0)
    err.truncate()
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        err.seek(0)
        sys.stderr.write(err.read().decode(errors="replace"))
        sys.exit("measure.py: exit status %d from: %s" % (code, " ".join(argv)))
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--prep", help="shell command run (untimed) before each run")
    ap.add_argument("argv", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    argv = a.argv[1:] if a.argv[:1] == ["--"] else a.argv
    if not argv or a.runs < 1 or a.warmup < 0:
        ap.error("need --runs >= 1, --warmup >= 0 and a command")
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        def run(cmd):
            if a.prep:
                subprocess.run(a.prep, shell=True, check=True)
            return run_once(cmd, err)
        for _ in range(a.warmup):
            run(argv)                                               # warm-up
        times = [run(argv) for _ in range(a.runs)]
        run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + argv)  # peak RSS
        peak = int(rss.read().split()[-1])
    print("%.6f %.6f %.6f %d" % (statistics.median(times), min(times), max(times), peak))


if __name__ == "__main__":
    main()
