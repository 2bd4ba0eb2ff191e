package io.gramian.estimation.models;

import io.gramian.estimation.model.ParameterBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of an {@link UnobservedComponents} model in statsmodels' order and spelling
 * ({@code UnobservedComponents.param_names}): the observation variance, the state variances in
 * state order, the transition parameters, the regression coefficients:
 *
 * <pre>
 *   sigma2.irregular, sigma2.level, sigma2.trend, sigma2.seasonal,
 *   sigma2.freq_seasonal_&lt;s&gt;(&lt;h&gt;) …, sigma2.cycle, sigma2.ar,
 *   sigma2.beta.&lt;name&gt; …                              (time-varying coefficients)
 *   frequency.cycle, damping.cycle, ar.L1 … ar.Lp,
 *   beta.&lt;name&gt; …                                    (only with mle_regression)
 * </pre>
 *
 * statsmodels has no time-varying regression coefficients, so {@code sigma2.beta.<name>} is
 * Gramian's name, placed with the other state variances in state order (the regression states come
 * last). Each present only when its component is (and stochastic, for a variance). Transforms:
 * variances σ² = θ² ({@link ParameterBlock#variance}), the frequency and the damping {@link
 * Bounded} (logistic, as statsmodels), AR coefficients stationary ({@link
 * ParameterBlock#autoregressive}), β real.
 */
final class ParameterOrder {

  static final String IRREGULAR = "sigma2.irregular";
  static final String LEVEL = "sigma2.level";
  static final String TREND = "sigma2.trend";
  static final String SEASONAL = "sigma2.seasonal";
  static final String CYCLE = "sigma2.cycle";
  static final String AR_VARIANCE = "sigma2.ar";
  static final String CYCLE_FREQUENCY = "frequency.cycle";
  static final String CYCLE_DAMPING = "damping.cycle";

  private ParameterOrder() {}

  static String ar(int lag) {
    return "ar.L" + lag;
  }

  static String beta(String exogName) {
    return "beta." + exogName;
  }

  /** The variance of a time-varying coefficient's random walk, {@code sigma2.beta.<name>}. */
  static String betaVariance(String exogName) {
    return "sigma2.beta." + exogName;
  }

  static List<ParameterBlock> blocks(UnobservedComponentsSpec spec) {
    List<ParameterBlock> blocks = new ArrayList<>();
    TrendSpecification trend = spec.trend();
    if (trend.irregular()) {
      blocks.add(ParameterBlock.variance(IRREGULAR));
    }
    if (trend.stochasticLevel()) {
      blocks.add(ParameterBlock.variance(LEVEL));
    }
    if (trend.stochasticTrend()) {
      blocks.add(ParameterBlock.variance(TREND));
    }
    if (spec.seasonal() != null && spec.seasonal().stochastic()) {
      blocks.add(ParameterBlock.variance(SEASONAL));
    }
    for (FrequencySeasonal f : spec.frequencySeasonals()) {
      if (f.stochastic()) {
        blocks.add(ParameterBlock.variance(f.varianceName()));
      }
    }
    Cycle cycle = spec.cycle();
    if (cycle != null && cycle.stochastic()) {
      blocks.add(ParameterBlock.variance(CYCLE));
    }
    int p = spec.autoregressiveOrder();
    if (p > 0) {
      blocks.add(ParameterBlock.variance(AR_VARIANCE));
    }
    for (String x : spec.varyingExog()) {
      blocks.add(ParameterBlock.variance(betaVariance(x)));
    }
    if (cycle != null) {
      blocks.add(
          ParameterBlock.transformed(
              new Bounded(CYCLE_FREQUENCY, cycle.minFrequency(), cycle.maxFrequency()),
              CYCLE_FREQUENCY));
      if (cycle.damped()) {
        blocks.add(ParameterBlock.transformed(new Bounded(CYCLE_DAMPING, 0, 1), CYCLE_DAMPING));
      }
    }
    if (p > 0) {
      String[] names = new String[p];
      for (int i = 0; i < p; i++) {
        names[i] = ar(i + 1);
      }
      blocks.add(ParameterBlock.autoregressive(names));
    }
    if (spec.mleRegression() && !spec.exogNames().isEmpty()) {
      blocks.add(
          ParameterBlock.real(
              spec.exogNames().stream().map(ParameterOrder::beta).toArray(String[]::new)));
    }
    return blocks;
  }
}
