package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.FilterException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Bad input gives a clear error; a degenerate series gives an answer, not a crash. */
class UnobservedComponentsInputTest {

  /**
   * A constant series has no finite maximum (ℓ → +∞ as the variances → 0): the estimates end at
   * zero to within this fraction of y², far below anything a variance of the series could be.
   */
  private static final double CONSTANT_SERIES_ZERO = 1e-20;

  @Test
  void fewerObservationsThanDiffuseStatesPlusOneIsRejected() {
    UnobservedComponents bsm = UnobservedComponents.bsm(12, "dummy");
    ModelData thirteen = ModelData.of(Arrays.copyOf(ReferenceSeries.lnKsi().observed(0), 13));
    // A fit: the size rule (ModelSizeRule) asks for two full seasons, more than δ + 1 = 14.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MaximumLikelihood.fit(bsm, thirteen, FitOptions.defaults()));
    assertTrue(
        e.getMessage()
            .contains(
                "needs at least 24 observations (two full seasons of"
                    + " period 12); the data has 13"),
        e.getMessage());
    // An evaluation of ℓ needs δ + 1 observed values, which the model checks itself.
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LogLikelihood(bsm, thirteen, Map.of(), TriaRule.MASKED));
    assertTrue(e.getMessage().contains("too few observations"), e.getMessage());
    assertTrue(e.getMessage().contains("13 diffuse initial states"), e.getMessage());
    assertTrue(e.getMessage().contains("at least 14"), e.getMessage());
  }

  @Test
  void missingValuesDoNotCountAsObservations() {
    ModelData oneObserved = ModelData.of(Double.NaN, 3.0, Double.NaN);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    UnobservedComponents.localLevel(), oneObserved, Map.of(), TriaRule.MASKED));
    assertTrue(e.getMessage().contains("the series has 1"), e.getMessage());
  }

  @Test
  void justEnoughObservationsGiveALikelihood() {
    ModelData fourteen = ModelData.of(Arrays.copyOf(ReferenceSeries.lnKsi().observed(0), 14));
    UnobservedComponents bsm = UnobservedComponents.bsm(12, "dummy");
    LogLikelihood ll = new LogLikelihood(bsm, fourteen, Map.of(), TriaRule.MASKED);
    double value = ll.value(ll.layout().unconstrained(new double[] {0.003, 0.001, 1e-4, 1e-4}));
    assertTrue(Double.isFinite(value));
  }

  @Test
  void aRegressorTheDataNeverIdentifyIsAFilterError() {
    double[] y = ReferenceSeries.lnKsi().observed(0);
    ModelData data =
        ReferenceSeries.withExog(y, new double[][] {new double[y.length]}, List.of("zero"));
    UnobservedComponents model =
        UnobservedComponents.named("local-level", OptionalInt.empty(), null, List.of("zero"));
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    FilterException e =
        assertThrows(
            FilterException.class,
            () -> ll.value(ll.layout().unconstrained(new double[] {0.002, 0.01})));
    assertTrue(e.getMessage().contains("identify only 1 of the 2"), e.getMessage());
  }

  @Test
  void regressorsMustMatchTheModel() {
    ModelData data = ReferenceSeries.lnKsi("law");
    UnobservedComponents model =
        UnobservedComponents.named("local-level", OptionalInt.empty(), null, List.of("petrol"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LogLikelihood(model, data, Map.of(), TriaRule.MASKED));
    assertTrue(
        e.getMessage().contains("[petrol]") && e.getMessage().contains("[law]"), e.getMessage());
  }

  @Test
  void aConstantSeriesFitsWithVariancesAtZero() {
    double[] y = new double[20];
    Arrays.fill(y, 5.0);
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(), ModelData.of(y), FitOptions.defaults());
    for (double v : fit.estimates()) {
      assertTrue(v >= 0 && v <= CONSTANT_SERIES_ZERO * 25, "estimate " + v);
    }
    assertTrue(Double.isFinite(fit.logLikelihood()));
    // ℓ is unbounded above here; when the optimiser stops short of a criterion it says so.
    assertTrue(fit.converged() || !fit.warnings().isEmpty());
  }

  @Test
  void unknownModelNamesAreListed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> UnobservedComponents.named("local-trend", OptionalInt.empty(), null, List.of()));
    assertTrue(e.getMessage().contains("local-trend"), e.getMessage());
    for (String name : UnobservedComponents.NAMES) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void bsmNeedsAPeriodAndAKnownSeasonalType() {
    IllegalArgumentException noPeriod =
        assertThrows(
            IllegalArgumentException.class,
            () -> UnobservedComponents.named("bsm", OptionalInt.empty(), null, List.of()));
    assertTrue(noPeriod.getMessage().contains("--seasonal"), noPeriod.getMessage());
    IllegalArgumentException badType =
        assertThrows(
            IllegalArgumentException.class,
            () -> UnobservedComponents.named("bsm", OptionalInt.of(12), "fourier", List.of()));
    assertTrue(badType.getMessage().contains("dummy, trig"), badType.getMessage());
    IllegalArgumentException badPeriod =
        assertThrows(IllegalArgumentException.class, () -> UnobservedComponents.bsm(1, "trig"));
    assertTrue(badPeriod.getMessage().contains("at least 2"), badPeriod.getMessage());
  }

  @Test
  void specificationsWithoutNoiseOrWithClashingNamesAreRejected() {
    IllegalArgumentException noNoise =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                UnobservedComponentsSpec.builder(TrendSpecification.NONE)
                    .seasonal(new Seasonal(4, false))
                    .build());
    assertTrue(noNoise.getMessage().contains("no stochastic component"), noNoise.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .exog("x", "x")
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .frequencySeasonal(12)
                .frequencySeasonal(12)
                .build());
    assertThrows(IllegalArgumentException.class, () -> new FrequencySeasonal(12, 7, true));
    assertThrows(IllegalArgumentException.class, () -> new Cycle(true, true, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> TrendSpecification.of("ltrend"));
  }

  @Test
  void fixedBoundedParametersOutsideTheirIntervalAreNamed() {
    UnobservedComponents model =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .cycle(Cycle.dampedStochastic())
                .build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LogLikelihood(
                    model, ReferenceSeries.unemp(), Map.of("damping.cycle", 1.0), TriaRule.MASKED));
    assertTrue(e.getMessage().contains("damping.cycle"), e.getMessage());
  }

  @Test
  void startValuesAreStrictlyFeasibleForEveryModel() {
    for (UnobservedComponentsGradientTest.Case c : UnobservedComponentsGradientTest.cases()) {
      LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      double[] start = c.model().startParameters(ll.data());
      double[] theta = ll.layout().unconstrained(start); // throws if infeasible
      for (int i = 0; i < start.length; i++) {
        if (ll.layout().isVariance(i)) {
          assertTrue(start[i] > 0, c.label() + ": " + ll.layout().names().get(i));
        }
      }
      assertTrue(Double.isFinite(ll.value(theta)), c.label());
    }
  }
}
