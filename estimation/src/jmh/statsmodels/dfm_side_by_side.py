#!/usr/bin/python3
"""Gramian's and statsmodels' dynamic factor model side by side, in one run, on one panel
(docs/benchmarks.md, "Dynamic factor model").

The panel: P = 20 series, T = 200 periods, K = 2 factors following a VAR(1), drawn here from SEED:
f_t = A f_{t-1} + eta_t (A = [[0.6, 0.1], [-0.2, 0.5]], eta_t ~ N(0, I)), y_t = Lambda f_t + eps_t
(Lambda entries N(0, 1), eps_t ~ N(0, diag(s2)), s2 uniform on [0.3, 1.0]). Both sides read the
same CSV file.

What it measures, warm on both sides (WARMUPS untimed runs, then the median of REPEATS timed runs,
wall clock):

  fit       Gramian: MaximumLikelihood.fit(DynamicFactor(series, 2, 1), data, defaults) from its
            start values; statsmodels: DynamicFactor(y, k_factors=2, factor_order=1).fit(disp=False)
            (its defaults: L-BFGS, enforce_stationarity=True, numerical gradients).
  gradient  l and its gradient with respect to every parameter at the start values. Gramian:
            LogLikelihood.valueAndGradient (exact, reverse mode); statsmodels: model.loglike plus
            model.score (its gradient by finite differences, the one its fit uses).

It checks that both reach the same maximum (statsmodels' l at Gramian's estimates equals Gramian's
l to 1e-6 relative; Gramian's l is at least statsmodels' maximum less 1e-3) and prints the times
and ratios. The Java side runs first, through Maven's jmh profile (estimation's benchmark
sources, never in a library jar), so the two never share the machine.

Usage (from the repository root; Maven, a JDK 17 and Debian's python3-statsmodels):

  /usr/bin/python3 estimation/src/jmh/statsmodels/dfm_side_by_side.py [--repeats N]
      [--warmups N] [--offline]

Writes what it prints to dfm_side_by_side_output.txt beside this script.
"""

import argparse
import datetime
import os
import platform
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import statsmodels
from statsmodels.tsa.statespace.dynamic_factor import DynamicFactor

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
OUTPUT = HERE / "dfm_side_by_side_output.txt"
SEED = 20261205
P, T, K = 20, 200, 2

warnings.simplefilter("ignore")
lines = []


def say(text):
    print(text, flush=True)
    lines.append(text)


def panel():
    rng = np.random.default_rng(SEED)
    A = np.array([[0.6, 0.1], [-0.2, 0.5]])
    loadings = rng.standard_normal((P, K))
    s2 = rng.uniform(0.3, 1.0, P)
    f = np.zeros(K)
    y = np.empty((T, P))
    for t in range(T + 50):
        f = A @ f + rng.standard_normal(K)
        if t >= 50:
            y[t - 50] = loadings @ f + np.sqrt(s2) * rng.standard_normal(P)
    return y


def median_seconds(run, warmups, repeats):
    for _ in range(warmups):
        run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=2)
    parser.add_argument("--offline", action="store_true")
    options = parser.parse_args()
    y = panel()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "panel.csv"
        np.savetxt(data, y, delimiter=",", fmt="%.17g")
        output = Path(folder) / "gramian.txt"
        args = f"{data} {K} {output} {options.warmups} {options.repeats}"
        command = ["mvn", "-B", "-q", "-Pjmh", "-pl", "estimation", "-am", "verify",
                   "-Djmh.autodiff.skip=true", "-Djmh.kalman.skip=true",
                   "-Dspotless.check.skip=true",
                   "-Djmh.main=io.gramian.estimation.DfmSideBySide", f"-Djmh.args={args}"]
        if options.offline:
            command.insert(1, "-o")
        print("running Gramian: " + " ".join(command), flush=True)
        subprocess.run(command, cwd=ROOT, check=True)
        gramian = {}
        estimates = {}
        for line in output.read_text().splitlines():
            f = line.split()
            if f[0] == "estimate":
                estimates[f[1]] = float(f[2])
            else:
                gramian[f[0]] = (float(f[1]), float(f[2]))

    model = DynamicFactor(y, k_factors=K, factor_order=1)
    fitted = [None]

    def fit():
        fitted[0] = model.fit(disp=False)

    fit_seconds = median_seconds(fit, options.warmups, options.repeats)
    start = model.start_params

    def gradient():
        model.loglike(start)
        model.score(start)

    gradient_seconds = median_seconds(gradient, options.warmups, options.repeats)
    at_gramian = model.loglike(model.untransform_params(model.transform_params(
        np.array([estimates[name] for name in model.param_names]))))
    sm_llf = fitted[0].llf
    g_fit_seconds, g_llf = gramian["fit"]
    g_gradient_seconds, _ = gramian["gradient"]

    load = os.getloadavg()[0]
    say("Dynamic factor model, Gramian and statsmodels side by side")
    say(f"date {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load {load:.1f}, statsmodels {statsmodels.__version__}")
    say(f"panel: P = {P} series, T = {T}, K = {K} factors of order 1, seed {SEED}; "
        f"{len(model.param_names)} parameters; median of {options.repeats} after "
        f"{options.warmups} warm-ups")
    say(f"{'':10s} {'Gramian s':>12s} {'statsmodels s':>14s} {'ratio':>8s}")
    say(f"{'fit':10s} {g_fit_seconds:12.4g} {fit_seconds:14.4g} "
        f"{fit_seconds / g_fit_seconds:8.1f}")
    say(f"{'l+grad':10s} {g_gradient_seconds:12.4g} {gradient_seconds:14.4g} "
        f"{gradient_seconds / g_gradient_seconds:8.1f}")
    say(f"maximum: Gramian {g_llf:.6f}, statsmodels {sm_llf:.6f}, "
        f"statsmodels' l at Gramian's estimates {at_gramian:.6f}")
    if abs(at_gramian - g_llf) > 1e-6 * abs(g_llf):
        raise SystemExit("the two likelihoods differ at Gramian's estimates")
    if g_llf < sm_llf - 1e-3:
        raise SystemExit("Gramian's fit falls short of statsmodels' maximum")
    OUTPUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
