"""Reference values for the estimation options that peers offer: fixed parameters (a variance
held at zero among them), sparse ARIMA lags, the likelihood at non-invertible MA parameters, and
the approximate diffuse start.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    python3 estimation/src/test/resources/io/gramian/estimation/peers/statsmodels_peer_options.py \
        > estimation/src/test/resources/io/gramian/estimation/peers/statsmodels_peer_options.csv
Data: the repository's datasets/*.csv and, beside this script, wpi1.csv (Stata's wpi1, as
statsmodels' test suite stores it).

Each row gives the Gramian command-line options of the model (`options`), then either
  kind = loglik: statsmodels' loglike at the parameters given (Gramian's names and order), or
  kind = fit:    statsmodels' maximum likelihood estimates (fixed parameters included), its llf,
                 aic, bic, nobs_effective and df_model there, and max_abs_score, the largest
                 |d llf / d param| over the free parameters at the estimates (by central
                 differences on the natural scale, relative step 1e-6): how well statsmodels
                 converged.

Conventions (see docs/models.md):
- exact diffuse rows use use_exact_diffuse=True, Gramian's default;
- `--init approximate-diffuse --kappa K` rows use statsmodels' own default for 0.13.5,
  use_exact_diffuse=False with initial_variance=K: the diffuse states get variance K and the
  first d terms of the likelihood are dropped (loglikelihood_burn = d, the diffuse states);
- `mean` (the mean of the differenced series) is passed to statsmodels as the coefficient of a
  regressor x with (1 - L)^d x_t = 1 (see ../arima/sarimax_exact_diffuse.py);
- non-invertible MA rows use enforce_invertibility=False, as Stata evaluates them.
"""
import csv
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))


def column(name, col):
    return pd.read_csv("datasets/%s.csv" % name, na_values=["NA"])[col].values.astype(float)


def integrated_one(n, d):
    """x with (1 - L)^d x_t = 1 and x_t = 0 for the first d values."""
    poly = np.array([1.0])
    for _ in range(d):
        poly = np.convolve(poly, [1.0, -1.0])
    x = np.zeros(n)
    for t in range(d, n):
        x[t] = 1.0 - np.dot(poly[1:], x[t - d:t][::-1])
    return x


nile = column("nile", "volume")
ksi = np.log(column("uk_driver_deaths", "drivers"))
air = np.log(column("air_passengers", "passengers"))
presidents = column("presidents", "approval")
wpi = np.log(pd.read_csv(os.path.join(HERE, "wpi1.csv"))["wpi"].values.astype(float))

rows = []


def add(case, data, col, transform, options, kind, names, values, res, model=None, free=None):
    rec = dict(case=case, data=data, column=col, transform=transform, options=options, kind=kind,
               names=";".join(names), params=";".join(repr(float(v)) for v in values),
               loglik="%.10f" % res.llf, aic="", bic="", nobs_effective="", df_model="",
               max_abs_score="")
    if kind == "fit":
        rec.update(aic="%.10f" % res.aic, bic="%.10f" % res.bic,
                   nobs_effective=str(res.nobs_effective), df_model=str(res.df_model))
        rec["max_abs_score"] = "%.2e" % max_abs_score(model, res.params, free)
    rows.append(rec)


def max_abs_score(model, params, free):
    params = np.asarray(params, dtype=float)
    worst = 0.0
    for i in free:
        h = 1e-6 * max(abs(params[i]), 1e-3)
        up, down = params.copy(), params.copy()
        up[i] += h
        down[i] -= h
        g = (model.loglike(up) - model.loglike(down)) / (2 * h)
        worst = max(worst, abs(g))
    return worst


def fit(model, fixed=None, start=None):
    """BFGS, then BFGS again from its result (statsmodels' default tolerances stop early)."""
    kwargs = dict(method="bfgs", maxiter=5000, disp=0, gtol=1e-10)
    with model.fix_params(fixed or {}):
        res = model.fit(start_params=start, **kwargs)
        free = [i for i, n in enumerate(model.param_names) if n not in (fixed or {})]
        return model.fit(start_params=res.params[free], **kwargs)


def free_indices(model, fixed):
    return [i for i, n in enumerate(model.param_names) if n not in (fixed or {})]


# 1. Fixed parameters (exact diffuse, as Gramian's default).
m = sm.tsa.UnobservedComponents(nile, "llevel", use_exact_diffuse=True)
fx = {"sigma2.level": 0.0}
res = fit(m, fx)
add("nile_level_fix_level_zero", "nile", "volume", "none",
    "--model local-level --fix sigma2.level=0", "fit", m.param_names, res.params, res, m,
    free_indices(m, fx))

fx = {"sigma2.irregular": 15099.0}
res = fit(m, fx)
add("nile_level_fix_irregular", "nile", "volume", "none",
    "--model local-level --fix sigma2.irregular=15099", "fit", m.param_names, res.params, res,
    m, free_indices(m, fx))

m = sm.tsa.UnobservedComponents(ksi, "lltrend", use_exact_diffuse=True)
fx = {"sigma2.level": 0.0}
res = fit(m, fx, start=[0.005, 0.0001])
add("ksi_trend_fix_level_zero", "uk_driver_deaths", "drivers", "log",
    "--model local-linear-trend --fix sigma2.level=0", "fit", m.param_names, res.params, res, m,
    free_indices(m, fx))

m = sm.tsa.SARIMAX(presidents, order=(1, 1, 1), use_exact_diffuse=True)
fx = {"ar.L1": 0.3}
res = fit(m, fx)
add("presidents_arima111_fix_ar", "presidents", "approval", "none",
    "--model arima --order 1,1,1 --fix ar.L1=0.3", "fit", m.param_names, res.params, res, m,
    free_indices(m, fx))

# 2. Sparse lags: Stata's ARIMA(1,1,(1,4)) on ln wpi1 with a constant (Stata arima manual,
# example 2; statsmodels' TestAdditiveSeasonal). Stata: ar 0.7806991, ma 1 -0.3990039,
# ma 4 0.3090813, _cons 0.0110493, sigma 0.0104394, ll 386.03357 (simple differencing).
stata = {"ar.L1": 0.7806991, "ma.L1": -0.3990039, "ma.L4": 0.3090813,
         "sigma2": 0.0104394 ** 2, "mean": 0.0110493}
names = ["ar.L1", "ma.L1", "ma.L4", "sigma2", "mean"]
x = integrated_one(len(wpi), 1)
for simple in (True, False):
    m = sm.tsa.SARIMAX(wpi, exog=x, order=(1, 1, (1, 0, 0, 1)), simple_differencing=simple,
                       use_exact_diffuse=not simple)
    p = [stata["mean"], stata["ar.L1"], stata["ma.L1"], stata["ma.L4"], stata["sigma2"]]
    add("wpi_stata_" + ("simple_differencing" if simple else "exact_diffuse"), "wpi1", "wpi",
        "log", "--model arima --order 1,1,0 --ma-lags 1,4 --mean", "loglik", names,
        [stata[n] for n in names], m.filter(p))

# 3. Non-invertible MA (enforce_invertibility=False, as Stata evaluates them).
m = sm.tsa.SARIMAX(nile, order=(0, 1, 1), use_exact_diffuse=True, enforce_invertibility=False)
add("nile_arima011_ma_1_5", "nile", "volume", "none", "--model arima --order 0,1,1", "loglik",
    ["ma.L1", "sigma2"], [1.5, 20000.0], m.filter([1.5, 20000.0]))

m = sm.tsa.SARIMAX(presidents, exog=np.ones(len(presidents)), order=(1, 0, 2),
                   enforce_invertibility=False)
p = {"ar.L1": 0.8, "ma.L1": 1.2, "ma.L2": 1.5, "sigma2": 100.0, "mean": 55.0}
names = ["ar.L1", "ma.L1", "ma.L2", "sigma2", "mean"]
add("presidents_arma12_noninvertible", "presidents", "approval", "none",
    "--model arima --order 1,0,2 --mean", "loglik", names, [p[n] for n in names],
    m.filter([p["mean"], p["ar.L1"], p["ma.L1"], p["ma.L2"], p["sigma2"]]))

m = sm.tsa.SARIMAX(wpi, exog=x, order=(1, 1, (1, 0, 0, 1)), use_exact_diffuse=True,
                   enforce_invertibility=False)
p = {"ar.L1": 0.78, "ma.L1": -0.4, "ma.L4": 1.3, "sigma2": 1e-4, "mean": 0.011}
names = ["ar.L1", "ma.L1", "ma.L4", "sigma2", "mean"]
add("wpi_sparse_noninvertible", "wpi1", "wpi", "log",
    "--model arima --order 1,1,0 --ma-lags 1,4 --mean", "loglik", names, [p[n] for n in names],
    m.filter([p["mean"], p["ar.L1"], p["ma.L1"], p["ma.L4"], p["sigma2"]]))

# 4. Approximate diffuse start: statsmodels' use_exact_diffuse=False, initial_variance=kappa.
for kappa in (1e6, 1e4):
    tag = "%g" % kappa
    m = sm.tsa.UnobservedComponents(nile, "llevel", initial_variance=kappa)
    assert m.loglikelihood_burn == 1
    add("nile_level_approximate_%s" % tag, "nile", "volume", "none",
        "--model local-level --init approximate-diffuse --kappa %g" % kappa, "loglik",
        m.param_names, [15099.0, 1469.1], m.filter([15099.0, 1469.1]))
    m = sm.tsa.SARIMAX(air, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12), initial_variance=kappa)
    assert m.loglikelihood_burn == 13
    add("air_airline_approximate_%s" % tag, "air_passengers", "passengers", "log",
        "--model arima --order 0,1,1 --seasonal-order 0,1,1,12 --init approximate-diffuse"
        " --kappa %g" % kappa, "loglik", m.param_names, [-0.4, -0.55, 0.00135],
        m.filter([-0.4, -0.55, 0.00135]))

m = sm.tsa.UnobservedComponents(ksi, "lltrend", seasonal=12, initial_variance=1e6)
assert m.loglikelihood_burn == 13
p = [0.0035, 0.0004, 1e-6, 0.0002]
add("ksi_bsm_approximate_1e6", "uk_driver_deaths", "drivers", "log",
    "--model bsm --seasonal 12 --init approximate-diffuse", "loglik", m.param_names, p,
    m.filter(p))

m = sm.tsa.UnobservedComponents(nile, "llevel", initial_variance=1e6)
res = fit(m)
add("nile_level_approximate_fit", "nile", "volume", "none",
    "--model local-level --init approximate-diffuse", "fit", m.param_names, res.params, res, m,
    free_indices(m, None))

print("# statsmodels %s; generated by statsmodels_peer_options.py" % statsmodels.__version__)
keys = ["case", "data", "column", "transform", "options", "kind", "names", "params", "loglik",
        "aic", "bic", "nobs_effective", "df_model", "max_abs_score"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(keys)
for rec in rows:
    out.writerow([rec[k] for k in keys])
