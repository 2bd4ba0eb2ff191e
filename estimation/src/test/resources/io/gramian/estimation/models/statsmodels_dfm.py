"""Reference values for Gramian's dynamic factor model (DynamicFactorReferenceTest), from
statsmodels 0.13.5 (Debian's python3-statsmodels, /usr/bin/python3): DynamicFactor(endog,
k_factors=k, factor_order=r) with white, diagonal idiosyncratic errors, fitted by statsmodels
(its defaults: start values from principal components, enforce_stationarity=True, L-BFGS), then
again by BFGS from there (maxiter 2000, gtol 1e-8), keeping the higher of the two; and its
log-likelihood at the estimates.

Data (argument 1: the directory holding the CSV files), as statsmodels' DFM example prepares them:
100 x the first differences of the logs, each column standardised (mean 0, sample standard
deviation with ddof = 1):
  macro:     realgdp, realcons, realinv, cpi of us_macro_quarterly.csv
  seatbelts: DriversKilled, front, rear, VanKilled of seatbelts.csv

Prints one CSV table: case, quantity, value (repr of doubles); quantity 'llf' is statsmodels'
log-likelihood at the estimates, the others are the estimates by statsmodels' parameter names.
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.dynamic_factor import DynamicFactor

warnings.simplefilter("ignore")
directory = sys.argv[1]


def growth(file, columns):
    frame = pd.read_csv(f"{directory}/{file}")
    x = 100 * np.diff(np.log(frame[columns].to_numpy(float)), axis=0)
    return pd.DataFrame((x - x.mean(axis=0)) / x.std(axis=0, ddof=1), columns=columns)


data = {
    "macro": growth("us_macro_quarterly.csv", ["realgdp", "realcons", "realinv", "cpi"]),
    "seatbelts": growth("seatbelts.csv", ["DriversKilled", "front", "rear", "VanKilled"]),
}
cases = [
    ("macro_k1_r1", "macro", 1, 1),
    ("macro_k2_r2", "macro", 2, 2),
    ("macro_k1_r2", "macro", 1, 2),
    ("macro_k2_r1", "macro", 2, 1),
    ("seatbelts_k1_r1", "seatbelts", 1, 1),
    ("seatbelts_k1_r2", "seatbelts", 1, 2),
]
print("case,quantity,value")
for case, name, k, r in cases:
    model = DynamicFactor(data[name], k_factors=k, factor_order=r)
    first = model.fit(disp=False, maxiter=2000)
    result = model.fit(first.params, method="bfgs", disp=False, maxiter=2000, gtol=1e-8)
    if result.llf < first.llf:
        result = first
    print(f"{case},llf,{float(model.loglike(result.params))!r}")
    for param_name, value in zip(model.param_names, result.params):
        print(f"{case},{param_name},{float(value)!r}")
