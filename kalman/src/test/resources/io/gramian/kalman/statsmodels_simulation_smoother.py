"""Reference draws: the sample moments of statsmodels' simulation smoother on the Nile.

Run with Debian's python3-statsmodels (0.13.5) from the repository root:
    python3 kalman/src/test/resources/io/gramian/kalman/statsmodels_simulation_smoother.py \
        > kalman/src/test/resources/io/gramian/kalman/statsmodels_simulation_smoother.csv
Data: the repository's datasets/nile.csv, complete: statsmodels 0.13.5 draws wrongly at missing
periods (statsmodels PR #8354, "incorrect simulation smoothing draws for periods with NaN endog
values", fixed in 0.14; at 1891 set missing the drawn variance is 2311 against its own smoother's
3075), so the comparison is on the complete series and Gramian's draws with missing values are
checked against a covariance-form oracle instead (SimulationSmootherTest).

The local level at Durbin & Koopman's sigma2.irregular = 15099, sigma2.level = 1469.1, with the
exact diffuse start (use_exact_diffuse=True). N = 10000 draws of the level from
simulation_smoother().simulate() (numpy seed 20261204). One row per year t: the sample mean and
the sample variance (ddof = 1) of the drawn level, and the sample covariance of the level at t
and t + 1 (empty in the last row).
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

warnings.simplefilter("ignore")
N = 10000
y = pd.read_csv(os.path.join(os.getcwd(), "datasets", "nile.csv"))["volume"].to_numpy(dtype=float)
model = sm.tsa.UnobservedComponents(y, "llevel", use_exact_diffuse=True)
model.update([15099.0, 1469.1])
sim = model.simulation_smoother()
np.random.seed(20261204)
draws = np.empty((N, len(y)))
for i in range(N):
    sim.simulate()
    draws[i] = sim.simulated_state[0]
mean = draws.mean(axis=0)
var = draws.var(axis=0, ddof=1)
out = sys.stdout
out.write("t,mean,var,lag1_cov\n")
for t in range(len(y)):
    lag = ""
    if t + 1 < len(y):
        lag = repr(float(np.cov(draws[:, t], draws[:, t + 1])[0, 1]))
    out.write(f"{t},{float(mean[t])!r},{float(var[t])!r},{lag}\n")
