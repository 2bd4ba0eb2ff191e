package io.gramian.estimation.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One component to plot, an immutable value: a name and the linear combination wᵀx of the state it
 * is (a single state is a unit vector). Its mean is wᵀm and its standard deviation ‖Sᵀw‖ for a
 * state estimate with mean m and factor S.
 *
 * @param name the panel's label, such as {@code level}
 * @param weights w, one weight per state
 */
public record ComponentSpec(String name, double[] weights) {

  /** Copies the weights and checks them. */
  public ComponentSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a component needs a name");
    }
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("component " + name + " needs at least one weight");
    }
    boolean any = false;
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("component " + name + " has a non-finite weight");
      }
      any |= w != 0;
    }
    if (!any) {
      throw new IllegalArgumentException("component " + name + " has only zero weights");
    }
    weights = weights.clone();
  }

  /** The single state {@code index} (0-based) of an {@code nx}-dimensional state. */
  public static ComponentSpec state(String name, int nx, int index) {
    if (index < 0 || index >= nx) {
      throw new IllegalArgumentException(
          "component " + name + ": state " + index + " is outside 0.." + (nx - 1));
    }
    double[] w = new double[nx];
    w[index] = 1;
    return new ComponentSpec(name, w);
  }

  /**
   * One component per state whose name does not start with an underscore (those are auxiliary
   * states, such as the lagged seasonal dummies, not meant to be plotted), in state order.
   */
  public static List<ComponentSpec> fromStateNames(List<String> stateNames) {
    List<ComponentSpec> specs = new ArrayList<>();
    for (int i = 0; i < stateNames.size(); i++) {
      String name = stateNames.get(i);
      if (!name.startsWith("_")) {
        specs.add(state(name, stateNames.size(), i));
      }
    }
    return List.copyOf(specs);
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The number of states nx. */
  public int size() {
    return weights.length;
  }
}
