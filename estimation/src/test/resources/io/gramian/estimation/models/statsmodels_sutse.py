"""Reference values for Gramian's SUTSE local level (SutseTest), from statsmodels 0.13.5 (Debian's
python3-statsmodels, /usr/bin/python3). statsmodels has no SUTSE model; this expresses the
bivariate local level as a custom MLEModel with statsmodels' exact diffuse initialisation:

    y_t = mu_t + eps_t,  eps_t ~ N(0, L L'),   mu_{t+1} = mu_t + eta_t,  eta_t ~ N(0, Lq Lq')

on the logs of the front and rear columns of seatbelts.csv (argument 1: the directory holding it).
statsmodels' steady-state shortcut is switched off (tolerance = 0). Prints one CSV table: case, quantity, value (repr of doubles); quantity 'llf' is model.loglike at
the Cholesky entries SutseTest uses (row by row over L, then over Lq; Lq is 2 x rank).

The exact cases observe rear (or both series) without an irregular: L has zero rows and columns
there, so obs_cov is singular. statsmodels' conventional filter and its univariate filter agree
on rear_exact, rear_exact_rank1 and both_exact; on both_exact_rank1 (no irregular and one common
level: the two series' changes would have to be proportional, which the data are not, so the
likelihood is degenerate) the conventional filter returns -4.7e17 and the univariate one a finite
number, where Gramian stops with an error naming the singular innovation.

The component cases (SutseComponentsTest) add a slope per series (the local linear trend, its
disturbance factor Lz of rank slope_rank), a dummy seasonal of period 12 per series (factor Lw,
2 x 2) or both, as the class Components below: states (levels; slopes; each series' s - 1
seasonal states), every state exactly diffuse, parameters row by row over L, Lq, Lz, Lw.

Run: /usr/bin/python3 statsmodels_sutse.py datasets > statsmodels_sutse.csv (from the repository
root, this file's directory as the output's).
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.mlemodel import MLEModel

warnings.simplefilter("ignore")
seatbelts = pd.read_csv(f"{sys.argv[1]}/seatbelts.csv")
y = np.log(seatbelts[["front", "rear"]].to_numpy(float))


class Sutse(MLEModel):
    def __init__(self, endog, rank):
        # state_cov is the full 2 x 2 Lq Lq' (singular for rank 1), so selection = I
        super().__init__(endog, k_states=2, k_posdef=2)
        self.rank = rank
        self["design"] = np.eye(2)
        self["transition"] = np.eye(2)
        self["selection"] = np.eye(2)
        self.ssm.initialize_diffuse()

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        L = np.array([[params[0], 0.0], [params[1], params[2]]])
        Lq = np.zeros((2, self.rank))
        k = 3
        for i in range(2):
            for j in range(min(i, self.rank - 1) + 1):
                Lq[i, j] = params[k]
                k += 1
        self["obs_cov"] = L @ L.T
        self["state_cov"] = Lq @ Lq.T


cases = {
    "rank2": [0.09, -0.03, 0.07, 0.02, 0.015, 0.012],
    "rank1": [0.09, -0.03, 0.07, 0.02, 0.015],
}
print("case,quantity,value")
for case, params in cases.items():
    rank = 2 if case == "rank2" else 1
    model = Sutse(y, rank)
    # statsmodels otherwise freezes P once it changes by less than 1e-19 (its steady-state
    # shortcut), which moves the rank-2 value by 3e-5; Gramian never freezes P
    model.ssm.tolerance = 0
    print(f"{case},llf,{model.loglike(np.array(params))!r}")

exact_cases = {
    "rear_exact": [0.09, 0.0, 0.0, 0.02, 0.015, 0.012],
    "rear_exact_rank1": [0.09, 0.0, 0.0, 0.02, 0.015],
    "both_exact": [0.0, 0.0, 0.0, 0.02, 0.015, 0.012],
    "both_exact_rank1": [0.0, 0.0, 0.0, 0.02, 0.015],
}
for case, params in exact_cases.items():
    rank = 1 if case.endswith("rank1") else 2
    model = Sutse(y, rank)
    model.ssm.tolerance = 0
    conventional = model.loglike(np.array(params))
    model.ssm.filter_univariate = True
    univariate = model.loglike(np.array(params))
    if case == "both_exact_rank1":
        print(f"{case}_conventional,llf,{conventional!r}")
        print(f"{case}_univariate,llf,{univariate!r}")
    else:
        assert abs(conventional - univariate) <= 1e-9 * abs(conventional), case
        print(f"{case},llf,{conventional!r}")


class Components(MLEModel):
    """Levels, optional slopes (rank slope_rank), optional dummy seasonal of period s."""

    def __init__(self, endog, rank, slope_rank, period):
        p = 2
        self.rank, self.slope_rank, self.period = rank, slope_rank, period
        n_seasonal = p * (period - 1) if period else 0
        k_states = p + (p if slope_rank else 0) + n_seasonal
        super().__init__(endog, k_states=k_states, k_posdef=k_states)
        T = np.eye(k_states)
        Z = np.zeros((p, k_states))
        Z[:, :p] = np.eye(p)
        if slope_rank:
            T[:p, p : 2 * p] = np.eye(p)
        g0 = p + (p if slope_rank else 0)
        for j in range(p if period else 0):
            g = g0 + j * (period - 1)
            T[g : g + period - 1, g : g + period - 1] = 0
            T[g, g : g + period - 1] = -1
            for i in range(1, period - 1):
                T[g + i, g + i - 1] = 1
            Z[j, g] = 1
        self.g0 = g0
        self["design"] = Z
        self["transition"] = T
        self["selection"] = np.eye(k_states)
        self.ssm.initialize_diffuse()

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        p, k = 2, 0
        factors = []
        for cols in [p, self.rank] + ([self.slope_rank] if self.slope_rank else []) + (
            [p] if self.period else []
        ):
            L = np.zeros((p, cols))
            for i in range(p):
                for j in range(min(i, cols - 1) + 1):
                    L[i, j] = params[k]
                    k += 1
            factors.append(L)
        self["obs_cov"] = factors[0] @ factors[0].T
        Q = np.zeros((self.k_states, self.k_states))
        Q[:p, :p] = factors[1] @ factors[1].T
        f = 2
        if self.slope_rank:
            Q[p : 2 * p, p : 2 * p] = factors[f] @ factors[f].T
            f += 1
        if self.period:
            W = factors[f] @ factors[f].T
            first = [self.g0 + j * (self.period - 1) for j in range(p)]
            Q[np.ix_(first, first)] = W
        self["state_cov"] = Q


irregular = [0.09, -0.03, 0.07]
component_cases = {
    # name: (rank, slope_rank, period, params after the irregular)
    "trend": (2, 2, 0, [0.02, 0.015, 0.012, 0.004, 0.001, 0.003]),
    "trend_rank1": (1, 2, 0, [0.02, 0.015, 0.004, 0.001, 0.003]),
    "trend_slope_rank1": (2, 1, 0, [0.02, 0.015, 0.012, 0.004, 0.001]),
    "seasonal": (2, 0, 12, [0.02, 0.015, 0.012, 0.01, 0.005, 0.008]),
    "trend_seasonal": (2, 2, 12, [0.02, 0.015, 0.012, 0.004, 0.001, 0.003, 0.01, 0.005, 0.008]),
}
for case, (rank, slope_rank, period, params) in component_cases.items():
    model = Components(y, rank, slope_rank, period)
    model.ssm.tolerance = 0
    print(f"{case},llf,{model.loglike(np.array(irregular + params))!r}")
