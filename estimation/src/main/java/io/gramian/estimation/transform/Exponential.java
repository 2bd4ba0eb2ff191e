package io.gramian.estimation.transform;

/**
 * natural = exp(θ), entry by entry, for parameters that must be strictly positive: the diagonal of
 * a Cholesky factor, whose positivity makes the factor of a covariance unique. θ̄ = exp(θ)
 * natural̄.
 *
 * <p>Unlike {@link Square}, the boundary natural = 0 is not reachable (θ → −∞); a covariance that
 * tends to singular shows as a diagonal entry shrinking towards zero. An optimiser heading for that
 * boundary can take θ below −745, where exp(θ) underflows to 0, a value no θ maps to: so natural is
 * floored at {@link #SMALLEST}, reached at θ = ln SMALLEST ≈ −708.4, below which natural is
 * constant (derivative 0). Every natural value the map yields converts back, and every θ above the
 * floor keeps exp(θ) exactly.
 */
public final class Exponential extends EntrywiseTransform {

  /**
   * @param names the parameters' names, one per entry
   */
  public Exponential(String... names) {
    super(names);
  }

  /**
   * The smallest natural value: the smallest positive normal double, 2.2e-308, whose logarithm is
   * finite and whose exponential gives it back.
   */
  public static final double SMALLEST = Double.MIN_NORMAL;

  private static final double THETA_FLOOR = Math.log(SMALLEST);

  @Override
  double natural(double theta) {
    return theta > THETA_FLOOR ? Math.exp(theta) : SMALLEST;
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
    return theta > THETA_FLOOR ? Math.exp(theta) : 0;
  }
}
