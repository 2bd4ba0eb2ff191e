package io.gramian.estimation.models;

import java.util.ArrayList;
import java.util.List;

/**
 * statsmodels' names of the states of an unobserved components model ({@code
 * UnobservedComponents.state_names}), in state order:
 *
 * <pre>
 *   level, trend, seasonal, seasonal.L1 … seasonal.L(s−2),
 *   freq_seasonal.0 … (numbered across all trigonometric seasonals),
 *   cycle, cycle.auxilliary (statsmodels' spelling), ar.L1 … ar.Lp, beta.&lt;name&gt; …, dummy
 * </pre>
 *
 * {@code dummy} is the unused state of a model of the irregular alone. Regression coefficients are
 * states in both of Gramian's regression forms, so they are named in both.
 */
final class StateNames {

  private StateNames() {}

  static List<String> of(UnobservedComponentsSpec spec) {
    List<String> names = new ArrayList<>();
    if (spec.trend().level()) {
      names.add("level");
    }
    if (spec.trend().trend()) {
      names.add("trend");
    }
    if (spec.seasonal() != null) {
      names.add("seasonal");
      for (int i = 1; i < spec.seasonal().states(); i++) {
        names.add("seasonal.L" + i);
      }
    }
    int trig = spec.frequencySeasonals().stream().mapToInt(FrequencySeasonal::states).sum();
    for (int i = 0; i < trig; i++) {
      names.add("freq_seasonal." + i);
    }
    if (spec.cycle() != null) {
      names.add("cycle");
      names.add("cycle.auxilliary");
    }
    for (int i = 1; i <= spec.autoregressiveOrder(); i++) {
      names.add("ar.L" + i);
    }
    for (String x : spec.exogNames()) {
      names.add("beta." + x);
    }
    if (names.isEmpty()) {
      names.add("dummy");
    }
    return names;
  }
}
