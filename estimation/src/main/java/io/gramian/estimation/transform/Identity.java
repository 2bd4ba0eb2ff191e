package io.gramian.estimation.transform;

import java.util.List;

/**
 * natural = θ, for real-valued parameters (regression coefficients {@code beta.x}, the ARIMA {@code
 * mean}). J = I, so θ̄ = natural̄.
 */
public final class Identity implements ParameterTransform {

  private final List<String> names;

  /**
   * @param names the parameters' names, one per entry
   */
  public Identity(String... names) {
    this.names = List.of(names);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    return theta.clone();
  }

  /**
   * @throws IllegalArgumentException naming the parameter when a value is NaN or infinite
   */
  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    return natural.clone();
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    return naturalBar.clone();
  }
}
