"""Reference values for io.gramian.estimation.diagnostics, computed with statsmodels 0.13.5.

Run with Debian's python3-statsmodels (0.13.5+dfsg) from this directory:

    /usr/bin/python3 statsmodels_diagnostics.py > statsmodels_diagnostics_output.txt

It reads the Nile series (nile.csv of the project's shared reference data, path below) and
writes nile_missing_standardized_residuals.csv beside this script.
"""
import os
import sys

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.diagnostic import acorr_ljungbox

# The repository's copy of the Nile series (datasets/nile.csv), found from this file's place.
NILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), *([".."] * 8), "datasets", "nile.csv")
DK_PARAMS = [15099.0, 1469.1]   # sigma2.irregular, sigma2.level (Durbin & Koopman 2012)
MISSING = [5, 6, 20, 50, 80, 95]  # zero-based positions set missing in the second case

np.set_printoptions(precision=17)


def show(name, value):
    print(name, "=", repr(np.asarray(value).tolist()))


def report(tag, res):
    show(tag + ".llf", res.llf)
    show(tag + ".nobs", res.nobs)
    show(tag + ".nobs_diffuse", res.nobs_diffuse)
    show(tag + ".loglikelihood_burn", res.loglikelihood_burn)
    show(tag + ".nobs_effective", res.nobs_effective)
    show(tag + ".df_model", res.df_model)
    show(tag + ".aic", res.aic)
    show(tag + ".bic", res.bic)
    show(tag + ".hqic", res.hqic)
    show(tag + ".ljungbox_default", res.test_serial_correlation("ljungbox")[0])
    show(tag + ".heteroskedasticity", res.test_heteroskedasticity("breakvar")[0])
    show(tag + ".jarquebera", res.test_normality("jarquebera")[0])


print("statsmodels", statsmodels.__version__)
y = pd.read_csv(NILE)["volume"].to_numpy(dtype=float)

# 1. Nile local level, exact diffuse, at Durbin & Koopman's parameters.
mod = sm.tsa.UnobservedComponents(y, "llevel", use_exact_diffuse=True)
res = mod.smooth(DK_PARAMS)
report("nile", res)
sr = res.filter_results.standardized_forecasts_error[0]
show("nile.standardized[1:4]", sr[1:4])

# 2. The same with missing observations. statsmodels 0.13.5's Cython filter stores 0 as the
# standardized residual of a missing observation (and of the diffuse step); this project's
# contract is NaN there. So the NaN-marked residuals are put back into the results object and
# statsmodels' own MLEResults tests are run on them: test_heteroskedasticity and test_normality
# skip NaN, test_serial_correlation returns NaN (acf with missing="none"); the Ljung-Box value
# with the missing residuals dropped first is acorr_ljungbox on the compacted series.
y_missing = y.copy()
y_missing[MISSING] = np.nan
mod_m = sm.tsa.UnobservedComponents(y_missing, "llevel", use_exact_diffuse=True)
res_m = mod_m.smooth(DK_PARAMS)
d = res_m.nobs_diffuse
sr_m = res_m.filter_results.standardized_forecasts_error.copy()
sr_m[0, :d] = np.nan
sr_m[0, MISSING] = np.nan
res_m.filter_results._standardized_forecasts_error = sr_m
report("missing", res_m)
compact = sr_m[0, d:][~np.isnan(sr_m[0, d:])]
lb = acorr_ljungbox(compact, lags=10, return_df=True)
show("missing.ljungbox_compacted.lb_stat", lb["lb_stat"].to_numpy())
show("missing.ljungbox_compacted.lb_pvalue", lb["lb_pvalue"].to_numpy())
lb_df = acorr_ljungbox(compact, lags=[10], model_df=2, return_df=True)
show("missing.ljungbox_compacted_model_df2.lag10", lb_df.to_numpy()[0])
with open("nile_missing_standardized_residuals.csv", "w") as out:
    out.write("year,standardized_residual\n")
    for t, v in enumerate(sr_m[0]):
        out.write("%d,%s\n" % (1871 + t, "nan" if np.isnan(v) else repr(float(v))))

# 3. The maximum likelihood fit, for the summary-table example (opg covariance).
fit = mod.fit(disp=0)
show("mle.params", fit.params)
show("mle.bse", fit.bse)
show("mle.llf", fit.llf)
show("mle.aic", fit.aic)
show("mle.bic", fit.bic)
show("mle.hqic", fit.hqic)
show("mle.ljungbox_lag1", fit.test_serial_correlation("ljungbox", lags=[1])[0])
show("mle.heteroskedasticity", fit.test_heteroskedasticity("breakvar")[0])
show("mle.jarquebera", fit.test_normality("jarquebera")[0])
print(fit.summary())
