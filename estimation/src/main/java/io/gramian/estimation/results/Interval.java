package io.gramian.estimation.results;

import io.gramian.estimation.diagnostics.StandardNormal;

/**
 * A two-sided normal interval at a confidence level: {@code mean ∓ z·se} with z = Φ⁻¹((1 +
 * level/100)/2) (1.959964 at level 95, 1.281552 at level 80), as statsmodels' {@code conf_int}.
 *
 * @param level the confidence level in percent, strictly between 0 and 100 (such as 80 or 95)
 * @param lower the lower bound, NaN when the standard error is undefined (NaN)
 * @param upper the upper bound, NaN when the standard error is undefined (NaN)
 */
public record Interval(double level, double lower, double upper) {

  /** Checks the level. */
  public Interval {
    checkLevel(level);
  }

  /**
   * The interval {@code mean ∓ z·se} at {@code level} percent; NaN bounds when {@code se} is NaN
   * (undefined).
   */
  public static Interval normal(double mean, double se, double level) {
    double z = quantile(level);
    return new Interval(level, mean - z * se, mean + z * se);
  }

  /** z = Φ⁻¹((1 + level/100)/2), the half-width of the interval in standard errors. */
  public static double quantile(double level) {
    checkLevel(level);
    return StandardNormal.quantile(0.5 + level / 200);
  }

  /**
   * @throws IllegalArgumentException unless 0 &lt; level &lt; 100
   */
  static void checkLevel(double level) {
    if (!(level > 0 && level < 100)) {
      throw new IllegalArgumentException(
          "a confidence level is a percentage strictly between 0 and 100 (such as 80 or 95), got "
              + level);
    }
  }
}
