package io.gramian.estimation.models;

import io.gramian.estimation.transform.ParameterTransform;

/**
 * A parameter confined to an open interval (a, b) by the logistic function, as statsmodels
 * constrains the cycle's frequency and damping:
 *
 * <pre>
 *   natural = a + (b − a) σ(θ),          σ(θ) = 1 / (1 + e^{−θ})
 *   θ       = log(x / (1 − x)),          x = (natural − a) / (b − a)
 *   θ̄       = (b − a) σ(θ) (1 − σ(θ)) · natural̄
 * </pre>
 *
 * One parameter (k = 1). The bounds must be finite: a frequency bound of 0 (an infinitely long
 * cycle) is finite, an infinite period bound becomes the frequency 0.
 */
public final class Bounded implements ParameterTransform {

  private final String name;
  private final double lower;
  private final double upper;

  /**
   * @param name the parameter's name, for messages
   * @param lower a, finite
   * @param upper b, finite, b &gt; a
   * @throws IllegalArgumentException when the bounds are not finite or not increasing
   */
  public Bounded(String name, double lower, double upper) {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
      throw new IllegalArgumentException(
          name + ": the bounds (" + lower + ", " + upper + ") must be finite with lower < upper");
    }
    this.name = name;
    this.lower = lower;
    this.upper = upper;
  }

  /** a. */
  public double lower() {
    return lower;
  }

  /** b. */
  public double upper() {
    return upper;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public double[] toNatural(double[] theta) {
    requireLength(theta, "theta");
    return new double[] {lower + (upper - lower) * logistic(theta[0])};
  }

  /**
   * @throws IllegalArgumentException naming the parameter when the value is not strictly inside (a,
   *     b) or not finite
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    requireLength(natural, "natural");
    double v = natural[0];
    if (!(v > lower && v < upper)) {
      throw new IllegalArgumentException(
          name + " = " + v + " is outside its open interval (" + lower + ", " + upper + ")");
    }
    double x = (v - lower) / (upper - lower);
    return new double[] {Math.log(x / (1 - x))};
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    requireLength(theta, "theta");
    requireLength(naturalBar, "naturalBar");
    // σ(1 − σ) = e^{−|θ|} / (1 + e^{−|θ|})², without the cancellation of 1 − σ for large θ.
    double e = Math.exp(-Math.abs(theta[0]));
    double slope = e / ((1 + e) * (1 + e));
    return new double[] {(upper - lower) * slope * naturalBar[0]};
  }

  /** σ(θ), evaluated without overflow for either sign of θ. */
  private static double logistic(double theta) {
    if (theta >= 0) {
      return 1 / (1 + Math.exp(-theta));
    }
    double e = Math.exp(theta);
    return e / (1 + e);
  }

  private void requireLength(double[] values, String what) {
    if (values.length != 1) {
      throw new IllegalArgumentException(
          name + ": " + what + " has length " + values.length + ", expected 1");
    }
  }
}
