"""Reference forecasts: statsmodels' get_forecast at given parameters, with the intervals of
conf_int at several levels.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    python3 estimation/src/test/resources/io/gramian/estimation/results/statsmodels_forecasts.py \
        > estimation/src/test/resources/io/gramian/estimation/results/statsmodels_forecasts.csv
Data: the repository's datasets/*.csv.

One row per case and horizon: the case, the step h = 1..H, the forecast mean
(predicted_mean), its standard error (se_mean, noise included), and lower and upper bounds of
the 80% and 95% intervals (conf_int(alpha=0.2) and conf_int(alpha=0.05)). Every model uses the
exact diffuse initialisation (use_exact_diffuse=True), Gramian's default; the parameters are
those named in the case (statsmodels' names and Gramian's), so no optimiser is involved.
"""
import csv
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

warnings.simplefilter("ignore")
ROOT = os.getcwd()


def series(name, column):
    return pd.read_csv(os.path.join(ROOT, "datasets", name))[column].to_numpy(dtype=float)


def cases():
    nile = series("nile.csv", "volume")
    yield ("nile_local_level", 10,
           sm.tsa.UnobservedComponents(nile, "llevel", use_exact_diffuse=True),
           [15099.0, 1469.1])
    yield ("nile_local_linear_trend", 8,
           sm.tsa.UnobservedComponents(nile, "lltrend", use_exact_diffuse=True),
           [14000.0, 1200.0, 5.0])
    air = np.log(series("air_passengers.csv", "passengers"))
    yield ("air_airline", 24,
           sm.tsa.SARIMAX(air, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12),
                          use_exact_diffuse=True),
           [-0.4, -0.55, 0.0014])


out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["case", "step", "mean", "se", "lower80", "upper80", "lower95", "upper95"])
for name, horizon, model, params in cases():
    res = model.smooth(params)
    f = res.get_forecast(horizon)
    mean = np.asarray(f.predicted_mean)
    se = np.asarray(f.se_mean)
    ci80 = np.asarray(f.conf_int(alpha=0.2))
    ci95 = np.asarray(f.conf_int(alpha=0.05))
    for h in range(horizon):
        out.writerow([name, h + 1] + [repr(float(v)) for v in
                     (mean[h], se[h], ci80[h, 0], ci80[h, 1], ci95[h, 0], ci95[h, 1])])
