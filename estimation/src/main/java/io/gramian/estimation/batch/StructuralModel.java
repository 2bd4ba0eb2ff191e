package io.gramian.estimation.batch;

import io.gramian.estimation.models.Cycle;
import io.gramian.estimation.models.FrequencySeasonal;
import io.gramian.estimation.models.Seasonal;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.models.UnobservedComponentsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@link UnobservedComponents} model a {@link ModelSpec} names: the trend of its model name
 * ({@link UnobservedComponents#trendNamed}), then the components its options add, each checked
 * against the others so that a bad combination is one message naming the options:
 *
 * <pre>
 *   --seasonal S (repeated)   one seasonal per period, at least 2, each period once
 *   --seasonal-type T[,T...]  dummy or trig: one for all the periods or one per period;
 *                             at most one dummy seasonal (statsmodels' seasonal=s)
 *   --harmonics K[,K...]      trigonometric seasonals only: one for all of them or one each
 *   --cycle [--damped-cycle]  a stochastic cycle, damped or not, period in (2, ∞)
 *   --autoregressive P        an AR(P) component, P ≥ 1
 *   --exog-varying A,B        coefficients that follow random walks (sigma2.beta.A, …)
 * </pre>
 */
final class StructuralModel {

  private static final String DUMMY = "dummy";
  private static final String TRIG = "trig";

  private StructuralModel() {}

  static UnobservedComponents of(ModelSpec spec, List<String> exog) {
    String name = UnobservedComponents.canonicalName(spec.model());
    UnobservedComponentsSpec.Builder b =
        UnobservedComponentsSpec.builder(UnobservedComponents.trendNamed(name));
    StructuralOptions c = spec.components();
    List<Integer> periods = spec.seasonalPeriods();
    if (name.equals(UnobservedComponents.BSM) && periods.isEmpty()) {
      throw new IllegalArgumentException(
          "model bsm needs a seasonal period (--seasonal S), e.g. 12 for monthly data");
    }
    addSeasonals(b, periods, spec.seasonalType(), c.harmonics());
    if (c.dampedCycle() && !c.cycle()) {
      throw new IllegalArgumentException(
          "--damped-cycle goes with --cycle: write --cycle --damped-cycle for a damped cycle");
    }
    if (c.cycle()) {
      b.cycle(new Cycle(true, c.dampedCycle(), Cycle.DEFAULT_MIN_PERIOD, Double.POSITIVE_INFINITY));
    }
    if (c.autoregressive() != null) {
      if (c.autoregressive() < 1) {
        throw new IllegalArgumentException(
            "--autoregressive takes an order P of at least 1, got " + c.autoregressive());
      }
      b.autoregressive(c.autoregressive());
    }
    b.exog(spec.regressors(exog));
    b.varyingExog(c.exogVarying());
    return new UnobservedComponents(name, b.build());
  }

  private static void addSeasonals(
      UnobservedComponentsSpec.Builder b,
      List<Integer> periods,
      String seasonalType,
      String harmonicsText) {
    List<String> types = seasonalTypes(seasonalType, periods.size());
    Set<Integer> seen = new HashSet<>();
    for (int period : periods) {
      if (period < 2) {
        throw new IllegalArgumentException(
            "--seasonal takes a period of at least 2, got " + period);
      }
      if (!seen.add(period)) {
        throw new IllegalArgumentException("--seasonal " + period + " is given twice");
      }
    }
    if (types.stream().filter(DUMMY::equals).count() > 1) {
      throw new IllegalArgumentException(
          "a model has at most one dummy seasonal (as statsmodels'); make the others"
              + " trigonometric, e.g. --seasonal 7 --seasonal 365 --seasonal-type dummy,trig");
    }
    int trig = (int) types.stream().filter(TRIG::equals).count();
    int[] harmonics = harmonics(harmonicsText, trig);
    int next = 0;
    for (int i = 0; i < periods.size(); i++) {
      int period = periods.get(i);
      if (types.get(i).equals(DUMMY)) {
        b.seasonal(new Seasonal(period, true));
      } else {
        int h = harmonics == null ? period / 2 : harmonics[next++];
        if (h < 1 || h > period / 2) {
          throw new IllegalArgumentException(
              "--harmonics: a trigonometric seasonal of period "
                  + period
                  + " takes 1 to "
                  + period / 2
                  + " harmonics, got "
                  + h);
        }
        b.frequencySeasonal(new FrequencySeasonal(period, h, true));
      }
    }
  }

  /** The type of each period: one given for all, or one per period. */
  private static List<String> seasonalTypes(String text, int periods) {
    if (text == null || text.isBlank()) {
      return java.util.Collections.nCopies(periods, DUMMY);
    }
    List<String> types = new ArrayList<>();
    for (String t : text.split(",", -1)) {
      String type = t.strip().toLowerCase(Locale.ROOT);
      if (!type.equals(DUMMY) && !type.equals(TRIG)) {
        throw new IllegalArgumentException(
            "unknown seasonal type \"" + t.strip() + "\"; the types are: dummy, trig");
      }
      types.add(type);
    }
    if (periods == 0) {
      if (types.equals(List.of(DUMMY))) {
        return List.of();
      }
      throw new IllegalArgumentException("--seasonal-type goes with --seasonal S");
    }
    if (types.size() == 1) {
      return java.util.Collections.nCopies(periods, types.get(0));
    }
    if (types.size() != periods) {
      throw new IllegalArgumentException(
          "--seasonal-type gives "
              + types.size()
              + " types for "
              + periods
              + " seasonal periods; give one for all or one per --seasonal");
    }
    return types;
  }

  /** The harmonics of each trigonometric seasonal, or null for ⌊s/2⌋ each. */
  private static int[] harmonics(String text, int trig) {
    if (text == null) {
      return null;
    }
    if (trig == 0) {
      throw new IllegalArgumentException(
          "--harmonics goes with a trigonometric seasonal: add --seasonal-type trig");
    }
    String[] parts = text.split(",", -1);
    int[] h = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        h[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--harmonics takes positive integers K or K1,K2,..., got \"" + text + "\"");
      }
    }
    if (h.length == 1) {
      int[] all = new int[trig];
      Arrays.fill(all, h[0]);
      return all;
    }
    if (h.length != trig) {
      throw new IllegalArgumentException(
          "--harmonics gives "
              + h.length
              + " numbers for "
              + trig
              + " trigonometric seasonals; give one for all or one per trigonometric seasonal");
    }
    return h;
  }
}
