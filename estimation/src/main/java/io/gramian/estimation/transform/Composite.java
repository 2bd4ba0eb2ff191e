package io.gramian.estimation.transform;

import java.util.Arrays;
import java.util.List;

/**
 * Transforms side by side: part j acts on the slice [o_j, o_j + k_j) of θ and of the natural
 * parameters (o_j the sum of the earlier parts' sizes), so J is block diagonal and each block's
 * pull-back is its part's. The vector is that of the free parameters; fixed parameters are left out
 * of it by the model layer.
 */
public final class Composite implements ParameterTransform {

  private final List<ParameterTransform> parts;
  private final int[] offsets; // offsets[j] = o_j, offsets[parts.size()] = size()

  /**
   * @param parts the transforms, in the order of their slices
   */
  public Composite(List<? extends ParameterTransform> parts) {
    this.parts = List.copyOf(parts);
    this.offsets = new int[this.parts.size() + 1];
    for (int j = 0; j < this.parts.size(); j++) {
      offsets[j + 1] = offsets[j] + this.parts.get(j).size();
    }
  }

  /** The transforms, in the order of their slices. */
  public static Composite of(ParameterTransform... parts) {
    return new Composite(List.of(parts));
  }

  /** The parts, in slice order (unmodifiable). */
  public List<ParameterTransform> parts() {
    return parts;
  }

  /** The first index of part j's slice. */
  public int offset(int j) {
    return offsets[j];
  }

  @Override
  public int size() {
    return offsets[parts.size()];
  }

  @Override
  public double[] toNatural(double[] theta) {
    Lengths.require(theta, size(), "theta");
    double[] natural = new double[size()];
    for (int j = 0; j < parts.size(); j++) {
      place(parts.get(j).toNatural(slice(theta, j)), natural, j);
    }
    return natural;
  }

  @Override
  public double[] toUnconstrained(double[] natural) {
    Lengths.require(natural, size(), "natural");
    double[] theta = new double[size()];
    for (int j = 0; j < parts.size(); j++) {
      place(parts.get(j).toUnconstrained(slice(natural, j)), theta, j);
    }
    return theta;
  }

  @Override
  public double[] pullBack(double[] theta, double[] naturalBar) {
    Lengths.require(theta, size(), "theta");
    Lengths.require(naturalBar, size(), "naturalBar");
    double[] thetaBar = new double[size()];
    for (int j = 0; j < parts.size(); j++) {
      place(parts.get(j).pullBack(slice(theta, j), slice(naturalBar, j)), thetaBar, j);
    }
    return thetaBar;
  }

  private double[] slice(double[] values, int j) {
    return Arrays.copyOfRange(values, offsets[j], offsets[j + 1]);
  }

  private void place(double[] part, double[] whole, int j) {
    System.arraycopy(part, 0, whole, offsets[j], part.length);
  }
}
