#!/usr/bin/python3
"""Fit times of statsmodels on the three models of FitBenchmark, in one warm process.

The counterpart of io.gramian.estimation.FitBenchmark (see docs/benchmarks.md, "Fitting:
Gramian against statsmodels"):

  Nile local level     UnobservedComponents(nile, 'llevel', use_exact_diffuse=True)
  ln KSI BSM           UnobservedComponents(log drivers, 'lltrend', seasonal=12,
                                            use_exact_diffuse=True)
  ln AirPassengers     SARIMAX(log passengers, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12)),
  airline model        three ways: statsmodels' default (approximate diffuse differencing
                       states, the first 13 log-likelihood terms dropped), simple_differencing=True,
                       and use_exact_diffuse=True (exactly diffuse differencing states, the
                       likelihood Gramian maximises)

Each model is built once; each fit is repeated REPEATS times after WARMUPS warm-up fits, and the
median and interquartile range of the wall-clock times are reported, in ms. Two variants:

  fit        model.fit(disp=False): L-BFGS-B with a forward-difference gradient (scipy's
             approx_grad, epsilon 1e-5), then the smoother at the estimate and the OPG covariance
             (complex-step scores), as statsmodels does by default
  optimise   model.fit(disp=False, return_params=True): the optimisation alone

The work is counted in a separate, untimed fit of each variant, by counting the Kalman filter
runs of the model's state-space object (every log-likelihood, complex-step or not, and the
filter pass of the smoother is one run). For L-BFGS-B mle_retvals['fcalls'] is scipy's nfev,
which already includes the k function evaluations of each forward-difference gradient; a
gradient costs k extra likelihoods (k = number of parameters), where Gramian's costs one reverse
sweep. statsmodels reports no separate gradient count.

Reads the CSVs from the repository's datasets/ folder (found relative to this script) and writes
what it prints to fit_timing_output.txt beside it as well.

Usage: /usr/bin/python3 estimation/src/jmh/statsmodels/fit_timing.py [repeats] [warmups]
"""

import csv
import datetime
import os
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]  # estimation/src/jmh/statsmodels -> the repository
DATASETS = ROOT / "datasets"
OUTPUT = HERE / "fit_timing_output.txt"

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
WARMUPS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def column(file_name, name):
    with open(DATASETS / file_name, newline="") as f:
        return np.array([float(row[name]) for row in csv.DictReader(f)])


def cases():
    nile = column("nile.csv", "volume")
    ksi = np.log(column("uk_driver_deaths.csv", "drivers"))
    air = np.log(column("air_passengers.csv", "passengers"))
    uc = sm.tsa.UnobservedComponents
    sarimax = sm.tsa.SARIMAX
    airline = dict(order=(0, 1, 1), seasonal_order=(0, 1, 1, 12))
    return [
        ("Nile local level", lambda: uc(nile, "llevel", use_exact_diffuse=True)),
        ("ln KSI BSM (dummy seasonal 12)",
         lambda: uc(ksi, "lltrend", seasonal=12, use_exact_diffuse=True)),
        ("airline, default (approx. diffuse)", lambda: sarimax(air, **airline)),
        ("airline, simple_differencing=True",
         lambda: sarimax(air, simple_differencing=True, **airline)),
        ("airline, use_exact_diffuse=True",
         lambda: sarimax(air, use_exact_diffuse=True, **airline)),
    ]


VARIANTS = [
    ("fit", dict(disp=False)),
    ("optimise", dict(disp=False, return_params=True)),
]


def run(model, kwargs):
    return model.fit(**kwargs)


def log_likelihood(model, out):
    if isinstance(out, np.ndarray):
        return float(model.loglike(out))
    return float(out.llf)


def counted(model, kwargs):
    """One untimed fit, counting the Kalman filter runs it makes."""
    ssm = model.ssm
    original = ssm._filter
    runs = [0]

    def counting(*args, **kw):
        runs[0] += 1
        return original(*args, **kw)

    ssm._filter = counting
    try:
        out = model.fit(**kwargs)
        # with return_params=True only the parameters come back, not mle_retvals
        return runs[0], getattr(out, "mle_retvals", None), out
    finally:
        del ssm._filter


def timed(model, kwargs):
    for _ in range(WARMUPS):
        run(model, kwargs)
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        run(model, kwargs)
        times.append((time.perf_counter() - t0) * 1e3)
    q1, median, q3 = np.percentile(times, [25, 50, 75])
    return median, q1, q3, min(times), max(times)


def main():
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    warnings.simplefilter("ignore")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    say("statsmodels fit timing (counterpart of io.gramian.estimation.FitBenchmark)")
    say(f"date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} (local time)")
    say(f"machine: {os.cpu_count()} cores ({cpu}), load average at start "
        f"{os.getloadavg()[0]:.2f}")
    say(f"python {platform.python_version()}, statsmodels {statsmodels.__version__}, "
        f"numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__}")
    say(f"{WARMUPS} warm-up fits, then {REPEATS} timed fits per row; times in ms "
        f"(wall clock, time.perf_counter)")
    say()
    header = (f"{'model':36s} {'variant':9s} {'median':>9s} {'IQR':>19s} {'min':>9s} "
              f"{'max':>9s} {'k':>2s} {'iter':>4s} {'fcalls':>6s} {'filter runs':>11s} "
              f"{'loglik':>14s} conv")
    say(header)
    say("-" * len(header))
    for label, build in cases():
        model = build()
        k = len(model.start_params)
        retvals = None
        for variant, kwargs in VARIANTS:
            runs, rv, out = counted(model, kwargs)
            if rv is not None:
                retvals = rv
            ll = log_likelihood(model, out)
            median, q1, q3, lo, hi = timed(model, kwargs)
            say(f"{label:36s} {variant:9s} {median:9.2f} [{q1:8.2f}, {q3:8.2f}] {lo:9.2f} "
                f"{hi:9.2f} {k:2d} {retvals['iterations']:4d} {retvals['fcalls']:6d} "
                f"{runs:11d} {ll:14.6f} {retvals['converged']}")
        params = dict(zip(model.param_names, np.round(out, 8)))
        say(f"{'':36s} estimates {params}")
    say()
    say("k: parameters; iter, fcalls: L-BFGS-B iterations and function evaluations (mle_retvals;")
    say("fcalls includes the k evaluations of each forward-difference gradient); filter runs:")
    say("Kalman filter passes the whole call made (fit adds the smoother's and the OPG")
    say("covariance's complex-step passes); loglik: at the estimate.")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
