"""Reference values for StationaryVarTest: statsmodels' Ansley-Kohn transform
constrain_stationary_multivariate(U, I) at fixed unconstrained matrices, and the same map
evaluated with 50 significant digits (mpmath, statsmodels' recursion written out: Cholesky
factors of the downdated forward and backward variances). Run with Debian's
python3-statsmodels (0.13.5) and python3-mpmath:

    /usr/bin/python3 stationary_var_reference.py > stationary_var_reference.csv

Columns: case, k, p, index, theta, natural (statsmodels), exact (50 digits), each row-major
over the k x kp matrix [U_1 ... U_p] or [A_1 ... A_p].
"""
import mpmath as mp
import numpy as np
from statsmodels.tsa.statespace.tools import constrain_stationary_multivariate

mp.mp.dps = 50


def exact_map(U, k, p):
    I = mp.eye(k)
    Us = [mp.matrix(U[:, l * k:(l + 1) * k].tolist()) for l in range(p)]
    P = [mp.inverse(mp.cholesky(I + u * u.T)) * u for u in Us]
    S, Ss, phi, psi = I, I, [], []
    for s in range(p):
        L, Ls = mp.cholesky(S), mp.cholesky(Ss)
        f = L * P[s] * mp.inverse(Ls)
        b = Ls * P[s].T * mp.inverse(L)
        phi, psi = ([phi[i] - f * psi[s - 1 - i] for i in range(s)] + [f],
                    [psi[i] - b * phi[s - 1 - i] for i in range(s)] + [b])
        S, Ss = S - f * Ss * f.T, Ss - b * S * b.T
    LV = mp.cholesky(S)
    A = [mp.inverse(LV) * f * LV for f in phi]
    return [A[l][i, j] for i in range(k) for l in range(p) for j in range(k)]


cases = []
rng = np.random.default_rng(20261205)
for k, p, scale in [(1, 1, 1.0), (1, 3, 2.0), (2, 1, 1.0), (2, 2, 1.5), (3, 2, 1.0), (3, 3, 3.0), (4, 1, 0.5)]:
    cases.append((k, p, scale * rng.standard_normal((k, k * p))))

print("case,k,p,index,theta,natural,exact")
for c, (k, p, U) in enumerate(cases):
    A, _ = constrain_stationary_multivariate(U, np.eye(k))
    exact = exact_map(U, k, p)
    for i, (t, a, e) in enumerate(zip(U.ravel(), np.asarray(A).ravel(), exact)):
        print(f"{c},{k},{p},{i},{t!r},{a!r},{mp.nstr(e, 20)}")
