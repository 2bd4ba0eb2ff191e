package io.gramian.estimation.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.diagnostics.StandardNormal;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FitResult#simulateForecast}: the paths' mean and 2.5%, 10%, 90% and 97.5% quantiles at
 * every horizon agree with the analytic forecast's mean and 80% and 95% bounds ({@link
 * FitResult#forecast}, itself checked against statsmodels in {@link ForecastReferenceTest}) within
 * Monte Carlo error, on a structural model and a seasonal ARIMA, both with exact diffuse starts.
 */
class ForecastPathsTest {

  /**
   * Bound of each comparison in standard errors: se(mean) = σ_h/√N and, for the sample p-quantile,
   * sqrt(p(1 − p)/N)/φ(z_p)·σ_h (its asymptotic normal law). 5 comparisons per horizon, 5 + 12
   * horizons: 85 comparisons, each failing with probability about 5.7e-7 under the model at 5
   * standard errors. Seeded: the outcome is fixed.
   */
  private static final double Z = 5.0;

  private static final int PATHS = 10000;

  @Test
  void nileLocalLevelPathsMatchTheForecast() {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    check(fit, 5, 42L);
  }

  @Test
  void airlinePathsMatchTheForecast() {
    FitResult fit =
        FitAtParameters.of(
            Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)),
            Datasets.airPassengers().log(),
            Map.of("ma.L1", -0.4, "ma.S.L12", -0.55, "sigma2", 0.0014));
    check(fit, 12, 43L);
  }

  @Test
  void seedsPeriodsAndBadArguments() {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    ForecastPaths a = fit.simulateForecast(3, 4, 7L);
    ForecastPaths b = fit.simulateForecast(3, 4, 7L);
    assertEquals(List.of("1971", "1972", "1973"), a.periods());
    assertEquals(4, a.paths());
    assertEquals(7L, a.seed());
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(a.values()[i], b.values()[i], 0.0);
    }
    assertEquals(a.values()[2][1], a.value(3, 2), 0.0);
    assertThrows(IllegalArgumentException.class, () -> fit.simulateForecast(0, 4, 7L));
    assertThrows(IllegalArgumentException.class, () -> fit.simulateForecast(3, 0, 7L));
    assertThrows(IllegalArgumentException.class, () -> a.quantile(1, 1.0));
  }

  private static void check(FitResult fit, int horizon, long seed) {
    SeriesForecast forecast = fit.forecast(horizon, 80, 95);
    ForecastPaths paths = fit.simulateForecast(horizon, PATHS, seed);
    assertEquals(forecast.periods(), paths.periods());
    for (int h = 1; h <= horizon; h++) {
      ForecastStep step = forecast.step(h);
      double sigma = step.standardError();
      within(paths.mean(h), step.mean(), sigma / Math.sqrt(PATHS), "mean", h);
      Interval i80 = step.intervals().get(0);
      Interval i95 = step.intervals().get(1);
      within(paths.quantile(h, 0.10), i80.lower(), quantileSe(0.10, sigma), "10%", h);
      within(paths.quantile(h, 0.90), i80.upper(), quantileSe(0.90, sigma), "90%", h);
      within(paths.quantile(h, 0.025), i95.lower(), quantileSe(0.025, sigma), "2.5%", h);
      within(paths.quantile(h, 0.975), i95.upper(), quantileSe(0.975, sigma), "97.5%", h);
    }
  }

  private static double quantileSe(double p, double sigma) {
    double density = StandardNormal.density(StandardNormal.quantile(p));
    return Math.sqrt(p * (1 - p) / PATHS) / density * sigma;
  }

  private static void within(double actual, double expected, double se, String what, int h) {
    assertTrue(
        Math.abs(actual - expected) <= Z * se,
        what
            + " at h = "
            + h
            + ": "
            + actual
            + " vs "
            + expected
            + " ("
            + (actual - expected) / se
            + " se)");
  }
}
