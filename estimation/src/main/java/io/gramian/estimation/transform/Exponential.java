package io.gramian.estimation.transform;

/**
 * natural = exp(θ), entry by entry, for parameters that must be strictly positive: the diagonal of
 * a Cholesky factor, whose positivity makes the factor of a covariance unique. θ̄ = exp(θ)
 * natural̄.
 *
 * <p>Unlike {@link Square}, the boundary natural = 0 is not reachable (θ → −∞); a covariance that
 * tends to singular shows as a diagonal entry shrinking towards zero.
 */
public final class Exponential extends EntrywiseTransform {

  /**
   * @param names the parameters' names, one per entry
   */
  public Exponential(String... names) {
    super(names);
  }

  @Override
  double natural(double theta) {
    return Math.exp(theta);
  }

  /**
   * θ = log(natural).
   *
   * @throws IllegalArgumentException naming the parameter when a value is not positive, NaN or
   *     infinite
   */
  @Override
  double unconstrained(double natural, String name) {
    if (!(natural > 0)) {
      throw new IllegalArgumentException(
          name + " = " + natural + " is not positive; it must be > 0");
    }
    return Math.log(natural);
  }

  @Override
  double derivative(double theta) {
    return Math.exp(theta);
  }
}
