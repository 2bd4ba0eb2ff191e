"""Rolling-origin backtests computed by statsmodels (0.13.5, Debian's python3-statsmodels), the
reference for Gramian's Backtest at its own estimates (docs/cli.md, "Backtest"). Run from the
repository root with the interpreter that has statsmodels:

    /usr/bin/python3 estimation/src/test/resources/io/gramian/estimation/backtest/statsmodels_backtest.py

It writes statsmodels_backtest_forecasts.csv, statsmodels_backtest_metrics.csv and
statsmodels_backtest_parameters.csv beside itself, in the columns of the R script's files. Fold
k = 1..K trains on the first m_k = n - H - K + k observations and forecasts the next H, with the
exact diffuse start (use_exact_diffuse=True). "once": estimated on the first fold, every fold filters
its own data with those estimates (res.apply); "refit": every fold estimated anew, starting at the
previous fold's estimates.
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

OUT = os.path.dirname(os.path.abspath(__file__))
air = np.log(pd.read_csv("datasets/air_passengers.csv")["passengers"].to_numpy(dtype=float))
CASES = [
    dict(name="air_once", y=air, order=(0, 1, 1), seasonal=(0, 1, 1, 12), H=12, K=12, refit=False),
    dict(name="air_refit", y=air, order=(0, 1, 1), seasonal=(0, 1, 1, 12), H=12, K=12, refit=True),
]
NAMES = {"ma.L1": "ma1", "ma.S.L12": "sma1", "sigma2": "sigma2"}


def model(case, x):
    return sm.tsa.SARIMAX(x, order=case["order"], seasonal_order=case["seasonal"],
                          use_exact_diffuse=True)


def fit(case, x, start=None):
    # Nelder-Mead with tight tolerances: statsmodels' default L-BFGS stops while sigma2 is still
    # 3e-4 (relative) from the maximum, which Nelder-Mead reaches to about 1e-7
    return model(case, x).fit(start_params=start, method="nm", maxiter=20000, xtol=1e-12,
                              ftol=1e-14, disp=0)


def g(v):
    return "%.17g" % v


forecasts, metrics, parameters = [], [], []
for case in CASES:
    y, H, K = case["y"], case["H"], case["K"]
    n = len(y)
    s = case["seasonal"][3]
    m1 = n - H - K + 1
    first = fit(case, y[:m1])
    res = first
    err = np.full((K, H), np.nan)
    scaled = np.full((K, H), np.nan)
    pct = np.full((K, H), np.nan)
    in95 = np.full((K, H), np.nan)
    in80 = np.full((K, H), np.nan)
    for k in range(1, K + 1):
        m = n - H - K + k
        x = y[:m]
        if k == 1:
            res = first
        elif case["refit"]:
            res = fit(case, x, start=res.params)
        else:
            res = first.apply(x)
        if k == 1 or case["refit"]:
            for name, value in zip(res.model.param_names, res.params):
                parameters.append([case["name"], k, NAMES[name], g(value)])
        f = res.get_forecast(H)
        mean = f.predicted_mean
        c80 = f.conf_int(alpha=0.2)
        c95 = f.conf_int(alpha=0.05)
        actual = y[m:m + H]
        scale = np.nanmean(np.abs(x[s:] - x[:-s]))
        e = actual - mean
        err[k - 1] = e
        scaled[k - 1] = e / scale
        pct[k - 1] = 100 * e / actual
        in95[k - 1] = (actual >= c95[:, 0]) & (actual <= c95[:, 1])
        in80[k - 1] = (actual >= c80[:, 0]) & (actual <= c80[:, 1])
        for h in range(H):
            forecasts.append([case["name"], k, m, h + 1, g(actual[h]), g(mean[h]), g(c80[h, 0]),
                              g(c80[h, 1]), g(c95[h, 0]), g(c95[h, 1])])
    for h in range(H):
        metrics.append([case["name"], h + 1, int(np.sum(~np.isnan(err[:, h]))),
                        g(np.nanmean(np.abs(err[:, h]))), g(np.sqrt(np.nanmean(err[:, h] ** 2))),
                        g(np.nanmean(np.abs(pct[:, h]))), g(np.nanmean(np.abs(scaled[:, h]))),
                        g(np.nanmean(in95[:, h])), g(np.nanmean(in80[:, h]))])


def write(name, header, rows):
    with open(os.path.join(OUT, "statsmodels_backtest_" + name + ".csv"), "w") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(str(v) for v in row) + "\n")


write("forecasts", ["case", "fold", "train_length", "step", "actual", "mean", "lower80",
                    "upper80", "lower95", "upper95"], forecasts)
write("metrics", ["case", "horizon", "count", "mae", "rmse", "mape", "mase", "coverage95",
                  "coverage80"], metrics)
write("parameters", ["case", "fold", "name", "value"], parameters)
