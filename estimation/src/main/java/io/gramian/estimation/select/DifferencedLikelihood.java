package io.gramian.estimation.select;

import io.gramian.estimation.arima.Differencing;
import io.gramian.estimation.fit.FitResult;
import io.gramian.kalman.StateSpace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fit's log-likelihood as the likelihood of its differenced data, the convention of R's {@code
 * arima} (and so of {@code auto.arima}'s AICc), and the differencing it implies.
 *
 * <p>With k exactly diffuse initial directions ({@code x_0 = m0 + cholPinf δ + …}), the
 * observations are {@code y = X δ + u}, X (n × k) with rows {@code X_t = H_t F_{t−1} ⋯ F_0
 * cholPinf}. When the differencing polynomial {@code (1 − L)^d (1 − L^s)^D} of degree k = d + sD
 * annihilates X (every column of X differenced is zero), the differenced data w = A y do not depend
 * on δ, and the exact diffuse log-likelihood of Durbin and Koopman (2012, §7.2.2; math.md §5), the
 * limit of {@code log p(y) + (k/2) log κ} under δ ~ N(0, κ I), is
 *
 * <pre>
 *   ℓ_diffuse = log p(w) − (k/2) log 2π − log |det X_{1:k}|
 * </pre>
 *
 * where X_{1:k} holds the rows of the first k observed periods: map y to (y_{1:k}, w) (unit
 * triangular, determinant 1) and integrate δ out of the density of y_{1:k} given w. So {@code log
 * p(w) = ℓ_diffuse + (k/2) log 2π + log |det X_{1:k}|}; the correction depends on the model's
 * structure only, never on its parameters. Examples: an ARIMA(p,1,q) or a local level has X_{1:1} =
 * 1 and log p(w) = ℓ_diffuse + ½ log 2π (Nile, ARIMA(0,1,1): R's −632.5456 against the exact
 * diffuse −633.4646); a level with a dummy seasonal of period s has |det X_{1:s}| = s.
 *
 * <p>Two fits with the same (d, D) then have likelihoods of the same data w, structural or ARIMA,
 * and their AICc compare. A model whose diffuse part no such polynomial annihilates (e.g. a
 * seasonal without a level) has no differencing here ({@link #differencing()} is null).
 *
 * @param logLikelihood log p(w) when the differencing is known; otherwise ℓ_diffuse + (k/2) log 2π
 * @param diffuseStates k
 * @param differencing (d, D) of the polynomial that annihilates X, or null when none of degree k
 *     with d ≤ 2 and D ≤ 1 does
 */
public record DifferencedLikelihood(
    double logLikelihood, int diffuseStates, DifferencingOrder differencing) {

  /**
   * An entry of X differenced counts as zero when it is within this of zero, relative to the
   * largest |X_tj|: X holds small integers (sums of ones) for the trends, seasonals and ARIMA
   * differencing states, so a genuine annihilation leaves rounding error only, many orders below
   * it.
   */
  static final double ANNIHILATION_TOLERANCE = 1e-9;

  /**
   * The differenced-data likelihood of a fit.
   *
   * @param fit a univariate fit
   * @param period the seasonal period s the search uses (1 when none)
   */
  public static DifferencedLikelihood of(FitResult fit, int period) {
    StateSpace system = fit.system();
    int k = system.diffuseRank();
    double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
    if (k == 0) {
      return new DifferencedLikelihood(fit.logLikelihood(), 0, new DifferencingOrder(0, 0, period));
    }
    int n = fit.filter().steps();
    DMatrixRMaj x = diffuseDesign(system, n);
    DifferencingOrder differencing = annihilating(x, k, period);
    double logDet = logAbsDetFirstObserved(x, fit, k);
    double ll = fit.logLikelihood() + k * halfLog2Pi;
    if (differencing != null && Double.isFinite(logDet)) {
      ll += logDet;
    } else {
      differencing = null;
    }
    return new DifferencedLikelihood(ll, k, differencing);
  }

  /** X, n × k: row t is H_t F_{t−1} ⋯ F_0 cholPinf. */
  static DMatrixRMaj diffuseDesign(StateSpace system, int n) {
    int k = system.diffuseRank();
    DMatrixRMaj propagated = system.cholPinf().copy();
    DMatrixRMaj next = new DMatrixRMaj(propagated.numRows, k);
    DMatrixRMaj row = new DMatrixRMaj(1, k);
    DMatrixRMaj x = new DMatrixRMaj(n, k);
    for (int t = 0; t < n; t++) {
      CommonOps_DDRM.mult(system.H(t), propagated, row);
      for (int j = 0; j < k; j++) {
        x.set(t, j, row.get(0, j));
      }
      CommonOps_DDRM.mult(system.F(t), propagated, next);
      propagated.setTo(next);
    }
    return x;
  }

  private static DifferencingOrder annihilating(DMatrixRMaj x, int k, int period) {
    double scale = CommonOps_DDRM.elementMaxAbs(x);
    int maxSeasonal = period > 1 ? 1 : 0;
    for (int seasonalD = 0; seasonalD <= maxSeasonal; seasonalD++) {
      int d = k - seasonalD * period;
      if (d < 0 || d > 2) {
        continue;
      }
      if (annihilates(x, d, seasonalD, period, scale)) {
        return new DifferencingOrder(d, seasonalD, period);
      }
    }
    return null;
  }

  private static boolean annihilates(DMatrixRMaj x, int d, int seasonalD, int s, double scale) {
    double[] column = new double[x.numRows];
    for (int j = 0; j < x.numCols; j++) {
      for (int t = 0; t < x.numRows; t++) {
        column[t] = x.get(t, j);
      }
      for (double w : Differencing.apply(column, d, seasonalD, s)) {
        if (Math.abs(w) > ANNIHILATION_TOLERANCE * scale) {
          return false;
        }
      }
    }
    return true;
  }

  /** log |det X_{1:k}| over the first k observed periods; −∞ when singular or too few. */
  private static double logAbsDetFirstObserved(DMatrixRMaj x, FitResult fit, int k) {
    DMatrixRMaj first = new DMatrixRMaj(k, k);
    int rows = 0;
    for (int t = 0; t < x.numRows && rows < k; t++) {
      if (!fit.series().isMissing(t)) {
        for (int j = 0; j < k; j++) {
          first.set(rows, j, x.get(t, j));
        }
        rows++;
      }
    }
    if (rows < k) {
      return Double.NEGATIVE_INFINITY;
    }
    return Math.log(Math.abs(CommonOps_DDRM.det(first)));
  }
}
