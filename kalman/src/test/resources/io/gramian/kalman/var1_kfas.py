"""Reference values for the exact diffuse VAR(1) without observation noise.

statsmodels' TestVAR1_KFAS case (statsmodels/tsa/statespace/tests/test_exact_diffuse_filtering.py,
model_var1): VARMAX(order=(1, 0), trend='n') on 400 x the first differences of the logs of
realgdp and realcons, the first 21 quarters of statsmodels' macrodata (1959Q1-1964Q1), with
params [0.5, 0.3, 0.2, 0.4, sqrt(2), 0, sqrt(3)] and a diffuse initialisation: F = [[0.5, 0.3],
[0.2, 0.4]], chol(Q) = [[sqrt 2, 0], [0, sqrt 3]], H = I, R = 0, P_inf = I, P_* = 0.

Writes var1_kfas.csv (the data, 17 significant digits) and prints statsmodels' exact diffuse
log-likelihood and the same value in KFAS' convention (KFAS, as statsmodels' test quotes it:
-167.4315).
Run with Debian's python3-statsmodels 0.13.5:  python3 var1_kfas.py
"""
import numpy as np
from statsmodels.datasets import macrodata
from statsmodels.tsa.statespace.initialization import Initialization
from statsmodels.tsa.statespace.varmax import VARMAX

levels = macrodata.load_pandas().data[['realgdp', 'realcons']]
endog = np.log(levels).iloc[:21].diff().iloc[1:] * 400
mod = VARMAX(endog, order=(1, 0), trend='n')
mod.update(np.r_[0.5, 0.3, 0.2, 0.4, 2**0.5, 0, 3**0.5])
mod.ssm.initialize(Initialization(mod.ssm.k_states, 'diffuse'))
res = mod.ssm.filter()

with open('var1_kfas.csv', 'w') as f:
    f.write('index,realgdp,realcons\n')
    for i, (g, c) in enumerate(endog.values):
        f.write('%d,%.17g,%.17g\n' % (i + 1, g, c))

print('statsmodels exact diffuse llf: %.13f' % res.llf)
print('nobs_diffuse:', res.nobs_diffuse)
print('KFAS convention (statsmodels + 1/2 log 2 pi per diffuse observation with F_inf > 0):'
      ' %.13f' % (res.llf + 2 * 0.5 * np.log(2 * np.pi)))
