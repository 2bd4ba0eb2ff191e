#!/usr/bin/python3
"""Reference values for Gramian's VectorAutoregression from statsmodels' VARMAX.

For each case, statsmodels 0.13.5 (Debian's python3-statsmodels) fits VARMAX(y, exog=X,
order=(p, q), trend=T[, error_cov_type, measurement_error]) by maximum likelihood (its default stationary initialisation, enforce_stationarity=True,
L-BFGS-B from its OLS start, then Nelder-Mead polishing to a tight tolerance) and writes the
estimates in its parameter order and names, the log-likelihood at them, and the log-likelihood at
a second, fixed parameter vector (the OLS start values), so that Gramian's likelihood is checked
at two points. Run from the repository root:

    /usr/bin/python3 estimation/src/test/resources/io/gramian/estimation/models/varmax/statsmodels_var.py

Writes statsmodels_var.csv beside itself: case,point,name,value (point "estimate" or "start")
and case,point,"loglikelihood",value rows; for belts_var1_c_law also point "forecast", the
6-step forecast's means and standard deviations with the law in force over the horizon.
"""
import csv
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.statespace.varmax import VARMAX

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[8]

macro = pd.read_csv(ROOT / "datasets" / "us_macro_quarterly.csv")
belts = pd.read_csv(ROOT / "datasets" / "seatbelts.csv")

CASES = [
    ("macro_var1_c", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "c"),
    ("macro_var2_c", macro[["infl", "unemp", "realint"]].to_numpy(float),
     ["infl", "unemp", "realint"], (2, 0), "c"),
    ("macro_var1_n", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "n"),
    ("belts_var2_c", np.log(belts[["front", "rear"]].to_numpy(float)),
     ["log(front)", "log(rear)"], (2, 0), "c"),
    ("macro_varma11_c", macro[["infl", "realint"]].to_numpy(float), ["infl", "realint"],
     (1, 1), "c"),
    ("belts_vma1_c", np.diff(np.log(belts[["front", "rear"]].to_numpy(float)), axis=0),
     ["dlog(front)", "dlog(rear)"], (0, 1), "c"),
    # time trends (statsmodels' trend_offset = 1: the trend of observation s is s + 1)
    ("macro_var1_ct", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "ct"),
    ("belts_var1_ct", np.log(belts[["front", "rear"]].to_numpy(float)),
     ["log(front)", "log(rear)"], (1, 0), "ct"),
    ("macro_var1_t", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "t"),
    # regressors: the seat-belt law and the log petrol price
    ("belts_var1_c_law", np.log(belts[["front", "rear"]].to_numpy(float)),
     ["log(front)", "log(rear)"], (1, 0), "c", belts[["law"]]),
    ("belts_var1_ct_law_petrol", np.log(belts[["front", "rear"]].to_numpy(float)),
     ["log(front)", "log(rear)"], (1, 0), "ct",
     pd.DataFrame({"law": belts["law"], "log(PetrolPrice)": np.log(belts["PetrolPrice"])})),
    # statsmodels' other error specifications: a diagonal covariance, and measurement error
    ("macro_var1_c_diag", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "c",
     None, dict(error_cov_type="diagonal")),
    ("macro_var1_c_meas", macro[["infl", "unemp"]].to_numpy(float), ["infl", "unemp"], (1, 0), "c",
     None, dict(measurement_error=True)),
]

rows = []
for case in CASES:
    name, y, names, order, trend = case[:5]
    exog = case[5] if len(case) > 5 else None
    options = case[6] if len(case) > 6 else {}
    frame = pd.DataFrame(y, columns=names)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = VARMAX(frame, exog=exog, order=order, trend=trend, **options)
        start = model.start_params
        first = model.fit(disp=False, maxiter=2000)
        res = model.fit(first.params, method="nm", disp=False, maxiter=20000,
                        xatol=1e-10, fatol=1e-12)
        if res.llf < first.llf:
            res = first
    for point, params, llf in (("estimate", res.params, res.llf),
                               ("start", start, model.loglike(start))):
        for pname, value in zip(model.param_names, params):
            rows.append((name, point, pname, repr(float(value))))
        rows.append((name, point, "loglikelihood", repr(float(llf))))
    print(name, "llf", res.llf, "at start", model.loglike(start))
    if name == "belts_var1_c_law":
        # 6-step forecast at the estimates with the law in force (law = 1) over the horizon:
        # point "forecast", names "<series>.mean.h<i>" and "<series>.sd.h<i>"
        forecast = res.get_forecast(6, exog=np.ones((6, 1)))
        sd = np.sqrt(np.diagonal(forecast.var_pred_mean, axis1=1, axis2=2))
        for h in range(6):
            for j, series in enumerate(names):
                rows.append((name, "forecast", f"{series}.mean.h{h + 1}",
                             repr(float(forecast.predicted_mean.iloc[h, j]))))
                rows.append((name, "forecast", f"{series}.sd.h{h + 1}", repr(float(sd[h, j]))))

with open(HERE / "statsmodels_var.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "point", "name", "value"])
    w.writerows(rows)
print("statsmodels", statsmodels.__version__)
