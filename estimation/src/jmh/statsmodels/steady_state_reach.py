#!/usr/bin/python3
"""How soon a monthly basic structural model's filter reaches a steady state.

Covariance-form Riccati iteration P <- F (P - P H' H P / (H P H' + R)) F' + Q of a BSM (level,
slope, 11 dummy-seasonal states; sigma_level 0.3, sigma_irregular 1) from P = 1e4 I, for seasonal
and slope standard deviations typical of fitted BSMs, and the first step after 13 at which the
relative change of P, max|P_t - P_{t-1}| / max|P_{t-1}|, is at most 1e-6, 1e-8, 1e-10 and 1e-13
(the filter's SteadyState tolerance). Needs numpy only:

    /usr/bin/python3 estimation/src/jmh/statsmodels/steady_state_reach.py

Writes steady_state_reach_output.txt beside itself.
"""
from pathlib import Path

import numpy as np

STEPS = 2000
TOLERANCES = [1e-6, 1e-8, 1e-10, 1e-13]


def bsm(sigma_level, sigma_slope, sigma_seasonal, sigma_irregular):
    n = 13
    F = np.zeros((n, n))
    F[0, 0] = F[0, 1] = F[1, 1] = 1
    F[2, 2:13] = -1
    for i in range(3, 13):
        F[i, i - 1] = 1
    H = np.zeros((1, n))
    H[0, 0] = H[0, 2] = 1
    Q = np.diag([sigma_level ** 2, sigma_slope ** 2, sigma_seasonal ** 2] + [0] * 10)
    return F, H, Q, sigma_irregular ** 2


lines = [f"monthly BSM, sigma_level 0.3, sigma_irregular 1, {STEPS} steps from P = 1e4 I",
         "first step (after 13) with relative change of P at most 1e-6 / 1e-8 / 1e-10 / 1e-13"]
for sigma_seasonal in [0, 1e-3, 1e-2, 0.1]:
    for sigma_slope in [0, 0.02]:
        F, H, Q, R = bsm(0.3, sigma_slope, sigma_seasonal, 1.0)
        P = np.eye(13) * 1e4
        previous, hits = None, {}
        for t in range(STEPS):
            S = H @ P @ H.T + R
            K = P @ H.T / S
            P = F @ (P - K @ H @ P) @ F.T + Q
            P = (P + P.T) / 2
            if previous is not None and t > 13:
                change = np.max(abs(P - previous)) / np.max(abs(previous))
                for tol in TOLERANCES:
                    if tol not in hits and change <= tol:
                        hits[tol] = t
            previous = P.copy()
        reached = " / ".join(str(hits.get(tol, "never")) for tol in TOLERANCES)
        lines.append(f"  sigma_seasonal {sigma_seasonal:g}, sigma_slope {sigma_slope:g}: {reached}")
print("\n".join(lines))
(Path(__file__).resolve().parent / "steady_state_reach_output.txt").write_text("\n".join(lines) + "\n")
