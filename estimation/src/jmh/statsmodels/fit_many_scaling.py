#!/usr/bin/python3
"""How `gramian fit-many` scales from 1 to 2 threads once a run is long enough for the JIT to
settle: local-level series of 120-200 points (the generator of fit_many_timing.py), written as a
sorted long CSV of N and of 4N series in a temporary directory, each fitted with --threads 1 and 2.

A short run spends much of its CPU compiling: on 2 cores the JIT's compiler threads take the
second core while the first fits, so 2 threads gain little until the compiled code dominates.
"marginal" is 3N / (time(4N) - time(N)), the rate once compiled.

Usage: /usr/bin/python3 estimation/src/jmh/statsmodels/fit_many_scaling.py [N] [REPEATS]
(default 4000 series, 1 repeat). Prints the report and writes it to fit_many_scaling_output.txt
beside this script. Needs numpy only (no statsmodels).
"""

import datetime
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_many_timing import GRAMIAN, SEED, gramian, local_level, write_long  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "fit_many_scaling_output.txt"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 1
MODEL = ["--model", "local-level"]


def main():
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say(f"fit-many, 1 and 2 threads, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    say(f"{os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.2f}; "
        f"{REPEATS} repeat(s), medians")
    subprocess.run([str(GRAMIAN), "--version"], check=True, stdout=subprocess.DEVNULL)  # built
    rng = np.random.default_rng(SEED)
    series = [local_level(rng, int(rng.integers(120, 201))) for _ in range(N)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        once, four = tmp / "once.csv", tmp / "four.csv"
        write_long(once, series, 1)
        write_long(four, series, 4)
        times = {}
        for threads in (1, 2):
            for copies, path in ((1, once), (4, four)):
                runs = [gramian(path, tmp / "r.csv", MODEL, threads) for _ in range(REPEATS)]
                times[(threads, copies)] = statistics.median(runs)
                say(f"  {threads} thread(s), {copies * N} series: {times[(threads, copies)]:.2f} s")
    say()
    say("| threads | N whole run (series/s) | 4N whole run | marginal (3N more) |")
    say("|---:|---:|---:|---:|")
    rate = {}
    for threads in (1, 2):
        t1, t4 = times[(threads, 1)], times[(threads, 4)]
        rate[threads] = 3 * N / (t4 - t1)
        say(f"| {threads} | {N / t1:.1f} | {4 * N / t4:.1f} | {rate[threads]:.1f} |")
    say()
    say(f"2 threads / 1 thread: whole run of 4N {times[(1, 4)] / times[(2, 4)]:.2f}, "
        f"marginal {rate[2] / rate[1]:.2f}")
    say(f"load average at end {os.getloadavg()[0]:.2f}")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
