package io.gramian.estimation.fit;

import io.gramian.estimation.diagnostics.StandardNormal;
import io.gramian.estimation.results.Interval;

/**
 * One parameter of a fit, an immutable value: its estimate on the natural scale and its standard
 * error, with the z value, two-sided p value and normal confidence interval derived from them as
 * statsmodels' summary derives them:
 *
 * <pre>
 *   z = estimate / se,   P&gt;|z| = 2(1 − Φ(|z|)),   interval estimate ∓ Φ⁻¹((1 + level/100)/2)·se
 * </pre>
 *
 * <p><b>NaN means undefined.</b> The standard error is NaN, never null, where it is not defined: a
 * parameter held fixed, a variance estimated at its zero boundary, or a fit whose parameter
 * covariance could not be computed (the fit's warnings say why). Then z, p and the interval's
 * bounds are NaN as well; {@link #hasStandardError()} tells the cases apart. Otherwise the standard
 * error is finite and positive.
 *
 * @param name the parameter's name (statsmodels' spelling, e.g. {@code sigma2.level})
 * @param estimate the estimate, natural scale
 * @param standardError the standard error, NaN where undefined
 * @param free whether the parameter was estimated (false: held at a fixed value)
 */
public record ParameterEstimate(String name, double estimate, double standardError, boolean free) {

  /** Whether the standard error is defined (not NaN). */
  public boolean hasStandardError() {
    return !Double.isNaN(standardError);
  }

  /** z = estimate / standard error; NaN where the standard error is undefined. */
  public double zValue() {
    return estimate / standardError;
  }

  /** The two-sided p value 2(1 − Φ(|z|)) of estimate = 0; NaN where z is undefined. */
  public double pValue() {
    return hasStandardError() ? StandardNormal.twoSidedPValue(zValue()) : Double.NaN;
  }

  /**
   * The normal interval at {@code level} percent (such as 95); NaN bounds where the standard error
   * is undefined.
   */
  public Interval confidenceInterval(double level) {
    return Interval.normal(estimate, standardError, level);
  }
}
