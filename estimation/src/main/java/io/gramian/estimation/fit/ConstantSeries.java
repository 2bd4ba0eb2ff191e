package io.gramian.estimation.fit;

import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import java.util.Locale;

/**
 * A series whose observed values are all equal. A model that can reproduce it exactly (with a
 * level, a mean, differencing or a near-unit root) predicts every observation after the first
 * without error as its variances go to zero, and there ℓ → +∞: the likelihood has no maximum, and
 * wherever the optimiser stops, the variances, their standard errors and ℓ mean nothing. That is
 * the explanation a user needs, not the optimiser's advice on scaling. A model that cannot
 * reproduce the constant (a zero-mean white noise, say) has a proper maximum and converges with a
 * positive variance; it gets no such warning.
 */
public final class ConstantSeries {

  /**
   * A variance at or below this fraction of y² (of the smallest normal double when y = 0) has gone
   * to zero: no variance of a series with 16 significant digits is resolved below 1e-12 of its
   * square; the fits that run off to the boundary end near 1e-30 of it.
   */
  static final double VARIANCE_AT_ZERO = 1e-12;

  private ConstantSeries() {}

  /**
   * The warning for a fit of a constant series that ran to a zero variance or did not converge, or
   * {@code null} when the series is not constant or the fit found a proper maximum.
   *
   * @param data the series as the user gave it
   * @param natural the estimates, natural scale
   */
  static String warning(
      ModelData data, ParameterLayout layout, double[] natural, boolean converged) {
    double value = constantValue(data);
    if (Double.isNaN(value)) {
      return null;
    }
    double zero = VARIANCE_AT_ZERO * Math.max(value * value, Double.MIN_NORMAL);
    boolean atZero = false;
    for (int i = 0; i < natural.length; i++) {
      if (layout.freeIndex(i) >= 0 && layout.isVariance(i) && natural[i] <= zero) {
        atZero = true;
      }
    }
    if (converged && !atZero) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "the series is constant (all %d observed values are %s): the likelihood grows without"
            + " bound as a variance goes to zero, so it has no maximum; the reported variances,"
            + " standard errors and log-likelihood are meaningless",
        data.observedCount(),
        number(value));
  }

  /**
   * The common value of every observed entry, or NaN when they differ or fewer than two are
   * observed. Thread-safe: reads {@code data} only.
   */
  public static double constantValue(ModelData data) {
    double[] y = data.y().data;
    double value = Double.NaN;
    int observed = 0;
    for (double v : y) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (observed > 0 && v != value) {
        return Double.NaN;
      }
      value = v;
      observed++;
    }
    return observed >= 2 ? value : Double.NaN;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
