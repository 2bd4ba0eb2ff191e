package io.gramian.estimation.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.diagnostics.StandardNormal;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.models.UnobservedComponents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FitResult#forecast(int, double...)} against statsmodels 0.13.5's {@code get_forecast} at
 * the same parameters (exact diffuse start): mean, standard error and the 80% and 95% intervals at
 * every step ({@code statsmodels_forecasts.csv}, made by {@code statsmodels_forecasts.py} beside
 * it; see the README there).
 */
class ForecastReferenceTest {

  /**
   * Relative agreement: both sides run the exact diffuse filter and the forecast recursions in
   * double precision, so they differ by rounding; 1e-9 leaves room for the airline model's 14
   * diffuse-start states.
   */
  private static final double TOLERANCE = 1e-9;

  private static final String REFERENCE = "statsmodels_forecasts.csv";

  @Test
  void nileLocalLevel() throws IOException {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    check("nile_local_level", fit, List.of("1971", "1972", "1973"));
  }

  @Test
  void nileLocalLinearTrend() throws IOException {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLinearTrend(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 14000.0, "sigma2.level", 1200.0, "sigma2.trend", 5.0));
    check("nile_local_linear_trend", fit, List.of("1971", "1972"));
  }

  @Test
  void airlineOnLogAirPassengers() throws IOException {
    TimeSeries air = Datasets.airPassengers().log();
    FitResult fit =
        FitAtParameters.of(
            Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12)),
            air,
            Map.of("ma.L1", -0.4, "ma.S.L12", -0.55, "sigma2", 0.0014));
    check("air_airline", fit, List.of("1961-01", "1961-02"));
  }

  @Test
  void levelsAreSortedAndEachIsChecked() {
    FitResult fit =
        FitAtParameters.of(
            UnobservedComponents.localLevel(),
            Datasets.nile(),
            Map.of("sigma2.irregular", 15099.0, "sigma2.level", 1469.1));
    SeriesForecast forecast = fit.forecast(2, 95, 80);
    assertEquals(
        List.of(80.0, 95.0), forecast.step(1).intervals().stream().map(Interval::level).toList());
    assertEquals(95.0, forecast.step(1).widest().level());
    // the interval is mean ± z₀.₉₇₅ se exactly as computed (upper − mean would round once more)
    double mean = forecast.step(1).mean();
    double halfWidth = StandardNormal.Z95 * forecast.step(1).standardError();
    assertEquals(mean + halfWidth, forecast.step(1).interval(95).upper(), 0);
    assertEquals(mean - halfWidth, forecast.step(1).interval(95).lower(), 0);
    assertEquals(1, fit.forecast(1).levels().length); // 95 by default
    Exception bad = assertThrows(IllegalArgumentException.class, () -> fit.forecast(3, 100));
    assertEquals(
        "a confidence level is a percentage strictly between 0 and 100 (such as 80 or 95), got"
            + " 100.0",
        bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> fit.forecast(3, 80, 80));
    assertThrows(IllegalArgumentException.class, () -> fit.forecast(0));
    assertThrows(IllegalArgumentException.class, () -> forecast.step(1).interval(90));
  }

  private static void check(String name, FitResult fit, List<String> firstPeriods)
      throws IOException {
    List<double[]> rows = reference(name);
    SeriesForecast forecast = fit.forecast(rows.size(), 80, 95);
    assertEquals(rows.size(), forecast.horizon());
    assertEquals(firstPeriods, forecast.periods().subList(0, firstPeriods.size()));
    for (double[] r : rows) { // step, mean, se, lower80, upper80, lower95, upper95
      ForecastStep s = forecast.step((int) r[0]);
      String at = name + " step " + s.step();
      close(r[1], s.mean(), at + " mean");
      close(r[2], s.standardError(), at + " standard error");
      close(r[3], s.interval(80).lower(), at + " lower 80");
      close(r[4], s.interval(80).upper(), at + " upper 80");
      close(r[5], s.interval(95).lower(), at + " lower 95");
      close(r[6], s.interval(95).upper(), at + " upper 95");
    }
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, TOLERANCE * Math.abs(expected), what);
  }

  private static List<double[]> reference(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = ForecastReferenceTest.class.getResourceAsStream(REFERENCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // case,step,mean,se,lower80,upper80,lower95,upper95
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split(",");
        if (f[0].equals(name)) {
          double[] r = new double[f.length - 1];
          for (int j = 1; j < f.length; j++) {
            r[j - 1] = Double.parseDouble(f[j]);
          }
          rows.add(r);
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no rows for case " + name + " in " + REFERENCE);
    }
    return rows;
  }
}
