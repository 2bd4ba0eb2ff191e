package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code gramian fit} prints is what a Java caller gets from the fit: {@link
 * FitResult#summary()} (with {@code --forecast H}, followed by {@code fit.forecast(H).table()}),
 * character for character apart from the date and time of the run.
 */
class LibrarySummaryTest {

  private static final Path AIR = Path.of("..", "datasets", "air_passengers.csv");

  /** The date and time cells differ between two runs; everything else must not. */
  private static String withoutClock(String summary) {
    return summary
        .replaceAll("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4}", "<date>")
        .replaceAll("\\d{2}:\\d{2}:\\d{2}", "<time>");
  }

  @Test
  void theSummaryAndForecastAreWhatTheCommandLinePrints() {
    CliRun run =
        CliRun.run(
            "fit",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-level",
            "--forecast",
            "3",
            "--quiet");
    assertEquals(0, run.exitCode, run::toString);
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLevel(),
            ModelData.of(Datasets.nile()),
            FitOptions.defaults());
    assertEquals(withoutClock(run.out), withoutClock(fit.summary() + fit.forecast(3).table()));
  }

  @Test
  void aFixedParameterIsWhatTheCommandLinePrints() {
    CliRun run =
        CliRun.run(
            "fit",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-linear-trend",
            "--fix",
            "sigma2.trend=0",
            "--quiet");
    assertEquals(0, run.exitCode, run::toString);
    FitResult fit =
        MaximumLikelihood.fit(
            UnobservedComponents.localLinearTrend(),
            ModelData.of(Datasets.nile()),
            FitOptions.defaults().withFixed(Map.of("sigma2.trend", 0.0)));
    String summary = fit.summary();
    assertTrue(summary.contains("sigma2.trend (fixed)"), summary);
    assertEquals(withoutClock(run.out), withoutClock(summary));
  }

  @Test
  void theModelLineIsTheOneTheCallerGives() {
    CliRun run =
        CliRun.run(
            "fit",
            AIR.toString(),
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--seasonal-order",
            "0,1,1,12",
            "--transform",
            "log",
            "--quiet");
    assertEquals(0, run.exitCode, run::toString);
    FitResult fit =
        MaximumLikelihood.fit(
            Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)),
            ModelData.of(Datasets.airPassengers().log()),
            FitOptions.defaults());
    String summary = fit.summary("arima(0,1,1)x(0,1,1,12)", LocalDateTime.now());
    assertEquals(withoutClock(run.out), withoutClock(summary));
  }
}
