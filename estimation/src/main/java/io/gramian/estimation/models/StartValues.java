package io.gramian.estimation.models;

import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.transform.Stationary;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Start values of an {@link UnobservedComponents} model, computed as statsmodels' {@code
 * UnobservedComponents.start_params} computes them (on the observed values, missing ones dropped;
 * var and std with divisor n):
 *
 * <pre>
 *   level present:   τ₁ = HP(y), r = y − τ₁                        (Hodrick–Prescott, λ = 1600)
 *     stochastic trend:   τ₂ = HP(τ₁);  σ²_trend = var(τ₂);  σ²_level = var(τ₁ − τ₂)
 *     else stochastic level:  σ²_level = var(τ₁)
 *   no level:        r = y
 *   mle regression:  β = X⁺ r,  r ← r − X β
 *   AR(p):           φ = least squares of r_t on r_{t−1} … r_{t−p};  r ← its residuals;
 *                    σ²_ar = var(r)
 *   every other variance (irregular, seasonal, trigonometric seasonal, cycle) = var(r)
 *   cycle:           ρ = clip(least squares of r_t on r_{t−1}, 0.01, 0.99);
 *                    λ = midpoint of its bounds (π/2 for the default (0, π))
 *   time-varying coefficient j (Gramian's own; statsmodels has none):
 *                    σ²_β,j = {@link #VARYING_FRACTION} · var(r) / mean(x_j²)
 * </pre>
 *
 * Three departures, all to keep the start strictly feasible for the optimiser: a variance is raised
 * to at least {@link #MIN_RELATIVE_VARIANCE} times the series' variance (a zero start would never
 * move under σ² = θ², and statsmodels' values can be zero, e.g. for a constant series), the damping
 * is clipped to [0.01, 0.99] rather than [0, 0.99] (0 is on the boundary of its logistic
 * transform), and a non-stationary least-squares φ is replaced by 0. statsmodels uses the data's
 * calendar frequency for the cycle's start (a 3-year period); Gramian's data carry none, so the
 * midpoint is used, as statsmodels does without dates.
 */
final class StartValues {

  /**
   * Smallest start for a variance, relative to the variance of the observed series (or to max(1,
   * mean²) for a constant series). It bounds the start only: the optimiser moves freely below it,
   * down to 0. Small enough not to override statsmodels' values on real series, large enough that θ
   * = √σ² starts well away from its stationary point at 0.
   */
  static final double MIN_RELATIVE_VARIANCE = 1e-4;

  /**
   * The share of the residual variance a time-varying coefficient's random walk starts with, per
   * step, in y's units (divided by mean(x²) to be a variance of β): small, as a coefficient that
   * moved as much as the irregular would leave little to the other components, but far from 0.
   */
  static final double VARYING_FRACTION = 0.01;

  /** Bounds of the damping's start. */
  static final double MIN_DAMPING = 0.01;

  static final double MAX_DAMPING = 0.99;

  private StartValues() {}

  /** Start values by parameter name. */
  static Map<String, Double> of(UnobservedComponentsSpec spec, ModelData data) {
    int[] rows = observedRows(data);
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = data.y().get(rows[i], 0);
    }
    Map<String, Double> start = new HashMap<>();
    TrendSpecification trend = spec.trend();
    double[] resid = y;
    if (trend.level()) {
      double[] trend1 = HodrickPrescott.trend(y, HodrickPrescott.DEFAULT_LAMBDA);
      resid = minus(y, trend1);
      if (trend.stochasticTrend()) {
        double[] trend2 = HodrickPrescott.trend(trend1, HodrickPrescott.DEFAULT_LAMBDA);
        start.put(ParameterOrder.TREND, variance(trend2));
        if (trend.stochasticLevel()) {
          start.put(ParameterOrder.LEVEL, variance(minus(trend1, trend2)));
        }
      } else if (trend.stochasticLevel()) {
        start.put(ParameterOrder.LEVEL, variance(trend1));
      }
    }
    if (spec.mleRegression() && !spec.exogNames().isEmpty()) {
      DMatrixRMaj X = new DMatrixRMaj(rows.length, spec.exogNames().size());
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < X.numCols; j++) {
          X.set(i, j, data.exog().get(rows[i], j));
        }
      }
      double[] beta = leastSquares(X, resid);
      for (int j = 0; j < beta.length; j++) {
        start.put(ParameterOrder.beta(spec.exogNames().get(j)), beta[j]);
      }
      resid = minus(resid, times(X, beta));
    }
    int p = spec.autoregressiveOrder();
    if (p > 0) {
      double[] phi = new double[p];
      if (resid.length > 2 * p) {
        DMatrixRMaj X = lags(resid, p);
        double[] target = java.util.Arrays.copyOfRange(resid, p, resid.length);
        phi = leastSquares(X, target);
        if (!isStationary(phi)) {
          phi = new double[p];
        }
        resid = minus(target, times(X, phi));
      }
      for (int i = 0; i < p; i++) {
        start.put(ParameterOrder.ar(i + 1), phi[i]);
      }
      start.put(ParameterOrder.AR_VARIANCE, variance(resid));
    }
    double residualVariance = variance(resid);
    start.put(ParameterOrder.IRREGULAR, residualVariance);
    start.put(ParameterOrder.SEASONAL, residualVariance);
    for (FrequencySeasonal f : spec.frequencySeasonals()) {
      start.put(f.varianceName(), residualVariance);
    }
    Cycle cycle = spec.cycle();
    if (cycle != null) {
      start.put(ParameterOrder.CYCLE, residualVariance);
      start.put(ParameterOrder.CYCLE_FREQUENCY, (cycle.minFrequency() + cycle.maxFrequency()) / 2);
      double rho = resid.length > 1 ? lagOneCoefficient(resid) : 0;
      start.put(
          ParameterOrder.CYCLE_DAMPING,
          Math.min(MAX_DAMPING, Math.max(MIN_DAMPING, Double.isFinite(rho) ? rho : 0)));
    }
    double floor = MIN_RELATIVE_VARIANCE * scale(y);
    for (Map.Entry<String, Double> e : start.entrySet()) {
      if (e.getKey().startsWith("sigma2.") && !(e.getValue() >= floor)) {
        e.setValue(floor);
      }
    }
    for (String x : spec.varyingExog()) {
      int j = spec.exogNames().indexOf(x);
      double meanSquare = 0;
      for (int row : rows) {
        double v = data.exog().get(row, j);
        meanSquare += v * v / rows.length;
      }
      double inY = VARYING_FRACTION * Math.max(residualVariance, floor);
      start.put(
          ParameterOrder.betaVariance(x),
          meanSquare > 0 && Double.isFinite(meanSquare) ? inY / meanSquare : inY);
    }
    return start;
  }

  /** var(y), or max(1, mean²) when the series is constant. */
  private static double scale(double[] y) {
    double v = variance(y);
    if (v > 0) {
      return v;
    }
    double m = y.length == 0 ? 0 : y[0];
    return Math.max(1, m * m);
  }

  private static int[] observedRows(ModelData data) {
    int[] rows = new int[data.length()];
    int n = 0;
    for (int t = 0; t < data.length(); t++) {
      if (!Double.isNaN(data.y().get(t, 0))) {
        rows[n++] = t;
      }
    }
    return java.util.Arrays.copyOf(rows, n);
  }

  /** Population variance (divisor n), as numpy's var; 0 for fewer than two values. */
  static double variance(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / x.length;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] - b[i];
    }
    return c;
  }

  private static double[] times(DMatrixRMaj X, double[] b) {
    double[] y = new double[X.numRows];
    for (int i = 0; i < X.numRows; i++) {
      for (int j = 0; j < X.numCols; j++) {
        y[i] += X.get(i, j) * b[j];
      }
    }
    return y;
  }

  /** β = X⁺ y (the minimum-norm least-squares solution, numpy's pinv(X).dot(y)). */
  private static double[] leastSquares(DMatrixRMaj X, double[] y) {
    DMatrixRMaj pinv = new DMatrixRMaj(X.numCols, X.numRows);
    CommonOps_DDRM.pinv(X, pinv);
    double[] beta = new double[X.numCols];
    for (int j = 0; j < X.numCols; j++) {
      for (int i = 0; i < X.numRows; i++) {
        beta[j] += pinv.get(j, i) * y[i];
      }
    }
    return beta;
  }

  /** Rows [r_{t−1}, …, r_{t−p}] for t = p … n − 1 (statsmodels' lagmat, trim "both"). */
  private static DMatrixRMaj lags(double[] r, int p) {
    DMatrixRMaj X = new DMatrixRMaj(r.length - p, p);
    for (int t = p; t < r.length; t++) {
      for (int j = 0; j < p; j++) {
        X.set(t - p, j, r[t - 1 - j]);
      }
    }
    return X;
  }

  /** Σ r_t r_{t−1} / Σ r_{t−1}², the least-squares AR(1) coefficient without intercept. */
  private static double lagOneCoefficient(double[] r) {
    double num = 0;
    double den = 0;
    for (int t = 1; t < r.length; t++) {
      num += r[t] * r[t - 1];
      den += r[t - 1] * r[t - 1];
    }
    return num / den;
  }

  private static boolean isStationary(double[] phi) {
    String[] names = new String[phi.length];
    java.util.Arrays.setAll(names, i -> ParameterOrder.ar(i + 1));
    try {
      Stationary.autoregressive(names).toUnconstrained(phi);
      return true;
    } catch (IllegalArgumentException notStationary) {
      return false;
    }
  }
}
