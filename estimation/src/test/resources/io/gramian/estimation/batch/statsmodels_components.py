"""Reference values for the structural models the command line names (ModelSpec: every trend
specification, several seasonals, harmonics, cycles, AR components, time-varying regression
coefficients), from statsmodels 0.13.5 (Debian's python3-statsmodels, run with /usr/bin/python3):

    /usr/bin/python3 statsmodels_components.py DATASETS_DIR > statsmodels_components.csv

DATASETS_DIR holds the bundled nile.csv, seatbelts.csv and us_macro_quarterly.csv. The script also
writes daily_two_seasons.csv beside itself: a seeded synthetic daily series (two years) with a
weekly and a yearly season, for the models with several seasonal periods.

Output: one CSV table, columns case, spelling, data, quantity, name, value:
- spelling: the model as the command line writes it (--model ... and its component options;
  repeated options rather than comma lists, so that the field holds no comma);
- data: nile (volume), lnksi (log of seatbelts' drivers), unemp (us_macro_quarterly's unemp),
  daily (daily_two_seasons.csv's value), infl_unemp (infl with the regressor unemp);
- quantity 'param', 'llf' and 'score': parameters, the exact diffuse log-likelihood
  (use_exact_diffuse=True) at them, and its gradient with respect to the parameters on their
  natural scale (Richardson-extrapolated centred finite differences of statsmodels' llf: see
  SCORE_STEP);
- quantity 'fit_param', 'fit_llf': a maximum likelihood fit (lbfgs then bfgs polish);
- for infl_unemp, 'future_unemp', 'forecast_mean', 'forecast_sd' (name: the step h): the
  forecast at the fitted parameters given unemployment over four future quarters.
statsmodels' steady-state shortcut is switched off (ssm.tolerance = 0) so every value is the
exact filter's. A damped stochastic cycle, which statsmodels initialises diffuse, is
re-initialised stationary as Gramian initialises it.

statsmodels has no time-varying regression coefficient; the infl_unemp case writes Gramian's
model y_t = mu_t + x_t beta_t + eps_t, mu and beta random walks, as a custom MLEModel with a
time-varying design row [1, x_t] and statsmodels' exact diffuse initialisation.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.initialization import Initialization
from statsmodels.tsa.statespace.mlemodel import MLEModel
from statsmodels.tsa.statespace.structural import UnobservedComponents

warnings.simplefilter("ignore")
root = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))

nile = pd.read_csv(f"{root}/nile.csv")["volume"].to_numpy(float)
lnksi = np.log(pd.read_csv(f"{root}/seatbelts.csv")["drivers"].to_numpy(float))
macro = pd.read_csv(f"{root}/us_macro_quarterly.csv")
unemp = macro["unemp"].to_numpy(float)
infl = macro["infl"].to_numpy(float)

# A daily series with a weekly and a yearly season, a local level and noise (seed fixed).
rng = np.random.default_rng(20261204)
n = 730
t = np.arange(n)
weekly = np.array([0.0, 1.2, 0.8, 0.5, 0.3, -1.3, -1.5])
daily = (10 + np.cumsum(rng.normal(0, 0.05, n)) + weekly[t % 7]
         + 2.0 * np.sin(2 * np.pi * t / 365) + 0.7 * np.cos(4 * np.pi * t / 365)
         + rng.normal(0, 0.4, n))
dates = pd.date_range("2024-01-01", periods=n, freq="D")
pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "value": np.round(daily, 6)}).to_csv(
    f"{here}/daily_two_seasons.csv", index=False)
daily = pd.read_csv(f"{here}/daily_two_seasons.csv")["value"].to_numpy(float)

DATA = {"nile": nile, "lnksi": lnksi, "unemp": unemp, "daily": daily}

# Relative step of the centred finite differences for the score. A centred difference D(h) has
# truncation error c h^2; the Richardson combination (4 D(h/2) - D(h)) / 3 removes it, leaving
# O(h^4) ~ 1e-20 relative and the rounding error ~ eps |llf| / h ~ 2e-11 |llf| / |theta|.
SCORE_STEP = 1e-5

rows = []


def out(case, spelling, data, quantity, name, value):
    rows.append((case, spelling, data, quantity, name, repr(float(value))))


def score(mod, params):
    params = np.asarray(params, float)

    def centred(i, h):
        up, down = params.copy(), params.copy()
        up[i] += h
        down[i] -= h
        return (mod.loglike(up) - mod.loglike(down)) / (2 * h)

    g = np.empty_like(params)
    for i in range(len(params)):
        h = SCORE_STEP * abs(params[i])  # every parameter here is non-zero
        g[i] = (4 * centred(i, h / 2) - centred(i, h)) / 3
    return g


def evaluate(case, spelling, data, mod, params):
    for n_, v in zip(mod.param_names, params):
        out(case, spelling, data, "param", n_, v)
    out(case, spelling, data, "llf", "loglikelihood", mod.loglike(np.asarray(params, float)))
    for n_, g in zip(mod.param_names, score(mod, params)):
        out(case, spelling, data, "score", n_, g)


def fit(case, spelling, data, mod, start=None):
    res = mod.fit(start, disp=False, maxiter=2000, method="lbfgs")
    res = mod.fit(res.params, disp=False, maxiter=2000, method="bfgs", gtol=1e-10)
    for n_, v in zip(mod.param_names, res.params):
        out(case, spelling, data, "fit_param", n_, v)
    out(case, spelling, data, "fit_llf", "loglikelihood", res.llf)


def uc(data, **kwargs):
    mod = UnobservedComponents(DATA[data], use_exact_diffuse=True, **kwargs)
    mod.ssm.tolerance = 0
    return mod


def stationary_cycle(mod, level_states):
    """Level/trend diffuse, the damped stochastic cycle stationary (Gramian's start)."""
    init = Initialization(mod.k_states)
    init.set((0, level_states), "diffuse")
    init.set((level_states, level_states + 2), "stationary")
    mod.ssm.initialization = init
    return mod


# Every trend specification on the Nile (a fixed intercept or slope needs a stochastic part:
# an AR(1) component).
TRENDS = [
    ("irregular", "irregular", {}, [15000.0]),
    ("fixed-intercept", "fixed intercept", {"autoregressive": 1}, [15000.0, 0.5]),
    ("deterministic-constant", "deterministic constant", {}, [20000.0]),
    ("local-level", "local level", {}, [15000.0, 1500.0]),
    ("random-walk", "random walk", {}, [20000.0]),
    ("fixed-slope", "fixed slope", {"autoregressive": 1}, [15000.0, 0.6]),
    ("deterministic-trend", "deterministic trend", {}, [20000.0]),
    ("random-walk-with-drift", "random walk with drift", {}, [20000.0]),
    ("local-linear-deterministic-trend", "local linear deterministic trend", {},
     [15000.0, 1500.0]),
    ("local-linear-trend", "local linear trend", {}, [15000.0, 1500.0, 10.0]),
    ("smooth-trend", "smooth trend", {}, [15000.0, 50.0]),
    ("random-trend", "random trend", {}, [3000.0]),
]
for name, spec, kwargs, params in TRENDS:
    spelling = f"--model {name}" + (" --autoregressive 1" if kwargs else "")
    evaluate(f"nile_{name}", spelling, "nile", uc("nile", level=spec, **kwargs), params)
fit("nile_local-linear-deterministic-trend", "--model local-linear-deterministic-trend", "nile",
    uc("nile", level="local linear deterministic trend"))

# Seasonals: a trigonometric one with fewer harmonics; a full trigonometric bsm.
evaluate("lnksi_llevel_trig12h3",
         "--model local-level --seasonal 12 --seasonal-type trig --harmonics 3", "lnksi",
         uc("lnksi", level="local level", freq_seasonal=[{"period": 12, "harmonics": 3}]),
         [0.004, 0.0005, 2e-5])
evaluate("lnksi_bsm_trig12", "--model bsm --seasonal 12 --seasonal-type trig", "lnksi",
         uc("lnksi", level="local linear trend", freq_seasonal=[{"period": 12}]),
         [0.003, 0.0004, 1e-6, 3e-5])

# Several seasonal periods on daily data: weekly dummy + yearly trigonometric, and both
# trigonometric. Here statsmodels' exact diffuse filter goes wrong (by 10.8 and 0.12 in llf at
# the parameters below: the slow yearly harmonics are nearly collinear with the level over the
# first observations, and its diffuse phase ends early), so the reference is the limit of its
# own approximate diffuse filter instead: llf_k + (d/2) log k, all d states diffuse, which tends
# to the exact diffuse llf as O(1/k) (Durbin & Koopman 2012 sec. 5.1-5.2), Richardson-
# extrapolated from k = 1e6 and 1e7. No score is written for these cases (finite differences of
# the extrapolated value are too noisy for the test's tolerance); the fit maximises llf_k at
# k = 1e8 and reports the extrapolated limit at its maximiser.
def kappa_limit(data, kwargs, params):
    def at(k):
        mod = UnobservedComponents(DATA[data], use_exact_diffuse=False, **kwargs)
        mod.ssm.tolerance = 0
        mod.ssm.initialize_approximate_diffuse(k)
        mod.loglikelihood_burn = 0
        return mod, mod.loglike(np.asarray(params, float)) + 0.5 * mod.k_states * np.log(k)
    mod, v6 = at(1e6)
    _, v7 = at(1e7)
    return mod, (10 * v7 - v6) / 9


def evaluate_limit(case, spelling, data, kwargs, params):
    mod, llf = kappa_limit(data, kwargs, params)
    for n_, v in zip(mod.param_names, params):
        out(case, spelling, data, "param", n_, v)
    out(case, spelling, data, "llf", "loglikelihood", llf)


def fit_limit(case, spelling, data, kwargs):
    mod = UnobservedComponents(DATA[data], use_exact_diffuse=False, **kwargs)
    mod.ssm.tolerance = 0
    mod.ssm.initialize_approximate_diffuse(1e8)
    mod.loglikelihood_burn = 0
    res = mod.fit(disp=False, maxiter=2000, method="lbfgs")
    res = mod.fit(res.params, disp=False, maxiter=2000, method="bfgs", gtol=1e-10)
    for n_, v in zip(mod.param_names, res.params):
        out(case, spelling, data, "fit_param", n_, v)
    out(case, spelling, data, "fit_llf", "loglikelihood", kappa_limit(data, kwargs, res.params)[1])


two = "--model local-level --seasonal 7 --seasonal 365"
spelling = f"{two} --seasonal-type dummy --seasonal-type trig --harmonics 2"
kwargs = {"level": "local level", "seasonal": 7,
          "freq_seasonal": [{"period": 365, "harmonics": 2}]}
evaluate_limit("daily_dummy7_trig365h2", spelling, "daily", kwargs, [0.15, 0.003, 1e-4, 1e-6])
fit_limit("daily_dummy7_trig365h2", spelling, "daily", kwargs)
kwargs = {"level": "local level",
          "freq_seasonal": [{"period": 7, "harmonics": 3}, {"period": 365, "harmonics": 2}]}
evaluate_limit("daily_trig7h3_trig365h2",
               f"{two} --seasonal-type trig --harmonics 3 --harmonics 2", "daily", kwargs,
               [0.15, 0.003, 1e-4, 1e-6])

# Cycles: stochastic undamped (diffuse in both), stochastic damped (stationary in Gramian).
mod = uc("unemp", level="local level", cycle=True, stochastic_cycle=True)
evaluate("unemp_llevel_cycle", "--model local-level --cycle", "unemp", mod,
         [0.05, 0.02, 0.01, 0.3])
fit("unemp_llevel_cycle", "--model local-level --cycle", "unemp", mod)
mod = stationary_cycle(uc("unemp", level="local level", cycle=True, stochastic_cycle=True,
                          damped_cycle=True), 1)
evaluate("unemp_llevel_damped_cycle", "--model local-level --cycle --damped-cycle", "unemp",
         mod, [0.01, 0.05, 0.1, 0.25, 0.95])

# Autoregressive components.
mod = uc("unemp", level="fixed intercept", autoregressive=2)
evaluate("unemp_fixed-intercept_ar2", "--model fixed-intercept --autoregressive 2", "unemp",
         mod, [0.1, 1.6, -0.7])
fit("unemp_fixed-intercept_ar2", "--model fixed-intercept --autoregressive 2", "unemp", mod)
evaluate("unemp_rwdrift_ar1", "--model rwdrift --autoregressive 1", "unemp",
         uc("unemp", level="random walk with drift", autoregressive=1), [0.02, 0.1, 0.6])


class VaryingRegression(MLEModel):
    """y_t = mu_t + x_t beta_t + eps_t; mu, beta random walks; exact diffuse start."""

    def __init__(self, endog, x):
        super().__init__(endog, k_states=2, k_posdef=2)
        design = np.zeros((1, 2, len(endog)))
        design[0, 0, :] = 1.0
        design[0, 1, :] = x
        self["design"] = design
        self["transition"] = np.eye(2)
        self["selection"] = np.eye(2)
        self.ssm.initialize_diffuse()
        self.ssm.tolerance = 0

    @property
    def param_names(self):
        return ["sigma2.irregular", "sigma2.level", "sigma2.beta.unemp"]

    @property
    def start_params(self):
        return np.array([1.0, 0.1, 0.01])

    def transform_params(self, unconstrained):
        return unconstrained ** 2

    def untransform_params(self, constrained):
        return constrained ** 0.5

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["obs_cov", 0, 0] = params[0]
        self["state_cov"] = np.diag(params[1:3])


DATA["infl_unemp"] = infl
mod = VaryingRegression(infl, unemp)
spelling = "--model local-level --exog-varying unemp"
evaluate("infl_llevel_varying_unemp", spelling, "infl_unemp", mod, [3.0, 0.3, 0.02])
fit("infl_llevel_varying_unemp", spelling, "infl_unemp", mod)

# Its forecast over four quarters with unemployment given (--future), at statsmodels' fitted
# parameters: the one-step predictions of the filter run over the data followed by four missing
# observations whose design rows carry the future unemployment.
FUTURE_UNEMP = [10.0, 9.8, 9.6, 9.5]
fitted = [float(r[5]) for r in rows if r[0] == "infl_llevel_varying_unemp" and r[3] == "fit_param"]
extended = VaryingRegression(np.r_[infl, [np.nan] * len(FUTURE_UNEMP)],
                             np.r_[unemp, FUTURE_UNEMP])
res = extended.filter(np.array(fitted))
for h, x in enumerate(FUTURE_UNEMP, start=1):
    out("infl_llevel_varying_unemp", spelling, "infl_unemp", "future_unemp", str(h), x)
    out("infl_llevel_varying_unemp", spelling, "infl_unemp", "forecast_mean", str(h),
        res.forecasts[0, len(infl) + h - 1])
    out("infl_llevel_varying_unemp", spelling, "infl_unemp", "forecast_sd", str(h),
        np.sqrt(res.forecasts_error_cov[0, 0, len(infl) + h - 1]))

print("case,spelling,data,quantity,name,value")
for r in rows:
    assert not any("," in field for field in r), r
    print(",".join(r))
