"""Reference values for Gramian's UnobservedComponents tests, from statsmodels' own
UnobservedComponents (run with Debian's python3-statsmodels 0.13.5, /usr/bin/python3).

Reads the project's shared reference data (argument 1: the directory holding nile.csv,
seatbelts.csv, us_macro_quarterly.csv, air_passengers.csv) and prints one CSV table on standard output:
case, quantity, name, value (repr of doubles).

- quantity 'start': UnobservedComponents.start_params (series given as numpy arrays, so no
  calendar frequency is known to statsmodels).
- quantity 'param' and 'llf': parameters and exact diffuse log-likelihood (use_exact_diffuse=True)
  at those parameters, model.loglike(params).
- quantity 'fit_param' and 'fit_llf': a maximum likelihood fit (lbfgs then bfgs polish).
Cases whose model statsmodels initialises differently from Gramian are re-initialised to
Gramian's convention before evaluation (said in the case's comment below).
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.initialization import Initialization
from statsmodels.tsa.statespace.structural import UnobservedComponents

warnings.simplefilter("ignore")
root = sys.argv[1]
seatbelts = pd.read_csv(f"{root}/seatbelts.csv")
macro = pd.read_csv(f"{root}/us_macro_quarterly.csv")
nile = pd.read_csv(f"{root}/nile.csv")["volume"].to_numpy(float)
ksi = np.log(seatbelts["drivers"].to_numpy(float))
petrol = np.log(seatbelts["PetrolPrice"].to_numpy(float))
law = seatbelts["law"].to_numpy(float)
unemp = macro["unemp"].to_numpy(float)
air = np.log(pd.read_csv(f"{root}/air_passengers.csv")["passengers"].to_numpy(float))
rows = []


def out(case, quantity, name, value):
    rows.append((case, quantity, name, repr(float(value))))


def evaluate(case, mod, params):
    for n, v in zip(mod.param_names, params):
        out(case, "param", n, v)
    out(case, "llf", "loglikelihood", mod.loglike(np.asarray(params, float)))


def fit(case, mod):
    res = mod.fit(disp=False, maxiter=2000, method="lbfgs")
    res = mod.fit(res.params, disp=False, maxiter=2000, method="bfgs", gtol=1e-10)
    for n, v in zip(mod.param_names, res.params):
        out(case, "fit_param", n, v)
    out(case, "fit_llf", "loglikelihood", res.llf)


def start(case, mod):
    for n, v in zip(mod.param_names, mod.start_params):
        out(case, "start", n, v)


# Start values of the trend specifications and components (no exact diffuse needed).
for spec in ["llevel", "rwalk", "dtrend", "lldtrend", "rwdrift", "lltrend", "strend", "rtrend"]:
    start(f"start_nile_{spec}", UnobservedComponents(nile, spec))
start("start_ksi_bsm", UnobservedComponents(ksi, "lltrend", seasonal=12))
start("start_ksi_llevel_trig12",
      UnobservedComponents(ksi, "llevel", freq_seasonal=[{"period": 12}]))
start("start_unemp_rtrend_ar2", UnobservedComponents(unemp, "rtrend", autoregressive=2))
start("start_unemp_llevel_cycle", UnobservedComponents(
    unemp, "llevel", cycle=True, stochastic_cycle=True, damped_cycle=True))
start("start_ksi_llevel_mle_exog", UnobservedComponents(
    ksi, "llevel", exog=np.column_stack([petrol, law]), mle_regression=True))

# Regression coefficients by maximum likelihood (beta.petrol, beta.law as parameters).
mod = UnobservedComponents(ksi, "llevel", exog=pd.DataFrame({"petrol": petrol, "law": law}),
                           mle_regression=True, use_exact_diffuse=True)
evaluate("ksi_llevel_mle_exog", mod, [0.0025, 0.011, -0.3, -0.2])
fit("ksi_llevel_mle_exog", mod)

# Two trigonometric seasonals, one deterministic.
mod = UnobservedComponents(ksi, "llevel", freq_seasonal=[{"period": 12, "harmonics": 2},
                                                          {"period": 4}],
                           stochastic_freq_seasonal=[True, False], use_exact_diffuse=True)
evaluate("ksi_llevel_trig12h2_trig4det", mod, [0.004, 0.0005, 2e-5])

# An undamped stochastic cycle: exactly diffuse in statsmodels and in Gramian.
mod = UnobservedComponents(unemp, "llevel", cycle=True, stochastic_cycle=True,
                           use_exact_diffuse=True)
evaluate("unemp_llevel_cycle", mod, [0.05, 0.02, 0.01, 0.3])

# A deterministic damped cycle: diffuse in both.
mod = UnobservedComponents(unemp, "lltrend", cycle=True, damped_cycle=True,
                           use_exact_diffuse=True)
evaluate("unemp_lltrend_det_damped_cycle", mod, [0.05, 0.02, 0.001, 0.4, 0.9])

# A damped stochastic cycle: statsmodels makes it diffuse, Gramian stationary; re-initialised
# here as Gramian does (level diffuse, cycle stationary).
mod = UnobservedComponents(unemp, "llevel", cycle=True, stochastic_cycle=True,
                           damped_cycle=True, use_exact_diffuse=True)
init = Initialization(mod.k_states)
init.set((0, 1), "diffuse")
init.set((1, 3), "stationary")
mod.ssm.initialization = init
evaluate("unemp_llevel_damped_cycle", mod, [0.01, 0.05, 0.1, 0.25, 0.95])
fit("unemp_llevel_damped_cycle", mod)

# AR(2) with a smooth trend.
mod = UnobservedComponents(unemp, "strend", autoregressive=2, use_exact_diffuse=True)
evaluate("unemp_strend_ar2", mod, [0.001, 0.003, 0.08, 1.5, -0.6])
fit("unemp_strend_ar2", mod)

# A deterministic trend with a dummy seasonal whose variance goes to zero at the maximum: near
# it the state's factor has pivots many orders below its largest.
mod = UnobservedComponents(air, "dtrend", seasonal=12, use_exact_diffuse=True)
fit("air_dtrend_seasonal12", mod)

print("case,quantity,name,value")
for r in rows:
    print(",".join(r))
