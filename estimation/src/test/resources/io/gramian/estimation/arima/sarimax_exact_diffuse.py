"""Reference log-likelihoods for io.gramian.estimation.arima.Sarimax in the project's convention
(exact diffuse differencing states, statsmodels' use_exact_diffuse=True), plus the simple
differencing and regression cases that cases.csv does not cover.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    python3 estimation/src/test/resources/io/gramian/estimation/arima/sarimax_exact_diffuse.py \
        > estimation/src/test/resources/io/gramian/estimation/arima/sarimax_exact_diffuse.csv
Data: the repository's datasets/*.csv (identical to the shared reference data).

'mean' is our parameter: the mean of the differenced series. statsmodels has no such term for
d + D > 0, so it is passed as the coefficient of a regressor x_t that the differencing maps to
one: (1 - L)^d (1 - L^s)^D x_t = 1, x_t = 0 for t <= d + sD (regression with SARIMA errors,
y_t = x_t mean + u_t). The exact diffuse likelihood does not depend on which solution x is used:
two solutions differ by a sequence the differencing annihilates, which the diffuse states absorb.
"""
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

warnings.simplefilter("ignore")


def column(name, col):
    return pd.read_csv("datasets/%s.csv" % name, na_values=["NA"])[col].values.astype(float)


def integrated_one(n, d, D, s):
    """x with (1 - L)^d (1 - L^s)^D x_t = 1 and x_t = 0 for the first d + sD values."""
    poly = np.array([1.0])
    for _ in range(d):
        poly = np.convolve(poly, [1.0, -1.0])
    for _ in range(D):
        seasonal = np.zeros(s + 1)
        seasonal[0], seasonal[s] = 1.0, -1.0
        poly = np.convolve(poly, seasonal)
    k = len(poly) - 1
    x = np.zeros(n)
    for t in range(k, n):
        x[t] = 1.0 - np.dot(poly[1:], x[t - k:t][::-1])
    return x


nile = column("nile", "volume")
air = column("air_passengers", "passengers")
presidents = column("presidents", "approval")
drivers = column("seatbelts", "drivers")
seatbelt_x = np.column_stack([
    np.log10(column("seatbelts", "kms")) - 4,
    column("seatbelts", "PetrolPrice"),
    column("seatbelts", "law"),
])

# case, data, transform, order, seasonal_order, mean, exog, simple_differencing, names, params
CASES = [
    ("nile_arima011", "nile", "none", nile, (0, 1, 1), (0, 0, 0, 0), False, None, False,
     ["ma.L1", "sigma2"], [-0.732942923189, 20599.8516457]),
    ("air_ln_airline", "air_passengers", "log", np.log(air), (0, 1, 1), (0, 1, 1, 12), False,
     None, False, ["ma.L1", "ma.S.L12", "sigma2"], [-0.40181251701, -0.556939885394, 0.00134809844995]),
    ("air_log10_airline", "air_passengers", "log10", np.log10(air), (0, 1, 1), (0, 1, 1, 12),
     False, None, False, ["ma.L1", "ma.S.L12", "sigma2"],
     [-0.401823547133, -0.556936692861, 0.000254267230667]),
    ("presidents_arima110", "presidents", "none", presidents, (1, 1, 0), (0, 0, 0, 0), False,
     None, False, ["ar.L1", "sigma2"], [-0.15, 95.0]),
    ("presidents_sarima_4", "presidents", "none", presidents, (1, 0, 1), (0, 1, 1, 4), False,
     None, False, ["ar.L1", "ma.L1", "ma.S.L4", "sigma2"], [0.8, -0.2, -0.7, 90.0]),
    ("nile_arima121", "nile", "none", nile, (1, 2, 1), (0, 0, 0, 0), False, None, False,
     ["ar.L1", "ma.L1", "sigma2"], [0.2, -0.9, 21000.0]),
    ("air_ln_sarima_ar", "air_passengers", "log", np.log(air), (1, 1, 0), (1, 1, 0, 12), False,
     None, False, ["ar.L1", "ar.S.L12", "sigma2"], [-0.35, -0.45, 0.0015]),
    ("air_ln_D2", "air_passengers", "log", np.log(air), (0, 1, 1), (0, 2, 1, 12), False, None,
     False, ["ma.L1", "ma.S.L12", "sigma2"], [-0.4, -0.6, 0.002]),
    ("nile_arima011_mean", "nile", "none", nile, (0, 1, 1), (0, 0, 0, 0), True, None, False,
     ["ma.L1", "sigma2", "mean"], [-0.7, 20000.0, -3.5]),
    ("air_ln_airline_mean", "air_passengers", "log", np.log(air), (0, 1, 1), (0, 1, 1, 12), True,
     None, False, ["ma.L1", "ma.S.L12", "sigma2", "mean"], [-0.4, -0.55, 0.00135, 0.0003]),
    ("presidents_arima111_mean", "presidents", "none", presidents, (1, 1, 1), (0, 0, 0, 0), True,
     None, False, ["ar.L1", "ma.L1", "sigma2", "mean"], [0.3, -0.5, 90.0, -0.2]),
    ("seatbelts_xreg_D1", "seatbelts", "log10", np.log10(drivers), (1, 0, 0), (0, 1, 1, 12),
     False, seatbelt_x, False,
     ["ar.L1", "ma.S.L12", "sigma2", "beta.kms", "beta.PetrolPrice", "beta.law"],
     [0.4, -0.7, 0.0015, 0.1, -1.0, -0.1]),
    ("seatbelts_xreg_D1_simplediff", "seatbelts", "log10", np.log10(drivers), (1, 0, 0),
     (0, 1, 1, 12), False, seatbelt_x, True,
     ["ar.L1", "ma.S.L12", "sigma2", "beta.kms", "beta.PetrolPrice", "beta.law"],
     [0.4, -0.7, 0.0015, 0.1, -1.0, -0.1]),
    ("nile_arima011_mean_simplediff", "nile", "none", nile, (0, 1, 1), (0, 0, 0, 0), True, None,
     True, ["ma.L1", "sigma2", "mean"], [-0.7, 20000.0, -3.5]),
]


def statsmodels_params(names, values, has_exog):
    """Our order (ar, ma, sar, sma, sigma2, mean, beta) to statsmodels' (exog, ar, ..., sigma2)."""
    v = dict(zip(names, values))
    exog = [v[n] for n in names if n == "mean" or n.startswith("beta.")]
    arma = [v[n] for n in names if n.startswith("ar.") or n.startswith("ma.")]
    return np.array(exog + arma + [v["sigma2"]])


print("# statsmodels %s SARIMAX loglike; generated by sarimax_exact_diffuse.py" % statsmodels.__version__)
print("case,data,transform,order,seasonal_order,simple_differencing,param_names,params,loglik")
for (case, data, transform, y, order, seasonal, mean, x, simple, names, values) in CASES:
    columns = []
    if mean:
        d, D, s = order[1], seasonal[1], seasonal[3]
        # with simple differencing statsmodels differences the regressor to a column of ones
        columns.append(np.ones(len(y)) if d + D == 0 else integrated_one(len(y), d, D, s))
    if x is not None:
        columns.append(x)
    exog = np.column_stack(columns) if columns else None
    model = sm.tsa.SARIMAX(y, exog=exog, order=order, seasonal_order=seasonal,
                           simple_differencing=simple, use_exact_diffuse=not simple)
    ll = model.loglike(statsmodels_params(names, values, exog is not None))
    print("%s,%s,%s,%s,%s,%s,%s,%s,%.10f" % (
        case, data, transform, " ".join(map(str, order)), " ".join(map(str, seasonal)),
        str(simple).lower(), ";".join(names), ";".join(repr(float(v)) for v in values), ll))
