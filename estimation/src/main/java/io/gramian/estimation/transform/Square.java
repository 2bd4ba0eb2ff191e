package io.gramian.estimation.transform;

/**
 * σ² = θ², for variances (as statsmodels does), entry by entry; θ̄ = 2 θ σ²̄.
 *
 * <p>Why a square rather than exp or softplus: a variance estimated at exactly zero is common (a
 * local level model whose level does not move, σ²_level = 0) and it is reached at the finite θ = 0,
 * where ℓ stays smooth; with σ² = exp(θ) the optimiser would chase θ → −∞ with a vanishing gradient
 * and never report the boundary. The price: ∂σ²/∂θ = 0 at θ = 0, so a start at exactly θ = 0 never
 * moves that variance; start values should be positive. The map is two-to-one (±θ give the same
 * σ²): {@link #toUnconstrained} returns the non-negative root.
 */
public final class Square extends EntrywiseTransform {

  /**
   * @param names the variances' names, one per entry
   */
  public Square(String... names) {
    super(names);
  }

  @Override
  double natural(double theta) {
    return theta * theta;
  }

  /**
   * θ = √σ².
   *
   * @throws IllegalArgumentException naming the parameter when a variance is negative, NaN or
   *     infinite
   */
  @Override
  double unconstrained(double natural, String name) {
    if (natural < 0) {
      throw new IllegalArgumentException(
          name + " = " + natural + " is negative; a variance must be ≥ 0");
    }
    return Math.sqrt(natural);
  }

  @Override
  double derivative(double theta) {
    return 2 * theta;
  }
}
