"""Run with Debian's python3 (statsmodels 0.13.5). Stata's `arima wpi c t3, ... noconstant vce(oim)` examples (statsmodels' test suite,
results_sarimax_coverage.csv rows 4, 20, 29, 45), refitted by statsmodels' SARIMAX from
Stata's estimates to many digits: regression with ARMA errors on a constant and t^3, t = 1..124."""
import numpy as np, warnings
from statsmodels.tsa.statespace import sarimax
from statsmodels.tsa.statespace.tests.results import results_sarimax
warnings.simplefilter("ignore")
y = np.array(results_sarimax.wpi1_data)
t = np.arange(1, len(y) + 1, dtype=float)
X = np.column_stack([np.ones_like(t), t ** 3])
cases = [
    ("ar3", (3, 0, 0), (0, 0, 0, 0), -138.9533, [38.71439, .0000445, 1.530887, -.3313616, -.2082853, .7239346]),
    ("arma32", (3, 0, 2), (0, 0, 0, 0), -135.8174, [37.6362, .0000484, 1.6636, -.4328509, -.2383885, -.1989134, -.2353735, .7052346]),
    ("sar3_4", (0, 0, 0), (3, 0, 0, 4), -284.7776, [40.37701, .0000402, 1.771423, -.9909791, .1655766, 2.250117]),
    # sarima(3,0,2,4) (row 45) is left out: statsmodels cannot evaluate ℓ near Stata's estimates.
]
print("case,stata_loglik,statsmodels_loglik_at_stata,statsmodels_loglik,params(statsmodels order: beta.c beta.t3 ar... ma... sigma2)")
for name, order, sorder, llf, p in cases:
    mod = sarimax.SARIMAX(y, exog=X, order=order, seasonal_order=sorder, trend="n")
    start = np.array(p[:-1] + [p[-1] ** 2])
    at_stata = mod.loglike(start)
    res = mod.fit(start_params=start, method="nm", maxiter=20000, disp=False,
                  xtol=1e-12, ftol=1e-14)
    res = mod.fit(start_params=res.params, method="bfgs", maxiter=2000, disp=False, gtol=1e-9)
    print(name, "%.4f" % llf, "%.10f" % at_stata, "%.10f" % res.llf,
          " ".join("%.12g" % v for v in res.params), sep=",")
