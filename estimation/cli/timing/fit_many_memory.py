#!/usr/bin/python3
"""Peak memory of `gramian fit-many` on 100 000 series in a sorted long CSV.

Generates, from a fixed seed, N local-level series of 120 monthly points (default 100 000:
12 000 001 lines, about 300 MB), writes them as a long CSV sorted by id in a temporary directory
(deleted at the end), and runs, under /usr/bin/time -v, with a Java heap smaller than the file:

  GRAMIAN_JAVA_OPTS=-XmxHEAP ./gramian fit-many FILE --id id --value y --model local-level \
      --threads 2 --out results.csv

then prints the file's size, the wall time, the peak resident set size (the JVM included), the
fitted and failed counts of the last line, and the number of rows of results.csv.

Usage: /usr/bin/python3 estimation/cli/timing/fit_many_memory.py [N] [HEAP]   (HEAP: 256m)
Prints a report and writes it to fit_many_memory_output.txt beside this script.
"""

import datetime
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # estimation/cli/timing -> the repository
OUTPUT = HERE / "fit_many_memory_output.txt"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
HEAP = sys.argv[2] if len(sys.argv) > 2 else "256m"
LENGTH = 120
SEED = 20261204


def write_sorted_long(path, rng):
    with open(path, "w") as f:
        f.write("id,month,y\n")
        months = [f"{2000 + t // 12}-{t % 12 + 1:02d}" for t in range(LENGTH)]
        for i in range(N):
            level = np.cumsum(rng.normal(0, rng.uniform(0.2, 1.0), LENGTH)) + rng.normal(0, 10)
            y = level + rng.normal(0, rng.uniform(0.5, 2.0), LENGTH)
            f.write("".join(f"s{i:06d},{m},{v!r}\n" for m, v in zip(months, y)))


def main():
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say(f"fit-many on {N} series in a sorted long CSV, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    subprocess.run([str(ROOT / "gramian"), "--version"], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "long.csv"
        write_sorted_long(data, np.random.default_rng(SEED))
        say(f"{data.stat().st_size / 1e6:.0f} MB, {N * LENGTH + 1} lines; heap -Xmx{HEAP}; "
            f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}")
        results = tmp / "results.csv"
        command = ["/usr/bin/time", "-v", str(ROOT / "gramian"), "fit-many", str(data),
                   "--id", "id", "--value", "y", "--model", "local-level", "--threads", "2",
                   "--progress-interval", "60", "--out", str(results)]
        run = subprocess.run(command, env={**os.environ, "GRAMIAN_JAVA_OPTS": f"-Xmx{HEAP}"},
                             capture_output=True, text=True)
        err = run.stderr
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
        last = [l for l in err.splitlines() if l.startswith("gramian: ") and "fitted" in l]
        rows = sum(1 for _ in open(results)) - 1 if results.exists() else 0
        say(f"exit status {run.returncode}; {last[-1] if last else 'no closing line'}")
        say(f"results.csv rows: {rows}")
        say(f"wall time {wall}; peak resident set size {peak / 1024:.0f} MB (the JVM included)")
        say(f"load average at end {os.getloadavg()[0]:.2f}")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
