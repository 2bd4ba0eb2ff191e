package io.gramian.estimation.transform;

import java.util.List;

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
public final class Square implements ParameterTransform {

  private final List<String> names;

  /**
   * @param names the variances' names, one per entry
   */
  public Square(String... names) {
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
      natural[i] = theta[i] * theta[i];
    }
    return natural;
  }

  /**
   * θ = √σ².
   *
   * @throws IllegalArgumentException naming the parameter when a variance is negative, NaN or
   *     infinite
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    double[] theta = new double[natural.length];
    for (int i = 0; i < natural.length; i++) {
      if (natural[i] < 0) {
        throw new IllegalArgumentException(
            names.get(i) + " = " + natural[i] + " is negative; a variance must be ≥ 0");
      }
      theta[i] = Math.sqrt(natural[i]);
    }
    return theta;
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    double[] thetaBar = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      thetaBar[i] = 2 * theta[i] * naturalBar[i];
    }
    return thetaBar;
  }
}
