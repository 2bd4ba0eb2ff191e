"""Reference forecasts with regressors over the horizon and on the original scale: statsmodels'
get_forecast(h, exog=...) at given parameters, and the log-normal back-transformation of its
moments computed here with numpy.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    python3 estimation/src/test/resources/io/gramian/estimation/results/statsmodels_future_forecasts.py \
        > estimation/src/test/resources/io/gramian/estimation/results/statsmodels_future_forecasts.csv
Data: the repository's datasets/seatbelts.csv (UK drivers killed or seriously injured, 1969-01 to
1984-12, with the petrol price and the seat-belt law dummy). The models are fitted to the first
180 months (to 1983-12) of the logarithm (or base-10 logarithm) of `drivers`, with regressors
PetrolPrice and law; the forecast covers the last 12 months (1984), whose regressors are given.

One row per case and horizon: the case, the step h = 1..12, the forecast mean (predicted_mean),
its standard error (se_mean, noise included), the bounds of conf_int(alpha=0.2) and
conf_int(alpha=0.05), then on the original scale (b = e or 10, the transform's base): the median
b**mean, the mean exp(mean ln b + se**2 (ln b)**2 / 2), and b**bound for the four bounds.
Every model uses the exact diffuse start (use_exact_diffuse=True), Gramian's default.
"""
import csv
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

warnings.simplefilter("ignore")
ROOT = os.getcwd()
FITTED = 180
HORIZON = 12

frame = pd.read_csv(os.path.join(ROOT, "datasets", "seatbelts.csv"))
drivers = frame["drivers"].to_numpy(dtype=float)
regressors = frame[["PetrolPrice", "law"]].to_numpy(dtype=float)
x, future = regressors[:FITTED], regressors[FITTED:FITTED + HORIZON]
log_e = np.log(drivers[:FITTED])
log_10 = np.log10(drivers[:FITTED])
LN10_SQ = math.log(10.0) ** 2


def cases():
    # Local level with a stochastic dummy seasonal; the coefficients as exactly diffuse states.
    yield ("uc_diffuse", math.e,
           sm.tsa.UnobservedComponents(log_e, "llevel", seasonal=12, exog=x,
                                       mle_regression=False, use_exact_diffuse=True),
           [0.0043, 0.0002, 1e-6])
    # The same with the coefficients as parameters (mle_regression=True).
    yield ("uc_mle", math.e,
           sm.tsa.UnobservedComponents(log_e, "llevel", seasonal=12, exog=x,
                                       mle_regression=True, use_exact_diffuse=True),
           [0.0043, 0.0002, 1e-6, -2.7, -0.24])
    # SARIMAX(1,0,0)(0,1,1,12) with the regressors (coefficients are parameters, listed first).
    yield ("sarimax", math.e,
           sm.tsa.SARIMAX(log_e, exog=x, order=(1, 0, 0), seasonal_order=(0, 1, 1, 12),
                          use_exact_diffuse=True),
           [-3.67, -0.225, 0.437, -0.78, 0.0064])
    # The first model on the base-10 logarithm, its variances scaled by 1/(ln 10)^2.
    yield ("uc_diffuse_log10", 10.0,
           sm.tsa.UnobservedComponents(log_10, "llevel", seasonal=12, exog=x,
                                       mle_regression=False, use_exact_diffuse=True),
           [0.0043 / LN10_SQ, 0.0002 / LN10_SQ, 1e-6 / LN10_SQ])


out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["case", "step", "mean", "se", "lower80", "upper80", "lower95", "upper95",
              "median", "original_mean", "original_lower80", "original_upper80",
              "original_lower95", "original_upper95"])
for name, base, model, params in cases():
    res = model.smooth(params)
    f = res.get_forecast(HORIZON, exog=future)
    mean = np.asarray(f.predicted_mean)
    se = np.asarray(f.se_mean)
    ci80 = np.asarray(f.conf_int(alpha=0.2))
    ci95 = np.asarray(f.conf_int(alpha=0.05))
    ln_b = math.log(base)
    for h in range(HORIZON):
        bounds = (ci80[h, 0], ci80[h, 1], ci95[h, 0], ci95[h, 1])
        original = [base ** mean[h], math.exp(mean[h] * ln_b + se[h] ** 2 * ln_b ** 2 / 2)]
        original += [base ** b for b in bounds]
        out.writerow([name, h + 1] + [repr(float(v)) for v in
                     (mean[h], se[h]) + bounds + tuple(original)])
