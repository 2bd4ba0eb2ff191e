package io.gramian.estimation.diagnostics;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution N(0, 1), defined once for the library: its density φ, its
 * distribution function Φ, its quantile Φ⁻¹ and the two-sided 95% quantile used for every interval
 * and band.
 *
 * <pre>
 *   φ(x) = exp(−x²/2) / √(2π)
 *   Φ(x) = erfc(−x/√2) / 2
 *   Φ⁻¹(p) = √2 · erf⁻¹(2p − 1)
 * </pre>
 *
 * (commons-math3's {@code Erf}, as its {@code NormalDistribution} computes them.)
 */
public final class StandardNormal {

  private static final double SQRT2 = Math.sqrt(2);

  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);

  /**
   * Φ⁻¹(0.975) ≈ 1.959964, the half-width in standard deviations of a 95% interval. (Declared after
   * the constants {@link #quantile} uses, so that it is computed with them.)
   */
  public static final double Z95 = quantile(0.975);

  private StandardNormal() {}

  /** φ(x), the density. */
  public static double density(double x) {
    return Math.exp(-0.5 * x * x) / SQRT2PI;
  }

  /** Φ(x) = P(Z ≤ x). */
  public static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / SQRT2);
  }

  /** P(|Z| ≥ |z|) = erfc(|z|/√2), the two-sided p-value of a z statistic. */
  public static double twoSidedPValue(double z) {
    return Erf.erfc(Math.abs(z) / SQRT2);
  }

  /**
   * Φ⁻¹(p), the x with Φ(x) = p; −∞ at 0 and +∞ at 1.
   *
   * @throws IllegalArgumentException when p is outside [0, 1] or NaN
   */
  public static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "a normal quantile needs a probability in [0, 1], got " + p);
    }
    return SQRT2 * Erf.erfInv(2 * p - 1);
  }
}
