#!/usr/bin/python3
"""Gramian and statsmodels side by side, in one run, on identical inputs (docs/benchmarks.md).

What it measures, warm on both sides (WARMUPS untimed runs, then the median of REPEATS timed runs,
wall clock):

  filter   the log-likelihood per time step on random stable systems with nx = 1, 5, 10, 20, 50
           states and ny = max(1, nx // 2) observations, without and with 10% of the observed
           entries missing (NaN). Gramian: SquareRootFilter.logLikelihood, and
           logLikelihoodGradient (ℓ with its exact gradient with respect to every system matrix).
           statsmodels: MLEModel.ssm.loglike() on a model holding the same matrices
           (design H, obs_intercept d, obs_cov R = cholR cholRᵀ, transition F, state_intercept c,
           selection I, state_cov Q = cholQ cholQᵀ, initialize_known(m0, cholP0 cholP0ᵀ)).
  fits     MaximumLikelihood.fit(model, data, FitOptions.defaults()) against
           model.fit(disp=False) on the same data, for the Nile local level, the log KSI basic
           structural model, the airline model and three more seasonal models (FITS below; the
           Gramian models are in SideBySide.fits()).
  products C = A B (n × n, dense) at n = 10, 20, 50: Gramian's BlockProduct.denseMultInto against
           numpy.matmul on statsmodels' BLAS, the same matrices; the rate of a multiply-add on
           each side, which bounds what a filter made of such products can reach.

The systems are drawn here, once, from SEED, and written as CSV files that both sides read, so
both filter exactly the same matrices and observations. Both sides' ℓ are printed and compared
(they must agree to 1e-8 relative). For the fits the script checks that both reach the same
maximum: statsmodels' ℓ at Gramian's estimates must equal Gramian's ℓ within 1e-6 (the same
likelihood), and Gramian's ℓ must be at least statsmodels' maximum less 1e-6.

The Java side runs through Maven's jmh profile (estimation's benchmark sources, never in a library
jar) before statsmodels runs, so the two never share the machine; each case in three JVMs of its
own, as JMH forks (a JVM that ran small models first runs larger ones slower: SideBySide.fork), the
median over the three.

Usage (from the repository root; needs Maven, a JDK 17 and Debian's python3-statsmodels):

  /usr/bin/python3 estimation/src/jmh/statsmodels/side_by_side.py [--repeats N] [--warmups N]
      [--quick] [--offline] [--inputs DIR]

--quick runs short series and few repeats (a check that everything works, not figures);
--offline passes -o to Maven; --inputs DIR writes the systems' CSV files into DIR and keeps them
(one folder per case, the input of FilterStepTiming). Writes what it prints to
side_by_side_output.txt beside this script.

statsmodels' filter calls BLAS, and which BLAS makes a difference of up to five times at nx = 50:
Debian's python3-statsmodels, installed with its recommended packages, runs on OpenBLAS (the
libblas.so.3 alternative of libopenblas0), faster than the reference BLAS (libblas3) from nx = 10
on and slower below. The header names the libblas the process loaded. --reference-blas runs
statsmodels on the reference BLAS instead (the script starts itself again with LD_LIBRARY_PATH
set to REFERENCE_BLAS) and writes side_by_side_reference_blas_output.txt.
"""

import argparse
import csv
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm

REFERENCE_BLAS = Path("/usr/lib/x86_64-linux-gnu/blas")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]  # estimation/src/jmh/statsmodels -> the repository
DATASETS = ROOT / "datasets"
OUTPUT = HERE / "side_by_side_output.txt"
REFERENCE_BLAS_OUTPUT = HERE / "side_by_side_reference_blas_output.txt"

SEED = 20261204
SIZES = [1, 5, 10, 20, 50]
# time steps per size: long enough for the steady state to matter, short enough at nx = 50
STEPS = {1: 20000, 5: 20000, 10: 20000, 20: 10000, 50: 2000}
MISSING_SHARE = 0.10
# both filters compute the same ℓ in double precision; they differ by rounding only
FILTER_LL_RELATIVE = 1e-8
# both sides' sums of C's entries differ by the rounding of different summation orders only
PRODUCT_SUM_RELATIVE = 1e-10
# the fits must reach the same maximum of ℓ (issue: "within 1e-6 of ℓ")
FIT_LL_ABSOLUTE = 1e-6


def loaded_blas():
    """The libblas.so.3 this process loaded, by its path: OpenBLAS's or the reference BLAS."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line}
    found = sorted(p for p in paths if Path(p).name.startswith("libblas"))
    return ", ".join(found) or "none found"


def column(file_name, name):
    with open(DATASETS / file_name, newline="") as f:
        return np.array([float(row[name]) for row in csv.DictReader(f)])


def fits():
    """The statsmodels models of SideBySide.fits(), by the same names."""
    nile = column("nile.csv", "volume")
    ksi = np.log(column("uk_driver_deaths.csv", "drivers"))
    air = np.log(column("air_passengers.csv", "passengers"))
    uc = sm.tsa.UnobservedComponents
    sarimax = sm.tsa.SARIMAX
    return [
        ("nile_llevel", "Nile local level", lambda: uc(nile, "llevel", use_exact_diffuse=True)),
        ("ksi_bsm", "ln KSI BSM (dummy seasonal 12)",
         lambda: uc(ksi, "lltrend", seasonal=12, use_exact_diffuse=True)),
        ("air_airline", "ln AirPassengers airline (0,1,1)(0,1,1)12",
         lambda: sarimax(air, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12),
                         use_exact_diffuse=True)),
        ("ksi_llevel_seasonal", "ln KSI local level + dummy seasonal 12",
         lambda: uc(ksi, "llevel", seasonal=12, use_exact_diffuse=True)),
        ("air_bsm_trig", "ln AirPassengers BSM, trigonometric seasonal 12",
         lambda: uc(air, "lltrend", freq_seasonal=[{"period": 12}], use_exact_diffuse=True)),
        ("ksi_sarima_210_011", "ln KSI SARIMA (2,1,0)(0,1,1)12",
         lambda: sarimax(ksi, order=(2, 1, 0), seasonal_order=(0, 1, 1, 12),
                         use_exact_diffuse=True)),
    ]


def system(rng, nx, steps, missing):
    ny = max(1, nx // 2)
    F = rng.standard_normal((nx, nx))
    F *= 0.9 / np.linalg.norm(F)  # Frobenius norm 0.9: spectral radius below 0.9, stable
    s = dict(
        F=F,
        c=0.1 * rng.standard_normal((nx, 1)),
        H=rng.standard_normal((ny, nx)),
        d=0.1 * rng.standard_normal((ny, 1)),
        cholQ=np.tril(0.5 * rng.standard_normal((nx, nx))),
        cholR=np.tril(0.5 * rng.standard_normal((ny, ny))),
        m0=rng.standard_normal((nx, 1)),
        cholP0=np.tril(rng.standard_normal((nx, nx))),
    )
    # observations simulated from the system itself, so the filter sees realistic innovations
    x = s["m0"][:, 0] + s["cholP0"] @ rng.standard_normal(nx)
    Y = np.empty((steps, ny))
    for t in range(steps):
        Y[t] = s["H"] @ x + s["d"][:, 0] + s["cholR"] @ rng.standard_normal(ny)
        x = F @ x + s["c"][:, 0] + s["cholQ"] @ rng.standard_normal(nx)
    if missing:
        Y[rng.random(Y.shape) < MISSING_SHARE] = np.nan
    s["Y"] = Y
    return s


def filter_cases(sizes, steps):
    rng = np.random.default_rng(SEED)
    cases = []
    for nx in sizes:
        for missing in (False, True):
            name = f"nx{nx}{'_missing' if missing else ''}"
            cases.append((name, nx, steps[nx], missing, system(rng, nx, steps[nx], missing)))
    return cases


def write_inputs(folder, cases):
    with open(folder / "filter_cases.txt", "w") as index:
        for name, _, _, _, s in cases:
            (folder / name).mkdir()
            for key, value in s.items():
                np.savetxt(folder / name / f"{key}.csv", np.atleast_2d(value), delimiter=",",
                           fmt="%.17g")
            index.write(f"{name}\t{name}\n")


def run_gramian(folder, output, warmups, repeats, offline):
    args = f"{folder} {output} {warmups} {repeats}"
    command = ["mvn", "-B", "-q", "-Pjmh", "-pl", "estimation", "-am", "verify",
               "-Djmh.autodiff.skip=true", "-Djmh.kalman.skip=true", "-Dspotless.check.skip=true",
               "-Djmh.main=io.gramian.estimation.SideBySide", f"-Djmh.args={args}"]
    if offline:
        command.insert(1, "-o")
    print("running Gramian: " + " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    filters, fitted, products = {}, {}, {}
    for line in output.read_text().splitlines():
        f = line.split("\t")
        if f[0] == "filter":
            filters[f[1]] = dict(ll=float(f[2]), ll_s=float(f[3]), grad_s=float(f[4]))
        elif f[0] == "product":
            products[int(f[1])] = dict(total=float(f[2]), s=float(f[3]), per_run=int(f[4]))
        elif f[0] == "fit":
            fitted[f[1]] = dict(ll=float(f[2]), s=float(f[3]), evaluations=int(f[4]),
                                iterations=int(f[5]), converged=f[6] == "true",
                                estimates={k: float(v) for k, v in
                                           (p.split("=", 1) for p in f[7:])})
    return filters, fitted, products


def median_seconds(run, warmups, repeats):
    for _ in range(warmups):
        run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def statsmodels_model(s):
    Y = s["Y"]
    nx, ny = s["F"].shape[0], Y.shape[1]
    model = sm.tsa.statespace.MLEModel(Y, k_states=nx, k_posdef=nx)
    model["design"] = s["H"]
    model["obs_intercept"] = s["d"]
    model["obs_cov"] = s["cholR"] @ s["cholR"].T
    model["transition"] = s["F"]
    model["state_intercept"] = s["c"]
    model["selection"] = np.eye(nx)
    model["state_cov"] = s["cholQ"] @ s["cholQ"].T
    model.ssm.initialize_known(s["m0"][:, 0], s["cholP0"] @ s["cholP0"].T)
    return model


def table_head(say, title, header):
    """Prints a table's title, its column header and a rule under it."""
    say(title)
    say(header)
    say("-" * len(header))


def filter_rows(cases, gramian, warmups, repeats, say):
    table_head(say, "Filter: time per step in µs (median); ratio = Gramian / statsmodels (below 1: "
               "Gramian faster)",
               f"{'case':16s} {'T':>6s} {'statsmodels ℓ':>14s} {'Gramian ℓ':>11s} {'ratio':>6s} "
               f"{'Gramian ℓ+∇':>12s} {'∇/ℓ':>5s} {'ℓ agree (rel)':>14s}")
    worst = 0.0
    for name, nx, steps, missing, s in cases:
        model = statsmodels_model(s)
        ll_sm = model.ssm.loglike()
        t_sm = median_seconds(model.ssm.loglike, warmups, repeats)
        g = gramian[name]
        rel = abs(ll_sm - g["ll"]) / max(1.0, abs(ll_sm))
        worst = max(worst, rel)
        per = 1e6 / steps
        say(f"{name:16s} {steps:6d} {t_sm * per:14.3f} {g['ll_s'] * per:11.3f} "
            f"{g['ll_s'] / t_sm:6.2f} {g['grad_s'] * per:12.3f} {g['grad_s'] / g['ll_s']:5.2f} "
            f"{rel:14.1e}")
    say(f"ℓ of both sides agree to {worst:.1e} relative "
        f"({'OK' if worst <= FILTER_LL_RELATIVE else 'MISMATCH'}: limit {FILTER_LL_RELATIVE:g})")
    return worst <= FILTER_LL_RELATIVE


def product_matrices(n):
    """A_ij = sin(i n + j + 1), B_ij = cos(i n + j + 1): the matrices SideBySide.productCase
    multiplies."""
    k = np.arange(1, n * n + 1, dtype=float).reshape(n, n)
    return np.sin(k), np.cos(k)


def product_rows(gramian, warmups, repeats, say):
    table_head(say, "Products C = A B (n × n, dense): µs per product (median); ns per multiply-add "
               "(n³ of them); ratio = Gramian / BLAS",
               f"{'n':>3s} {'BLAS µs':>9s} {'ns/madd':>8s} {'Gramian µs':>11s} {'ns/madd':>8s} "
               f"{'ratio':>6s} {'1×1 call µs':>12s} {'sums agree (rel)':>17s}")
    worst = 0.0
    one = np.ones((1, 1))
    one_out = np.empty((1, 1))
    t_call = median_seconds(lambda: [np.matmul(one, one, out=one_out) for _ in range(1000)],
                            warmups, repeats) / 1000
    for n, g in sorted(gramian.items()):
        A, B = product_matrices(n)
        C = np.empty((n, n))
        per_run = g["per_run"]

        def run():
            for _ in range(per_run):
                np.matmul(A, B, out=C)

        t_blas = median_seconds(run, warmups, repeats) / per_run
        rel = abs(C.sum() - g["total"]) / max(1.0, abs(C.sum()))
        worst = max(worst, rel)
        say(f"{n:3d} {t_blas * 1e6:9.3f} {t_blas * 1e9 / n ** 3:8.4f} {g['s'] * 1e6:11.3f} "
            f"{g['s'] * 1e9 / n ** 3:8.4f} {g['s'] / t_blas:6.2f} {t_call * 1e6:12.3f} "
            f"{rel:17.1e}")
    say("BLAS: numpy.matmul on the BLAS named above (its time includes numpy's call, about the "
        "1×1 product's); Gramian: BlockProduct.denseMultInto, warm, in JVMs of its own.")
    return worst <= PRODUCT_SUM_RELATIVE


def fit_rows(gramian, warmups, repeats, say):
    table_head(say, "Fits: whole fit in ms (median); ratio = statsmodels / Gramian (above 1: Gramian "
               "faster)",
               f"{'model':48s} {'k':>2s} {'statsmodels':>11s} {'Gramian':>9s} {'ratio':>6s} "
               f"{'evals G':>7s} {'fcalls sm':>9s} {'ℓ Gramian':>14s} {'ℓ sm':>14s} "
               f"{'ℓsm(θ_G)-ℓG':>12s} same max")
    ok = True
    for key, label, build in fits():
        model = build()
        result = model.fit(disp=False)
        t_sm = median_seconds(lambda: model.fit(disp=False), warmups, repeats)
        g = gramian[key]
        at_gramian = np.array([g["estimates"][name] for name in model.param_names])
        same_likelihood = float(model.loglike(at_gramian)) - g["ll"]
        same = abs(same_likelihood) <= FIT_LL_ABSOLUTE and g["ll"] >= result.llf - FIT_LL_ABSOLUTE
        ok = ok and same
        say(f"{label:48s} {len(model.param_names):2d} {t_sm * 1e3:11.2f} {g['s'] * 1e3:9.2f} "
            f"{t_sm / g['s']:6.2f} {g['evaluations']:7d} {result.mle_retvals['fcalls']:9d} "
            f"{g['ll']:14.6f} {result.llf:14.6f} {same_likelihood:12.1e} "
            f"{'yes' if same else 'NO'}")
    say("evals G: Gramian's evaluations (each ℓ with its exact gradient); fcalls sm: L-BFGS-B's "
        "function evaluations (each ℓ alone; a forward-difference gradient costs k of them).")
    say(f"same max: statsmodels' ℓ at Gramian's estimates equals Gramian's ℓ within "
        f"{FIT_LL_ABSOLUTE:g}, and Gramian's ℓ is at least statsmodels' maximum less "
        f"{FIT_LL_ABSOLUTE:g}.")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--offline", action="store_true")
    parser.add_argument("--inputs", type=Path, default=None)
    parser.add_argument("--reference-blas", action="store_true")
    options = parser.parse_args()
    if options.reference_blas and os.environ.get("LD_LIBRARY_PATH") != str(REFERENCE_BLAS):
        if not (REFERENCE_BLAS / "libblas.so.3").exists():
            print(f"--reference-blas: no {REFERENCE_BLAS / 'libblas.so.3'} (Debian's libblas3)",
                  file=sys.stderr)
            return 2
        env = dict(os.environ, LD_LIBRARY_PATH=str(REFERENCE_BLAS))
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    steps = {nx: 500 for nx in SIZES} if options.quick else STEPS
    repeats, warmups = (1, 1) if options.quick else (options.repeats, options.warmups)
    warnings.simplefilter("ignore")

    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    cases = filter_cases(SIZES, steps)
    with tempfile.TemporaryDirectory(prefix="gramian-side-by-side-") as tmp:
        folder = Path(tmp)
        if options.inputs is not None:
            folder = options.inputs.resolve()
            folder.mkdir(parents=True, exist_ok=False)
        write_inputs(folder, cases)
        gramian_filters, gramian_fits, gramian_products = run_gramian(folder, Path(tmp) / "gramian.tsv", warmups,
                                                    repeats, options.offline)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    say("Gramian and statsmodels side by side")
    say(f"date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC; "
        f"commit {commit or '?'}")
    say(f"machine: {os.cpu_count()} cores ({cpu}), load average {os.getloadavg()[0]:.2f}")
    say(f"{java.splitlines()[0] if java else 'java ?'}; python {platform.python_version()}, "
        f"statsmodels {statsmodels.__version__}, numpy {np.__version__}, scipy {scipy.__version__}")
    say(f"statsmodels' BLAS: {loaded_blas()}")
    say(f"{warmups} warm-up runs, then the median of {repeats} timed runs, on each side; "
        f"seed {SEED}; missing share {MISSING_SHARE:.0%}")
    say()
    filters_ok = filter_rows(cases, gramian_filters, warmups, repeats, say)
    say()
    fits_ok = fit_rows(gramian_fits, warmups, repeats, say)
    say()
    products_ok = product_rows(gramian_products, warmups, repeats, say)
    if not options.quick:
        output = REFERENCE_BLAS_OUTPUT if options.reference_blas else OUTPUT
        output.write_text("\n".join(lines) + "\n")
    return 0 if filters_ok and fits_ok and products_ok else 1


if __name__ == "__main__":
    sys.exit(main())
