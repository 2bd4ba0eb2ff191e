package io.gramian.estimation.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.models.TrendSpecification;
import io.gramian.estimation.models.UnobservedComponents;
import io.gramian.estimation.models.UnobservedComponentsSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link FitResult#forecast(int, DMatrixRMaj, double...)} with the regressors' values over the
 * horizon, and {@link SeriesForecast#originalScale(double)}, against statsmodels 0.13.5's {@code
 * get_forecast(12, exog=…)} at the same parameters on UK drivers killed or seriously injured
 * (seatbelts.csv: the first 180 months of log drivers, regressors PetrolPrice and law, the 1984
 * regressors over the horizon), and the log-normal back-transformation of statsmodels' moments
 * computed with numpy ({@code statsmodels_future_forecasts.csv}, made by {@code
 * statsmodels_future_forecasts.py} beside it; see the README there). Cases: a local level with a
 * seasonal and the coefficients as diffuse states, the same with the coefficients as parameters, a
 * SARIMAX(1,0,0)(0,1,1,12), and the first on the base-10 logarithm.
 */
class FutureForecastReferenceTest {

  /**
   * Relative agreement on the modelled scale, as the contract asks (1e-8): both sides run the exact
   * diffuse filter and the forecast recursions in double precision; the seasonal's 11 diffuse
   * states and the regressors' 2 make the rounding larger than without regressors.
   */
  private static final double TOLERANCE = 1e-8;

  /**
   * On the original scale: b^x amplifies a relative error ε of x (here |x| ≲ 8 ln b) to about |x|
   * ln b · ε, so 1e-8 on the modelled scale allows 1e-7 here.
   */
  private static final double ORIGINAL_TOLERANCE = 1e-7;

  private static final String REFERENCE = "statsmodels_future_forecasts.csv";
  private static final int FITTED = 180;
  private static final int HORIZON = 12;
  private static final List<String> REGRESSORS = List.of("PetrolPrice", "law");

  @Test
  void localLevelSeasonalWithDiffuseCoefficients() throws IOException {
    FitResult fit =
        fitted(
            UnobservedComponents.named("local-level", OptionalInt.of(12), "dummy", REGRESSORS),
            drivers().log(),
            Map.of("sigma2.irregular", 0.0043, "sigma2.level", 0.0002, "sigma2.seasonal", 1e-6));
    check("uc_diffuse", fit, Math.E);
  }

  @Test
  void localLevelSeasonalWithCoefficientsByMaximumLikelihood() throws IOException {
    StateSpaceModel model =
        UnobservedComponents.of(
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
                .seasonal(12)
                .exog(REGRESSORS)
                .mleRegression(true)
                .build());
    FitResult fit =
        fitted(
            model,
            drivers().log(),
            Map.of(
                "sigma2.irregular", 0.0043,
                "sigma2.level", 0.0002,
                "sigma2.seasonal", 1e-6,
                "beta.PetrolPrice", -2.7,
                "beta.law", -0.24));
    check("uc_mle", fit, Math.E);
  }

  @Test
  void sarimaxWithRegressors() throws IOException {
    FitResult fit =
        fitted(
            Sarimax.of(SarimaxOrder.of(1, 0, 0, 0, 1, 1, 12)).withRegressors(REGRESSORS),
            drivers().log(),
            Map.of(
                "beta.PetrolPrice", -3.67,
                "beta.law", -0.225,
                "ar.L1", 0.437,
                "ma.S.L12", -0.78,
                "sigma2", 0.0064));
    check("sarimax", fit, Math.E);
  }

  @Test
  void baseTenLogarithm() throws IOException {
    double ln10sq = Math.log(10) * Math.log(10);
    FitResult fit =
        fitted(
            UnobservedComponents.named("local-level", OptionalInt.of(12), "dummy", REGRESSORS),
            drivers().log10(),
            Map.of(
                "sigma2.irregular", 0.0043 / ln10sq,
                "sigma2.level", 0.0002 / ln10sq,
                "sigma2.seasonal", 1e-6 / ln10sq));
    check("uc_diffuse_log10", fit, 10);
  }

  @Test
  void futureValuesAreRequiredAndChecked() {
    FitResult fit =
        fitted(
            UnobservedComponents.named("local-level", OptionalInt.of(12), "dummy", REGRESSORS),
            drivers().log(),
            Map.of("sigma2.irregular", 0.0043, "sigma2.level", 0.0002, "sigma2.seasonal", 1e-6));
    Exception none = assertThrows(IllegalArgumentException.class, () -> fit.forecast(3));
    assertEquals(
        "this fit has 2 regressors: a forecast needs their values over the 3 periods ahead"
            + " (forecast(horizon, futureExog, levels…))",
        none.getMessage());
    Exception few =
        assertThrows(IllegalArgumentException.class, () -> fit.forecast(13, future(), 95));
    assertEquals(
        "the regressors' future values cover 12 periods, fewer than the 13 to forecast",
        few.getMessage());
    Exception columns =
        assertThrows(
            IllegalArgumentException.class, () -> fit.forecast(2, new DMatrixRMaj(2, 1), 95));
    assertEquals(
        "the model has 2 regressors but the future values have 1 column", columns.getMessage());
    DMatrixRMaj missing = future();
    missing.set(1, 1, Double.NaN);
    Exception nan =
        assertThrows(IllegalArgumentException.class, () -> fit.forecast(2, missing, 95));
    assertEquals(
        "future value 2 of regressor 2 is NaN; the regressors' future values must be finite",
        nan.getMessage());
    // A row past the horizon is not read.
    assertEquals(
        fit.forecast(1, future()).step(1).mean(), fit.forecast(1, missing).step(1).mean(), 0);

    FitResult plain =
        plain(
            UnobservedComponents.localLevel(),
            drivers().log(),
            Map.of("sigma2.irregular", 0.0043, "sigma2.level", 0.0002));
    Exception extra =
        assertThrows(IllegalArgumentException.class, () -> plain.forecast(2, future(), 95));
    assertEquals(
        "this fit has no regressors, but future values of 2 were given", extra.getMessage());
  }

  @Test
  void originalScaleRefusesABaseNotAboveOneAndAnOverflow() {
    FitResult fit =
        plain(
            UnobservedComponents.localLevel(),
            drivers().log(),
            Map.of("sigma2.irregular", 0.0043, "sigma2.level", 0.0002));
    SeriesForecast forecast = fit.forecast(2);
    assertThrows(IllegalArgumentException.class, () -> forecast.originalScale(1));
    FitResult huge =
        plain(
            UnobservedComponents.localLevel(),
            TimeSeries.of("big", new double[] {800, 801, 802, 803}),
            Map.of("sigma2.irregular", 1.0, "sigma2.level", 1.0));
    Exception overflow =
        assertThrows(IllegalArgumentException.class, () -> huge.forecast(1).originalScale(10));
    assertTrue(overflow.getMessage().startsWith("the forecast for 5 (median) overflows"));
  }

  private static void check(String name, FitResult fit, double base) throws IOException {
    List<double[]> rows = reference(name);
    assertEquals(HORIZON, rows.size());
    SeriesForecast forecast = fit.forecast(HORIZON, future(), 80, 95);
    OriginalScaleForecast original = forecast.originalScale(base);
    assertEquals("1984-01", forecast.step(1).period());
    for (double[] r : rows) {
      // step, mean, se, lower80, upper80, lower95, upper95, median, original mean, original bounds
      ForecastStep s = forecast.step((int) r[0]);
      OriginalScaleStep o = original.step((int) r[0]);
      String at = name + " step " + s.step();
      close(r[1], s.mean(), TOLERANCE, at + " mean");
      close(r[2], s.standardError(), TOLERANCE, at + " standard error");
      close(r[3], s.interval(80).lower(), TOLERANCE, at + " lower 80");
      close(r[4], s.interval(80).upper(), TOLERANCE, at + " upper 80");
      close(r[5], s.interval(95).lower(), TOLERANCE, at + " lower 95");
      close(r[6], s.interval(95).upper(), TOLERANCE, at + " upper 95");
      close(r[7], o.median(), ORIGINAL_TOLERANCE, at + " median");
      close(r[8], o.mean(), ORIGINAL_TOLERANCE, at + " original mean");
      close(r[9], o.interval(80).lower(), ORIGINAL_TOLERANCE, at + " original lower 80");
      close(r[10], o.interval(80).upper(), ORIGINAL_TOLERANCE, at + " original upper 80");
      close(r[11], o.interval(95).lower(), ORIGINAL_TOLERANCE, at + " original lower 95");
      close(r[12], o.interval(95).upper(), ORIGINAL_TOLERANCE, at + " original upper 95");
    }
  }

  private static FitResult fitted(
      StateSpaceModel model, TimeSeries series, Map<String, Double> parameters) {
    ModelData data = new ModelData(series, regressors(0, series.length()), REGRESSORS);
    return MaximumLikelihood.fit(model, data, FitOptions.defaults().withFixed(parameters));
  }

  /** A fit without regressors at the given parameters. */
  private static FitResult plain(
      StateSpaceModel model, TimeSeries series, Map<String, Double> parameters) {
    return MaximumLikelihood.fit(
        model, ModelData.of(series), FitOptions.defaults().withFixed(parameters));
  }

  private static TimeSeries drivers() {
    return Datasets.seatbelts().column("drivers").slice(0, FITTED);
  }

  /** The regressors of 1984, the 12 months after the fitted data. */
  private static DMatrixRMaj future() {
    return regressors(FITTED, FITTED + HORIZON);
  }

  private static DMatrixRMaj regressors(int from, int to) {
    TimeSeriesFrame frame = Datasets.seatbelts();
    DMatrixRMaj x = new DMatrixRMaj(to - from, REGRESSORS.size());
    for (int j = 0; j < REGRESSORS.size(); j++) {
      TimeSeries column = frame.column(REGRESSORS.get(j));
      for (int t = from; t < to; t++) {
        x.set(t - from, j, column.value(t));
      }
    }
    return x;
  }

  private static void close(double expected, double actual, double tolerance, String what) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), what);
  }

  private static List<double[]> reference(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (InputStream in = FutureForecastReferenceTest.class.getResourceAsStream(REFERENCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
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
