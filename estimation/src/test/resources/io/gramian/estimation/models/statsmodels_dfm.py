"""Reference values for Gramian's dynamic factor model (DynamicFactorReferenceTest), from
statsmodels 0.13.5 (Debian's python3-statsmodels, /usr/bin/python3): DynamicFactor(endog,
k_factors=k, factor_order=r, error_order=q, error_cov_type=..., exog=...) (white, diagonal
idiosyncratic errors unless a case says otherwise), fitted by statsmodels
(its defaults: start values from principal components, enforce_stationarity=True, L-BFGS), then
again by BFGS from there (maxiter 2000, gtol 1e-8), keeping the higher of the two; and its
log-likelihood at the estimates.

Data (argument 1: the directory holding the CSV files), as statsmodels' DFM example prepares them:
100 x the first differences of the logs, each column standardised (mean 0, sample standard
deviation with ddof = 1):
  macro:     realgdp, realcons, realinv, cpi of us_macro_quarterly.csv
  seatbelts: DriversKilled, front, rear, VanKilled of seatbelts.csv
The regressor of the *_law cases is the seat-belt law dummy of the same months as the growth
rates (rows 2 onwards of seatbelts.csv).

statsmodels 0.13.5 cannot compute its own start values for error_order > 0 with
error_cov_type='unstructured' (start_params raises "could not broadcast input array from shape
(4,) into shape (10,)"); that case starts from the diagonal case's estimates (Cholesky entries
the square roots of its variances, off-diagonal zero).

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
law = pd.read_csv(f"{directory}/seatbelts.csv")[["law"]].iloc[1:].reset_index(drop=True)
cases = [
    ("macro_k1_r1", "macro", 1, 1),
    ("macro_k2_r2", "macro", 2, 2),
    ("macro_k1_r2", "macro", 1, 2),
    ("macro_k2_r1", "macro", 2, 1),
    ("seatbelts_k1_r1", "seatbelts", 1, 1),
    ("seatbelts_k1_r2", "seatbelts", 1, 2),
    # idiosyncratic AR(q) errors, error covariance types, a regressor
    ("macro_k1_r1_e1", "macro", 1, 1, dict(error_order=1)),
    ("seatbelts_k1_r1_e2", "seatbelts", 1, 1, dict(error_order=2)),
    ("macro_k1_r1_unstructured", "macro", 1, 1, dict(error_cov_type="unstructured")),
    ("macro_k1_r1_e1_unstructured", "macro", 1, 1,
     dict(error_order=1, error_cov_type="unstructured")),
    ("seatbelts_k1_r1_scalar", "seatbelts", 1, 1, dict(error_cov_type="scalar")),
    ("seatbelts_k1_r1_law", "seatbelts", 1, 1, dict(exog=law)),
]
print("case,quantity,value")
estimates = {}
for case, name, k, r, *more in cases:
    options = more[0] if more else {}
    model = DynamicFactor(data[name], k_factors=k, factor_order=r, **options)
    start = None
    if options.get("error_order", 0) > 0 and options.get("error_cov_type") == "unstructured":
        diagonal = estimates[case.replace("_unstructured", "")]
        start = []
        for param_name in model.param_names:
            if param_name.startswith("cov.chol["):
                i, j = (int(v) for v in param_name[9:-1].split(","))
                sigma2 = diagonal["sigma2." + data[name].columns[i - 1]]
                start.append(np.sqrt(sigma2) if i == j else 0.0)
            else:
                start.append(diagonal[param_name])
    first = model.fit(start_params=start, disp=False, maxiter=2000)
    result = model.fit(first.params, method="bfgs", disp=False, maxiter=2000, gtol=1e-8)
    if result.llf < first.llf:
        result = first
    estimates[case] = dict(zip(model.param_names, result.params))
    print(f"{case},llf,{float(model.loglike(result.params))!r}")
    for param_name, value in zip(model.param_names, result.params):
        print(f"{case},{param_name},{float(value)!r}")
