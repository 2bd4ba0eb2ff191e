package io.gramian.estimation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.SeriesForecast;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link Backtest}'s folds, its forecasts from masked periods, and the input it refuses. */
class BacktestTest {

  /**
   * The masked filter and the forecaster run the same prediction recursions in different orders of
   * the same operations (a prediction step per missing period against one after the last update),
   * so they agree to rounding.
   */
  private static final double SAME_RECURSIONS = 1e-12;

  private static final Map<String, Double> NILE_PARAMETERS =
      Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1);

  @Test
  void eachFoldForecastsWhatAFitOnItsDataForecasts() {
    TimeSeries nile = Datasets.nile();
    BacktestResult r =
        Backtest.run(
            UnobservedComponents.localLevel(),
            ModelData.of(nile),
            BacktestOptions.of(4, 3)
                .withLevels(80)
                .withFit(FitOptions.defaults().withFixed(NILE_PARAMETERS)));
    assertEquals(List.of(94, 95, 96), r.folds().stream().map(f -> f.trainingLength()).toList());
    for (FoldForecast fold : r.folds()) {
      int m = fold.trainingLength();
      FitResult fit =
          MaximumLikelihood.fit(
              UnobservedComponents.localLevel(),
              ModelData.of(nile.slice(0, m)),
              FitOptions.defaults().withFixed(NILE_PARAMETERS));
      SeriesForecast expected = fit.forecast(4, 80, 95);
      assertEquals(nile.label(m - 1), fold.origin());
      for (int h = 1; h <= 4; h++) {
        ForecastStep ours = fold.steps().get(h - 1);
        ForecastStep theirs = expected.step(h);
        assertEquals(theirs.period(), ours.period());
        assertEquals(theirs.mean(), ours.mean(), SAME_RECURSIONS * Math.abs(theirs.mean()));
        assertEquals(
            theirs.standardError(), ours.standardError(), SAME_RECURSIONS * theirs.standardError());
        assertEquals(nile.value(m + h - 1), fold.actuals()[h - 1]);
      }
    }
    // the last fold's forecast ends at the last observation
    assertEquals("1970", r.folds().get(2).steps().get(3).period());
  }

  @Test
  void aModelWithRegressorsForecastsWithTheirActualValues() {
    int n = 80;
    double[] y = new double[n];
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    Random random = new Random(12);
    for (int t = 0; t < n; t++) {
      // on for a while in the training data, and again inside the last folds' forecast periods
      double step = (t >= 20 && t < 30) || t >= 75 ? 1 : 0;
      x.set(t, 0, step);
      y[t] = 100 + 50 * step + random.nextGaussian();
    }
    ModelData data = new ModelData(TimeSeries.of("y", y), x, List.of("shift"));
    BacktestResult r =
        Backtest.run(
            UnobservedComponents.named(
                "local-level", java.util.OptionalInt.empty(), "dummy", List.of("shift")),
            data,
            BacktestOptions.of(3, 5));
    // without the regressor's future values the forecasts would miss the shift of 50
    for (HorizonMetrics m : r.metrics()) {
      assertTrue(m.mae() < 5, () -> "horizon " + m.horizon() + ": MAE " + m.mae());
    }
  }

  @Test
  void metricsPerHorizonSkipMissingActualsAndLeaveMapeUndefinedAtAZero() {
    List<ForecastStep> steps =
        List.of(
            new ForecastStep(1, "a", 1.0, 1.0, List.of()),
            new ForecastStep(2, "b", 2.0, 1.0, List.of()));
    FoldForecast first =
        new FoldForecast(1, 10, "x", new double[0], true, true, steps, new double[] {2, 0}, 2.0);
    FoldForecast second =
        new FoldForecast(
            2, 11, "y", new double[0], false, true, steps, new double[] {-1, Double.NaN}, 4.0);
    HorizonMetrics one = HorizonMetrics.of(1, List.of(first, second), new double[0]);
    assertEquals(2, one.count());
    assertEquals(0, one.missing());
    assertEquals((1 + 2) / 2.0, one.mae());
    assertEquals(Math.sqrt((1 + 4) / 2.0), one.rmse());
    assertEquals(100 * (0.5 + 2) / 2, one.mape());
    assertEquals((1 / 2.0 + 2 / 4.0) / 2, one.mase());
    HorizonMetrics two = HorizonMetrics.of(2, List.of(first, second), new double[0]);
    assertEquals(1, two.count());
    assertEquals(1, two.missing());
    assertEquals(2.0, two.mae());
    assertTrue(Double.isNaN(two.mape()), "an actual of zero: MAPE undefined");
    assertEquals(1.0, two.mase());
  }

  @Test
  void theNaiveScaleUsesTheSeasonalLagAndSkipsMissingPairs() {
    double[] y = {1, 2, 4, Double.NaN, 5, 9};
    // lag 1 pairs: |2−1|, |4−2|, (4, NaN), (NaN, 5), |9−5| → (1 + 2 + 4) / 3
    assertEquals((1 + 2 + 4) / 3.0, NaiveScale.of(y, 6, 1));
    // lag 2 pairs: |4−1|, (NaN, 2), |5−4|, (9, NaN) → (3 + 1) / 2
    assertEquals((3 + 1) / 2.0, NaiveScale.of(y, 6, 2));
    assertTrue(Double.isNaN(NaiveScale.of(y, 2, 2)), "no pair");
  }

  @Test
  void theSpecificationEntryPointRunsTheNamedModel() {
    BacktestResult r = Backtest.run(ModelSpec.named("local-level"), Datasets.nile(), 2, 3);
    assertEquals(2, r.metrics().size());
    assertEquals(3, r.folds().size());
    assertEquals(List.of("sigma2.irregular", "sigma2.level"), r.parameterNames());
    assertTrue(r.overallRmse() > 0);
    assertEquals("horizon,mae,rmse,mape,mase,coverage", r.csv().lines().findFirst().orElseThrow());
  }

  @Test
  void refusesAHorizonOrFoldsOfZero() {
    IllegalArgumentException horizon =
        assertThrows(IllegalArgumentException.class, () -> BacktestOptions.of(0, 3));
    assertTrue(horizon.getMessage().contains("horizon"), horizon.getMessage());
    IllegalArgumentException folds =
        assertThrows(IllegalArgumentException.class, () -> BacktestOptions.of(3, 0));
    assertTrue(folds.getMessage().contains("fold"), folds.getMessage());
  }

  @Test
  void refusesFoldsThatLeaveTheFirstFoldTooLittleData() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Backtest.run(ModelSpec.named("local-level"), Datasets.nile(), 10, 88));
    // 100 − 10 − 88 + 1 = 3 observations; a local level needs 2 parameters + 1 diffuse + 1 = 4
    assertTrue(e.getMessage().contains("first fold 3 observed values"), e.getMessage());
    assertTrue(e.getMessage().contains("needs at least 4"), e.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> Backtest.run(ModelSpec.named("local-level"), Datasets.nile(), 60, 60));
    assertTrue(none.getMessage().contains("no observations"), none.getMessage());
  }

  @Test
  void refusesToRefitWhenEveryParameterIsFixed() {
    BacktestOptions options =
        BacktestOptions.of(2, 2)
            .withRefit(true)
            .withFit(FitOptions.defaults().withFixed(NILE_PARAMETERS));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Backtest.run(
                    UnobservedComponents.localLevel(), ModelData.of(Datasets.nile()), options));
    assertTrue(e.getMessage().contains("held fixed"), e.getMessage());
  }
}
