package io.gramian.estimation.transform;

import java.util.List;

/**
 * natural = exp(θ), entry by entry, for parameters that must be strictly positive: the diagonal of
 * a Cholesky factor, whose positivity makes the factor of a covariance unique. θ̄ = exp(θ)
 * natural̄.
 *
 * <p>Unlike {@link Square}, the boundary natural = 0 is not reachable (θ → −∞); a covariance that
 * tends to singular shows as a diagonal entry shrinking towards zero.
 */
public final class Exponential implements ParameterTransform {

  private final List<String> names;

  /**
   * @param names the parameters' names, one per entry
   */
  public Exponential(String... names) {
    this.names = List.of(names);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    double[] natural = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      natural[i] = Math.exp(theta[i]);
    }
    return natural;
  }

  /**
   * θ = log(natural).
   *
   * @throws IllegalArgumentException naming the parameter when a value is not positive, NaN or
   *     infinite
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    double[] theta = new double[natural.length];
    for (int i = 0; i < natural.length; i++) {
      if (!(natural[i] > 0)) {
        throw new IllegalArgumentException(
            names.get(i) + " = " + natural[i] + " is not positive; it must be > 0");
      }
      theta[i] = Math.log(natural[i]);
    }
    return theta;
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    double[] thetaBar = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      thetaBar[i] = Math.exp(theta[i]) * naturalBar[i];
    }
    return thetaBar;
  }
}
