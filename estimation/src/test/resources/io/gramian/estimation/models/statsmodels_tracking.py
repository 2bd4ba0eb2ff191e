"""Reference values for Gramian's tracking models (TrackingTest), from statsmodels 0.13.5 (Debian's
python3-statsmodels, /usr/bin/python3). statsmodels has no tracking model; this writes the
kinematic models as a custom MLEModel with statsmodels' exact diffuse initialisation, the matrices
built here from the textbook formulas (Bar-Shalom, Li and Kirubarajan 2001, sec. 6.2):

    constant velocity, per axis:     F = [[1, dt], [0, 1]],  Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]]
    constant acceleration, per axis: F = [[1, dt, dt^2/2], [0, 1, dt], [0, 0, 1]],
                                     Q = q [[dt^5/20, dt^4/8, dt^3/6], [dt^4/8, dt^3/3, dt^2/2],
                                            [dt^3/6, dt^2/2, dt]]
    sensors: position (and velocity) per axis, variance s2p (s2v), or exact (zero variance).

The data are simulated here (numpy seed 20261205) from a two-axis constant-velocity target with
position and velocity sensors, dt = 0.1, q = 0.5, s2p = 0.04, s2v = 0.09, and written to
tracking_cv2.csv (columns position.x, position.y, velocity.x, velocity.y). Prints one CSV table:
case, quantity, value (repr of doubles): 'llf' is model.loglike at the case's parameters (natural
scale, in Gramian's order), and for the fitted case 'fit_llf' and 'fit.<name>' are statsmodels'
maximum and estimates. statsmodels' steady-state shortcut is off (tolerance = 0).

Run (from this file's directory): /usr/bin/python3 statsmodels_tracking.py > statsmodels_tracking.csv
"""
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.mlemodel import MLEModel

warnings.simplefilter("ignore")
DT = 0.1


def axis_matrices(order, dt):
    if order == 2:
        F = np.array([[1, dt], [0, 1]])
        Q = np.array([[dt**3 / 3, dt**2 / 2], [dt**2 / 2, dt]])
    else:
        F = np.array([[1, dt, dt**2 / 2], [0, 1, dt], [0, 0, 1]])
        Q = np.array([[dt**5 / 20, dt**4 / 8, dt**3 / 6],
                      [dt**4 / 8, dt**3 / 3, dt**2 / 2],
                      [dt**3 / 6, dt**2 / 2, dt]])
    return F, Q


def simulate(T, seed):
    rng = np.random.default_rng(seed)
    F, Q = axis_matrices(2, DT)
    LQ = np.linalg.cholesky(0.5 * Q)
    x = np.zeros((2, 2))  # axis by (position, velocity)
    x[:, 1] = [1.0, -0.5]
    rows = []
    for _ in range(T):
        pos = x[:, 0] + np.sqrt(0.04) * rng.standard_normal(2)
        vel = x[:, 1] + np.sqrt(0.09) * rng.standard_normal(2)
        rows.append([pos[0], pos[1], vel[0], vel[1]])
        x = np.array([F @ x[a] + LQ @ rng.standard_normal(2) for a in range(2)])
    return pd.DataFrame(rows, columns=["position.x", "position.y", "velocity.x", "velocity.y"])


class Tracking(MLEModel):
    """axes, order (2 cv, 3 ca), sensors: list of 'position'/'velocity'; exact: set of sensors."""

    def __init__(self, endog, axes, order, sensors, exact=()):
        nx = axes * order
        super().__init__(endog, k_states=nx, k_posdef=nx)
        self.axes, self.order, self.sensors, self.exact = axes, order, sensors, set(exact)
        F, self.Qa = axis_matrices(order, DT)
        self["transition"] = np.kron(np.eye(axes), F)
        self["selection"] = np.eye(nx)
        Z = np.zeros((len(sensors) * axes, nx))
        for s, sensor in enumerate(sensors):
            for a in range(axes):
                Z[s * axes + a, a * order + (0 if sensor == "position" else 1)] = 1
        self["design"] = Z
        self.ssm.initialize_diffuse()

    def update(self, params, **kwargs):
        params = super().update(params, **kwargs)
        self["state_cov"] = params[0] * np.kron(np.eye(self.axes), self.Qa)
        variances = []
        k = 1
        for sensor in self.sensors:
            v = 0.0 if sensor in self.exact else params[k]
            k += 0 if sensor in self.exact else 1
            variances += [v] * self.axes
        self["obs_cov"] = np.diag(variances)

    @property
    def param_names(self):
        noise = "acceleration" if self.order == 2 else "jerk"
        return [f"sigma2.{noise}"] + [f"sigma2.{s}" for s in self.sensors if s not in self.exact]

    @property
    def start_params(self):
        return np.ones(len(self.param_names))

    def transform_params(self, unconstrained):
        return unconstrained**2

    def untransform_params(self, constrained):
        return constrained**0.5


data = simulate(300, 20261205)
data.to_csv("tracking_cv2.csv", index=False, float_format="%.17g")
data = pd.read_csv("tracking_cv2.csv")
pos = data[["position.x", "position.y"]].to_numpy()
both = data.to_numpy()
cases = {
    "cv2_position": (pos, 2, 2, ["position"], (), [0.7, 0.05]),
    "cv2_position_velocity": (both, 2, 2, ["position", "velocity"], (), [0.4, 0.03, 0.1]),
    "cv2_velocity_exact": (both, 2, 2, ["position", "velocity"], ("velocity",), [0.6, 0.05]),
    "ca1_position": (pos[:, :1], 1, 3, ["position"], (), [2.0, 0.04]),
}
print("case,quantity,value")
for case, (y, axes, order, sensors, exact, params) in cases.items():
    model = Tracking(y, axes, order, sensors, exact)
    model.ssm.tolerance = 0
    print(f"{case},llf,{model.loglike(np.array(params, float))!r}")
    if case in ("cv2_position", "cv2_position_velocity"):
        res = model.fit(disp=False, maxiter=500)
        print(f"{case},fit_llf,{res.llf!r}")
        for name, value in zip(model.param_names, res.params):
            print(f"{case},fit.{name},{value!r}")
