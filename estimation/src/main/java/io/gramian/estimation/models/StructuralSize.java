package io.gramian.estimation.models;

import io.gramian.estimation.model.ModelSize;

/**
 * The size of an unobserved components model from its specification, in {@code long} arithmetic (a
 * seasonal period near 2³¹ makes the int sums of {@link UnobservedComponentsSpec} overflow): its
 * states and diffuse states summed component by component, the AR component's order as its longest
 * lag, and the longest seasonal period (dummy or trigonometric).
 */
final class StructuralSize {

  private StructuralSize() {}

  static ModelSize of(UnobservedComponentsSpec spec, long parameters, String label) {
    long states = spec.trend().states();
    long diffuse = spec.trend().states();
    long period = 0;
    if (spec.seasonal() != null) {
      states += spec.seasonal().states();
      diffuse += spec.seasonal().states();
      period = spec.seasonal().period();
    }
    for (FrequencySeasonal f : spec.frequencySeasonals()) {
      states += f.states();
      diffuse += f.diffuseStates();
      period = Math.max(period, f.period());
    }
    if (spec.cycle() != null) {
      states += 2;
      diffuse += spec.cycle().isStationary() ? 0 : 2;
    }
    states += spec.autoregressiveOrder();
    states += spec.exogNames().size();
    diffuse += spec.mleRegression() ? 0 : spec.exogNames().size();
    return new ModelSize(
        label, Math.max(states, 1), diffuse, parameters, spec.autoregressiveOrder(), period);
  }
}
