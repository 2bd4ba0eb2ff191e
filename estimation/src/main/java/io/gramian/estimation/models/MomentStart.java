package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.kalman.StateSpaceSystem;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Start values of an {@link UnobservedComponents} model's variances by the method of moments: the
 * autocovariances of the stationary transform of y are linear in the variances, and a non-negative
 * least-squares fit of them to the sample autocovariances starts BFGS close to the maximum.
 *
 * <pre>
 *   D(L) = det(I − F_c L) = 1 + D₁ L + … + D_n Lⁿ     F_c: the components' transition, n × n
 *   w_t = D(L) y_t = D(L) ε_t + Σ_{m&lt;n} b_m η_{t−1−m},   b_m = Σ_{i≤m} D_i H F_c^{m−i} R
 *   γ_w(k) = Σ_j σ²_j g_j(k),   g_j(k) = Σ_m b_m⁽ʲ⁾ b_{m+k}⁽ʲ⁾ᵀ + r_j² Σ_i D_i D_{i+k}
 *   σ̂² = argmin_{σ² ≥ 0} Σ_{k=0}^{n} (γ̂_w(k) − Σ_j σ²_j g_j(k))²
 * </pre>
 *
 * D(F_c) = 0 (Cayley–Hamilton), so D(L) removes the diffuse initial states and the b_m vanish from
 * m = n on: w is a moving average of order n whatever the components. R⁽ʲ⁾ and r_j are the noise
 * factors of the system built with σ_j = 1 and every other variance 0 (the other parameters, such
 * as a cycle's frequency or AR coefficients, at their start values), so each component's
 * contribution is read off the model itself. Regression coefficients are removed first: w on D(L)
 * x_t by least squares. γ̂_w(k) uses the pairs of w both defined (every y and x in D's window
 * observed), divided by their count, about zero (the model's mean of w).
 *
 * <p>A variance the fit puts at or near 0 is raised to {@link #FLOOR_FRACTION} of the largest:
 * under σ² = θ², θ = 0 is a stationary point of ℓ, and BFGS leaves a start close to it only slowly.
 * Not used (the caller keeps its start) when the model has time-varying coefficients, a cycle or an
 * autoregressive component (their dynamics, which the moment equations take as given, are
 * themselves rough guesses at the start: on the unemployment rate's local level + cycle the moment
 * start led BFGS to a local maximum 0.22 below statsmodels'), when fewer than {@link
 * #MIN_PAIRS_PER_EQUATION} (n + 1) values of w are defined, when F_c is not upper Hessenberg, or
 * when the fit gives no positive variance.
 *
 * <p>A different start can lead BFGS to a different local maximum where the likelihood has two: on
 * 8000 local-level and 200 BSM series, 1 and 2 fits from these start values ended below the best
 * maximum found from several starts, against 0 and 1 from statsmodels' (docs/models.md, §4).
 */
final class MomentStart {

  /**
   * Smallest start of a variance relative to the largest one estimated. Measured on the 8000
   * local-level and 200 monthly BSM series of {@code fit_many_timing.py}: a tenth cut the
   * evaluations of the fits by 43% and 50% against statsmodels' start values; 0.03 and 0.01 cut
   * them less (local level 39% and 37%, BSM 46% and 41%) and ended below the best maximum found as
   * often or more (docs/models.md, §4).
   */
  static final double FLOOR_FRACTION = 0.1;

  /** w must have at least this many defined values per autocovariance equation. */
  static final int MIN_PAIRS_PER_EQUATION = 2;

  private MomentStart() {}

  /**
   * The start with its variances replaced by the moment estimates, or empty when they do not apply
   * (see the class comment).
   *
   * @param start the start values on the natural scale, in the model's parameter order
   */
  static Optional<double[]> refine(
      StateSpaceModel model, UnobservedComponentsSpec spec, ModelData data, double[] start) {
    double[] estimate = estimates(model, spec, data, start);
    if (estimate == null) {
      return Optional.empty();
    }
    double largest = 0;
    for (double v : estimate) {
      largest = Math.max(largest, v);
    }
    if (!(largest > 0) || !Double.isFinite(largest)) {
      return Optional.empty();
    }
    int[] variances = varianceIndices(model, start.length);
    double[] refined = start.clone();
    for (int j = 0; j < variances.length; j++) {
      refined[variances[j]] = Math.max(estimate[j], FLOOR_FRACTION * largest);
    }
    return Optional.of(refined);
  }

  /**
   * σ̂², the non-negative least-squares estimates of the variances in parameter order (before the
   * floor), or null when the method does not apply.
   */
  static double[] estimates(
      StateSpaceModel model, UnobservedComponentsSpec spec, ModelData data, double[] start) {
    if (!spec.varyingExog().isEmpty() || spec.cycle() != null || spec.autoregressiveOrder() > 0) {
      return null;
    }
    int regressors = spec.exogNames().size();
    int n = spec.states() - regressors;
    StateSpaceSystem base = system(model, data, start, -1);
    DMatrixRMaj F = CommonOps_DDRM.extract(base.F(0), 0, n, 0, n);
    if (!isUpperHessenberg(F)) {
      return null;
    }
    double[] D = HessenbergPolynomial.reversedCharacteristic(F);
    double[] w = transformed(D, data, regressors);
    int lags = n + 1;
    double[] gamma = autocovariances(w, lags);
    if (gamma == null) {
      return null;
    }
    DMatrixRMaj H = CommonOps_DDRM.extract(base.H(0), 0, 1, 0, n);
    return NonNegativeLeastSquares.solve(contributions(model, data, start, F, H, D), gamma);
  }

  /**
   * g_j(k), k = 0 … n (rows), for each variance parameter j in parameter order (columns): the
   * autocovariances of w = D(L) y that a unit variance σ²_j gives.
   *
   * @param F the components' transition F_c, n × n
   * @param H the components' columns of the observation row, 1 × n
   * @param D det(I − F_c L), length n + 1
   */
  static double[][] contributions(
      StateSpaceModel model,
      ModelData data,
      double[] start,
      DMatrixRMaj F,
      DMatrixRMaj H,
      double[] D) {
    int n = F.numRows;
    int[] variances = varianceIndices(model, start.length);
    double[][] g = new double[n + 1][variances.length];
    for (int j = 0; j < variances.length; j++) {
      StateSpaceSystem unit = system(model, data, start, variances[j]);
      double[] column = contribution(D, F, H, unit, n);
      for (int k = 0; k <= n; k++) {
        g[k][j] = column[k];
      }
    }
    return g;
  }

  /** Indices of the variance parameters. */
  private static int[] varianceIndices(StateSpaceModel model, int count) {
    return java.util.stream.IntStream.range(0, count).filter(model::isVariance).toArray();
  }

  /** The system at the start values (natural scale, in parameter order). */
  static StateSpaceSystem startSystem(StateSpaceModel model, ModelData data, double[] start) {
    return system(model, data, start, -1);
  }

  /**
   * The system at the start values, or with variance {@code unit} at 1 and every other variance at
   * 0 when unit ≥ 0.
   */
  private static StateSpaceSystem system(
      StateSpaceModel model, ModelData data, double[] start, int unit) {
    Tape tape = new Tape();
    Var[] values = new Var[start.length];
    for (int i = 0; i < values.length; i++) {
      double value;
      if (!model.isVariance(i)) {
        value = start[i];
      } else if (unit < 0) {
        value = Math.sqrt(start[i]);
      } else {
        value = i == unit ? 1 : 0;
      }
      values[i] = tape.constant(value);
    }
    return model.build(values, data).system();
  }

  /**
   * g(k), k = 0 … n, for the noise of one unit-variance system: the transition noise through b_m
   * and the observation noise through D.
   */
  private static double[] contribution(
      double[] D, DMatrixRMaj F, DMatrixRMaj H, StateSpaceSystem unit, int n) {
    DMatrixRMaj R = CommonOps_DDRM.extract(unit.cholQ(0), 0, n, 0, unit.q());
    // powers[m] = H F^m R (1 × q), m = 0 … n − 1
    int q = R.numCols;
    double[][] powers = new double[n][q];
    DMatrixRMaj row = H.copy();
    DMatrixRMaj next = new DMatrixRMaj(1, n);
    DMatrixRMaj rowR = new DMatrixRMaj(1, q);
    for (int m = 0; m < n; m++) {
      CommonOps_DDRM.mult(row, R, rowR);
      System.arraycopy(rowR.data, 0, powers[m], 0, q);
      CommonOps_DDRM.mult(row, F, next);
      row.setTo(next);
    }
    double[][] b = new double[n][q];
    for (int m = 0; m < n; m++) {
      for (int i = 0; i <= m; i++) {
        for (int c = 0; c < q; c++) {
          b[m][c] += D[i] * powers[m - i][c];
        }
      }
    }
    double r2 = 0;
    DMatrixRMaj cholR = unit.cholR(0);
    for (int c = 0; c < cholR.numCols; c++) {
      r2 += cholR.get(0, c) * cholR.get(0, c);
    }
    double[] g = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      double s = 0;
      for (int m = 0; m + k < n; m++) {
        for (int c = 0; c < q; c++) {
          s += b[m][c] * b[m + k][c];
        }
      }
      for (int i = 0; i + k <= n; i++) {
        s += r2 * D[i] * D[i + k];
      }
      g[k] = s;
    }
    return g;
  }

  /**
   * w_t = D(L) y_t − D(L) x_tᵀ β̂ for t ≥ n (NaN where any value in the window is missing), β̂ the
   * least-squares coefficients of D(L) y on D(L) x.
   */
  static double[] transformed(double[] D, ModelData data, int regressors) {
    int n = D.length - 1;
    int length = data.length() - n;
    if (length <= 0) {
      return new double[0];
    }
    double[] w = new double[length];
    double[][] x = new double[length][regressors];
    for (int t = 0; t < length; t++) {
      double s = 0;
      for (int i = 0; i <= n; i++) {
        if (D[i] != 0) {
          s += D[i] * data.y().get(t + n - i, 0);
          for (int j = 0; j < regressors; j++) {
            x[t][j] += D[i] * data.exog().get(t + n - i, j);
          }
        }
      }
      w[t] = s;
      for (int j = 0; j < regressors; j++) {
        if (!Double.isFinite(x[t][j])) {
          w[t] = Double.NaN;
        }
      }
    }
    if (regressors == 0) {
      return w;
    }
    int rows = 0;
    for (double v : w) {
      rows += Double.isNaN(v) ? 0 : 1;
    }
    if (rows <= regressors) {
      return new double[0];
    }
    DMatrixRMaj X = new DMatrixRMaj(rows, regressors);
    DMatrixRMaj Y = new DMatrixRMaj(rows, 1);
    int r = 0;
    for (int t = 0; t < length; t++) {
      if (!Double.isNaN(w[t])) {
        for (int j = 0; j < regressors; j++) {
          X.set(r, j, x[t][j]);
        }
        Y.set(r++, 0, w[t]);
      }
    }
    DMatrixRMaj pinv = new DMatrixRMaj(regressors, rows);
    CommonOps_DDRM.pinv(X, pinv);
    DMatrixRMaj beta = new DMatrixRMaj(regressors, 1);
    CommonOps_DDRM.mult(pinv, Y, beta);
    for (int t = 0; t < length; t++) {
      for (int j = 0; j < regressors; j++) {
        w[t] -= x[t][j] * beta.get(j, 0);
      }
    }
    return w;
  }

  /**
   * γ̂(k) = Σ w_t w_{t−k} / pairs(k) over the pairs with both defined, k &lt; lags: about zero, not
   * about w's sample mean, since D(L) removes every state's initial value and the model gives w
   * mean zero. Null when w has fewer than {@link #MIN_PAIRS_PER_EQUATION} · lags defined values or
   * a lag has no pair.
   */
  static double[] autocovariances(double[] w, int lags) {
    int defined = 0;
    for (double v : w) {
      if (!Double.isNaN(v)) {
        defined++;
      }
    }
    if (defined < MIN_PAIRS_PER_EQUATION * lags) {
      return null;
    }
    double[] gamma = new double[lags];
    for (int k = 0; k < lags; k++) {
      double s = 0;
      int pairs = 0;
      for (int t = k; t < w.length; t++) {
        if (!Double.isNaN(w[t]) && !Double.isNaN(w[t - k])) {
          s += w[t] * w[t - k];
          pairs++;
        }
      }
      if (pairs == 0) {
        return null;
      }
      gamma[k] = s / pairs;
    }
    return gamma;
  }

  private static boolean isUpperHessenberg(DMatrixRMaj F) {
    for (int i = 2; i < F.numRows; i++) {
      for (int j = 0; j < i - 1; j++) {
        if (F.get(i, j) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
