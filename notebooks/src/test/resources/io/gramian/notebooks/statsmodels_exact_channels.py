"""statsmodels' side of notebooks/exact-channels.jsh (docs/models.md §9, "Exact channels"): an
accounting identity, total = front + rear, on the seatbelts casualty counts, from statsmodels
0.13.5 (Debian's python3-statsmodels, /usr/bin/python3). statsmodels has no SUTSE model; the
bivariate local level is written as a custom MLEModel as in statsmodels_sutse.py (exact diffuse
start, steady-state shortcut off), observing front, rear and total: design rows [1,0], [0,1],
[1,1] and obs_cov = A L L' A' with A the same rows, so obs_cov is singular (rank 2 of 3) and the
total's innovation is always the sum of the parts'.

Prints one CSV table: case, quantity, value (repr of doubles), at the natural parameters P below
(row by row over L, then Lq, as Gramian's sqrt.cov.irregular.*, sqrt.cov.level.*):

  parts,llf           the model of front and rear alone (what the identity leaves: the total adds
                      nothing where its parts are observed)
  total_conventional  the three-series model, statsmodels' default (conventional) filter
  total_univariate    the same with filter_univariate = True
  jitter_E            the three-series model with E * I added to obs_cov (E = 1e-8 ... 1)
  missing_*           the same with front blank in every fifth row (rows 1, 6, 11, ...: the
                      identity then tells the filter the missing front); parts_filled is the
                      two-series model with front filled in as total - rear, whose likelihood the
                      identity model's equals (a change of variables with determinant 1)

Run from the repository root:
  /usr/bin/python3 notebooks/src/test/resources/io/gramian/notebooks/statsmodels_exact_channels.py \
      datasets > notebooks/src/test/resources/io/gramian/notebooks/statsmodels_exact_channels.csv
"""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.mlemodel import MLEModel

warnings.simplefilter("ignore")
seatbelts = pd.read_csv(f"{sys.argv[1]}/seatbelts.csv")
front = seatbelts["front"].to_numpy(float)
rear = seatbelts["rear"].to_numpy(float)
total = front + rear
A3 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
P = np.array([90.0, -30.0, 70.0, 20.0, 15.0, 12.0])


class Observed(MLEModel):
    """The bivariate local level observed through the rows A (identity rows for totals)."""

    def __init__(self, endog, A, jitter=0.0):
        super().__init__(endog, k_states=2, k_posdef=2)
        self.A = A
        self.jitter = jitter
        self["design"] = A
        self["transition"] = np.eye(2)
        self["selection"] = np.eye(2)
        self.ssm.initialize_diffuse()
        self.ssm.tolerance = 0

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        L = np.array([[params[0], 0.0], [params[1], params[2]]])
        Lq = np.array([[params[3], 0.0], [params[4], params[5]]])
        self["obs_cov"] = self.A @ L @ L.T @ self.A.T + self.jitter * np.eye(self.A.shape[0])
        self["state_cov"] = Lq @ Lq.T


def llf(endog, A, univariate=False, jitter=0.0):
    model = Observed(endog, A, jitter)
    model.ssm.filter_univariate = univariate
    return model.loglike(P)


print("case,quantity,value")
three = np.column_stack([front, rear, total])
print(f"parts,llf,{llf(three[:, :2], A3[:2])!r}")
print(f"total_conventional,llf,{llf(three, A3)!r}")
print(f"total_univariate,llf,{llf(three, A3, univariate=True)!r}")
for e in [1e-8, 1e-6, 1e-4, 1e-2, 1.0]:
    print(f"jitter_{e:g},llf,{llf(three, A3, jitter=e)!r}")

missing = three.copy()
missing[::5, 0] = np.nan
filled = np.column_stack([np.where(np.isnan(missing[:, 0]), total - rear, front), rear])
print(f"missing_parts_filled,llf,{llf(filled, A3[:2])!r}")
print(f"missing_total_conventional,llf,{llf(missing, A3)!r}")
print(f"missing_total_univariate,llf,{llf(missing, A3, univariate=True)!r}")
