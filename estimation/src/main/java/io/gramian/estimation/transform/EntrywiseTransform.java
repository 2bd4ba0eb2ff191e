package io.gramian.estimation.transform;

import java.util.List;

/**
 * A transform applied to each parameter alone, {@code natural_i = g(θ_i)}, with {@code θ̄_i =
 * g′(θ_i) natural̄_i}: the length checks and loops once, the scalar map {@code g}, its inverse and
 * its derivative in the subclass.
 */
abstract class EntrywiseTransform implements ParameterTransform {

  /** The parameters' names, one per entry, for messages. */
  final List<String> names;

  EntrywiseTransform(String... names) {
    this.names = List.of(names);
  }

  /** g(θ). */
  abstract double natural(double theta);

  /**
   * g⁻¹(natural) for a finite value.
   *
   * @throws IllegalArgumentException naming the parameter when the value is outside g's range
   */
  abstract double unconstrained(double natural, String name);

  /** g′(θ). */
  abstract double derivative(double theta);

  @Override
  public final int size() {
    return names.size();
  }

  @Override
  public final double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    double[] natural = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      natural[i] = natural(theta[i]);
    }
    return natural;
  }

  @Override
  public final double[] toUnconstrained(double[] natural) {
    Lengths.requireFinite(natural, names);
    double[] theta = new double[natural.length];
    for (int i = 0; i < natural.length; i++) {
      theta[i] = unconstrained(natural[i], names.get(i));
    }
    return theta;
  }

  @Override
  public final double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    double[] thetaBar = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      thetaBar[i] = derivative(theta[i]) * naturalBar[i];
    }
    return thetaBar;
  }
}
