# How statsmodels answers the model sizes that ModelSizeRule refuses (docs/models.md §6.1).
# Run from the repository root: python3 estimation/src/test/resources/io/gramian/estimation/model/peer_model_sizes.py CASE
# with CASE one of sma5000, sar90, sma1e6, ar2e9, bsm2e9, bsm200, under `timeout 300` and
# `/usr/bin/time -f "%e s %M KB"`; peer_model_sizes.txt records what statsmodels 0.13.5 printed.
import sys, time, warnings, resource
import numpy as np, pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX
from statsmodels.tsa.statespace.structural import UnobservedComponents
y = pd.read_csv("datasets/nile.csv").iloc[:,1].values.astype(float)
case = sys.argv[1]
t0 = time.time()
try:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        if case == "sma5000":
            m = SARIMAX(y, order=(0,0,0), seasonal_order=(0,0,1,5000))
        elif case == "sar90":
            m = SARIMAX(y, order=(0,0,0), seasonal_order=(1,0,0,90))
        elif case == "sma1e6":
            m = SARIMAX(y, order=(0,0,0), seasonal_order=(0,0,1,1000000))
        elif case == "ar2e9":
            m = SARIMAX(y, order=(2147483647,0,0))
        elif case == "bsm2e9":
            m = UnobservedComponents(y, level='lltrend', seasonal=2147483647)
        elif case == "bsm200":
            m = UnobservedComponents(y, level='lltrend', seasonal=200)
        r = m.fit(disp=False)
        print(case, "fitted", r.params[:3], "llf", r.llf)
        for x in w: print("warning:", str(x.message)[:200])
except BaseException as e:
    print(case, "error", type(e).__name__, str(e)[:300])
print("seconds %.1f maxrss MB %d" % (time.time()-t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024))
