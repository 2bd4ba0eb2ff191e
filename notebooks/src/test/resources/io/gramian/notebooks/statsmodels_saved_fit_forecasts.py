"""Reference forecasts of a saved fit applied to other data: statsmodels' results.extend(new)
and results.apply(data) at given parameters, then get_forecast with 80% and 95% intervals.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    /usr/bin/python3 notebooks/src/test/resources/io/gramian/notebooks/statsmodels_saved_fit_forecasts.py \
        > notebooks/src/test/resources/io/gramian/notebooks/statsmodels_saved_fit_forecasts.csv
Data: the repository's datasets/*.csv.

Each case fits nothing: the model is smoothed at the parameters named (statsmodels' names and
Gramian's) on the first `train` observations, then
  extend: res.extend(y[train:]) - the saved data continued by the rest of the file;
  apply:  res.apply(y[:upto])   - the same parameters on other data (all of the file, or a part).
Every model uses the exact diffuse initialisation (use_exact_diffuse=True), Gramian's default.
One row per case and step: the case, the step h = 1..H, the forecast mean, its standard error
and the bounds of the 80% and 95% intervals.
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


def nile(y):
    return sm.tsa.UnobservedComponents(y, "llevel", use_exact_diffuse=True)


def airline(y):
    return sm.tsa.SARIMAX(y, order=(0, 1, 1), seasonal_order=(0, 1, 1, 12),
                          use_exact_diffuse=True)


def cases():
    y = series("nile.csv", "volume")
    params = [15099.0, 1469.1]
    res = nile(y[:80]).smooth(params)
    yield "nile_extend", 10, res.extend(y[80:])
    yield "nile_apply_full", 10, res.apply(y)
    yield "nile_apply_first90", 10, res.apply(y[:90])
    air = np.log(series("air_passengers.csv", "passengers"))
    params = [-0.4, -0.55, 0.0014]
    res = airline(air[:120]).smooth(params)
    yield "air_extend", 12, res.extend(air[120:])
    yield "air_apply_full", 12, res.apply(air)


out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["case", "step", "mean", "se", "lower80", "upper80", "lower95", "upper95"])
for name, horizon, res in cases():
    f = res.get_forecast(horizon)
    mean = np.asarray(f.predicted_mean)
    se = np.asarray(f.se_mean)
    ci80 = np.asarray(f.conf_int(alpha=0.2))
    ci95 = np.asarray(f.conf_int(alpha=0.05))
    for h in range(horizon):
        out.writerow([name, h + 1] + [repr(float(v)) for v in
                     (mean[h], se[h], ci80[h, 0], ci80[h, 1], ci95[h, 0], ci95[h, 1])])
