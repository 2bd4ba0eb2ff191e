#!/usr/bin/python3
"""Series per second of `gramian fit-many` against a statsmodels loop, on the same series.

Generates, from a fixed seed, monthly series of 120 to 200 points of two models, writes each set
as a long CSV (id,month,y, sorted by id) in a temporary directory, and times in one run:

  gramian     ./gramian fit-many FILE --id id --value y --model MODEL --threads T --quiet
              --out RESULTS.csv, for T = 1 and 2, as a whole process (JVM start, reading, JIT
              warm-up, fitting, writing), on the N series and on 2N (the same N twice over, under
              other ids). "whole run" is N / time(N); "warm" is N / (time(2N) - time(N)), the
              marginal cost of N more series once the JVM is up and compiled.
  statsmodels one Python process, after one untimed warm-up fit:
              for y in series: UnobservedComponents(y, TREND, [seasonal=12,]
                                                     use_exact_diffuse=True).fit(disp=False)

  local level    gramian --model local-level          statsmodels 'llevel'
  monthly BSM    gramian --model bsm --seasonal 12    statsmodels 'lltrend', seasonal=12

Each timing is the median over REPEATS runs; the gramian runs alternate 1 and 2 threads. The
script also checks that the two agree: the largest |l_gramian - l_statsmodels| over the series
(Gramian maximises with the exact gradient to a tighter tolerance, so its l is the higher), and
counts the series where either side stopped at a lower local maximum than the other.

Usage (from anywhere; statsmodels from Debian's python3-statsmodels):
  /usr/bin/python3 estimation/src/jmh/statsmodels/fit_many_timing.py [REPEATS] [N_LOCAL] [N_BSM]
Prints a report and writes it to fit_many_timing_output.txt beside this script.
"""

import csv
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import statsmodels
import statsmodels.api as sm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]  # estimation/src/jmh/statsmodels -> the repository
GRAMIAN = ROOT / "gramian"
OUTPUT = HERE / "fit_many_timing_output.txt"

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
N_LOCAL = int(sys.argv[2]) if len(sys.argv) > 2 else 400
N_BSM = int(sys.argv[3]) if len(sys.argv) > 3 else 100
SEED = 20261204
# Two fits of one series count as reaching different maxima when their l differ by more than this
# (both stop at a relative gradient near 1e-6, where l is flat to far below it).
LOWER = 1e-3


def local_level(rng, n):
    level = np.cumsum(rng.normal(0, rng.uniform(0.2, 1.0), n)) + rng.normal(0, 10)
    return level + rng.normal(0, rng.uniform(0.5, 2.0), n)


def bsm(rng, n):
    slope = np.cumsum(rng.normal(0, 0.02, n)) + rng.normal(0, 0.1)
    level = np.cumsum(slope + rng.normal(0, rng.uniform(0.1, 0.5), n)) + 100
    pattern = rng.normal(0, 2, 12)
    pattern -= pattern.mean()
    seasonal = np.array([pattern[t % 12] for t in range(n)]) + np.cumsum(rng.normal(0, 0.05, n))
    return level + seasonal + rng.normal(0, rng.uniform(0.5, 1.5), n)


MODELS = [
    ("local level", local_level, N_LOCAL, ["--model", "local-level"],
     dict(level="llevel")),
    ("monthly BSM", bsm, N_BSM, ["--model", "bsm", "--seasonal", "12"],
     dict(level="lltrend", seasonal=12)),
]


def write_long(path, series, copies):
    with open(path, "w", newline="") as f:
        f.write("id,month,y\n")
        for copy in range(copies):
            for i, y in enumerate(series):
                for t, v in enumerate(y):
                    f.write(f"c{copy}s{i:06d},{2000 + t // 12}-{t % 12 + 1:02d},{v!r}\n")


def gramian(data, out, model_args, threads):
    command = [str(GRAMIAN), "fit-many", str(data), "--id", "id", "--value", "y",
               *model_args, "--threads", str(threads), "--quiet", "--out", str(out)]
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def statsmodels_loop(series, kwargs):
    t0 = time.perf_counter()
    llf = []
    for y in series:
        llf.append(sm.tsa.UnobservedComponents(y, use_exact_diffuse=True, **kwargs)
                   .fit(disp=False).llf)
    return time.perf_counter() - t0, llf


def main():
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    warnings.simplefilter("ignore")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    say(f"fit-many against a statsmodels loop, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    say(f"{os.cpu_count()} cores ({cpu}); load average at start {os.getloadavg()[0]:.2f}")
    say(f"Python {platform.python_version()}, statsmodels {statsmodels.__version__}, "
        f"numpy {np.__version__}; {REPEATS} repeats, medians")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    say(java.splitlines()[0])
    subprocess.run([str(GRAMIAN), "--version"], check=True, stdout=subprocess.DEVNULL)
    rng = np.random.default_rng(SEED)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, generate, n, model_args, sm_kwargs in MODELS:
            series = [generate(rng, int(rng.integers(120, 201))) for _ in range(n)]
            once, twice = tmp / "once.csv", tmp / "twice.csv"
            write_long(once, series, 1)
            write_long(twice, series, 2)
            times = {(t, c): [] for t in (1, 2) for c in (1, 2)}
            for _ in range(REPEATS):
                for threads in (1, 2):
                    times[(threads, 1)].append(gramian(once, tmp / "r.csv", model_args, threads))
                    times[(threads, 2)].append(gramian(twice, tmp / "r2.csv", model_args, threads))
            with open(tmp / "r.csv", newline="") as f:
                gramian_llf = [float(r["loglikelihood"]) if r["status"] == "ok" else np.nan
                               for r in csv.DictReader(f)]
            statsmodels_loop(series[:1], sm_kwargs)  # warm-up
            sm_times = []
            for _ in range(REPEATS):
                seconds, sm_llf = statsmodels_loop(series, sm_kwargs)
                sm_times.append(seconds)
            median = {k: statistics.median(v) for k, v in times.items()}
            sm_rate = n / statistics.median(sm_times)
            whole = {t: n / median[(t, 1)] for t in (1, 2)}
            warm = {t: n / (median[(t, 2)] - median[(t, 1)]) for t in (1, 2)}
            differences = np.array(gramian_llf) - np.array(sm_llf)
            rows.append((name, n, whole, warm, sm_rate, np.nanmax(np.abs(differences)),
                         np.nanmin(differences), int(np.isnan(differences).sum()),
                         int((differences < -LOWER).sum()), int((differences > LOWER).sum())))
            say()
            say(f"{name}: {n} series of 120-200 points")
            for t in (1, 2):
                say(f"  gramian {t} thread(s): N in {median[(t, 1)]:.2f} s, 2N in "
                    f"{median[(t, 2)]:.2f} s")
            say(f"  statsmodels loop: N in {statistics.median(sm_times):.2f} s")
    say()
    say("series per second (higher is better); ratios in brackets")
    say("| model | statsmodels loop | fit-many 1 thread, whole run | 2 threads, whole run "
        "| 1 thread, warm | 2 threads, warm | 2 threads / 1 thread, warm |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, whole, warm, sm_rate, *_ in rows:
        say(f"| {name} | {sm_rate:.1f} | {whole[1]:.1f} ({whole[1] / sm_rate:.1f}x) "
            f"| {whole[2]:.1f} ({whole[2] / sm_rate:.1f}x) | {warm[1]:.1f} ({warm[1] / sm_rate:.1f}x) "
            f"| {warm[2]:.1f} ({warm[2] / sm_rate:.1f}x) | {warm[2] / warm[1]:.2f} |")
    say()
    for name, n, _, _, _, largest, lowest, failed, below, above in rows:
        say(f"{name}: largest |l_gramian - l_statsmodels| {largest:.2e}; smallest difference "
            f"{lowest:.2e}; series failed in gramian: {failed}")
        say(f"  series where l_gramian is below statsmodels' by more than {LOWER:g}: {below} "
            f"(a lower local maximum); above it by more than {LOWER:g}: {above} (statsmodels "
            f"stopped short, or at a lower maximum)")
    say(f"load average at end {os.getloadavg()[0]:.2f}")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
