package io.gramian.estimation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.arima.Sarimax;
import io.gramian.estimation.arima.SarimaxOrder;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.ForecastStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Backtest} against two peers, every fold's forecast (mean, 80% and 95% bounds) and the
 * peers' own per-horizon MAE, RMSE, MAPE, MASE and coverage (see the README beside the reference
 * files): R's forecast package at R's first-fold estimates ({@code Arima(x, model = fit1)} in a
 * loop, checked in the script against {@code tsCV}), and statsmodels at its own exact-diffuse
 * estimates, estimated once ({@code res.apply}) or refitted on every fold.
 */
class BacktestReferenceTest {

  /**
   * Forecasts at R's parameters, relative to max(1, |value|): R starts the differencing states with
   * variance κ = 1e6 where Gramian's start is exactly diffuse, which moves the airline model's
   * forecasts by up to 6.4e-8 of their size (measured; the Nile's single diffuse state by 3e-16).
   */
  static final double AT_R_PARAMETERS = 1e-6;

  /**
   * Estimates and forecasts at each side's own maximum-likelihood estimates, relative to max(1,
   * |value|): the statsmodels script maximises with Nelder-Mead to within about 1e-7 of the
   * maximum; measured, the estimates agree to 4.2e-8 and the forecasts and bounds to 1.6e-9.
   */
  static final double AT_OWN_ESTIMATES = 1e-6;

  /** The logarithms of the same integers from numpy and from Java may differ in the last bit. */
  private static final double LOG_ROUNDING = 1e-15;

  private static final Map<String, String> AIRLINE_NAMES =
      Map.of("ma1", "ma.L1", "sma1", "ma.S.L12", "sigma2", "sigma2");

  private static final Map<String, String> NILE_NAMES = Map.of("ma1", "ma.L1", "sigma2", "sigma2");

  @Test
  void airlineAtRsFirstFoldEstimates() {
    ReferenceBacktest r = new ReferenceBacktest("r", "air_fixed");
    BacktestResult result =
        run(airline(), air(), 12, 12, false, r.firstFoldEstimates(AIRLINE_NAMES));
    assertEquals(12, result.season());
    check(r, result, AT_R_PARAMETERS);
  }

  /**
   * The airline model of log passengers with its errors on the passengers' scale, as R's forecast
   * with {@code lambda = 0}: the median exp(μ) as the point forecast, the bounds carried back, MASE
   * scaled on the original data. The log-scale forecasts' 6.4e-8 (above) becomes the same relative
   * error here.
   */
  @Test
  void airlineOnTheOriginalScaleAtRsEstimates() {
    ReferenceBacktest r = new ReferenceBacktest("r", "air_lambda0");
    BacktestResult result =
        run(airline(), air(), 12, 12, false, r.firstFoldEstimates(AIRLINE_NAMES))
            .originalScale(Datasets.airPassengers(), Math.E);
    assertEquals(Datasets.airPassengers().name(), result.series().name());
    check(r, result, AT_R_PARAMETERS);
  }

  @Test
  void nileWithMissingValuesAtRsEstimates() {
    double[] y = Datasets.nile().values();
    y[94] = Double.NaN; // in the training data of the later folds
    y[97] = Double.NaN; // an actual of several folds: skipped and counted
    TimeSeries nile = TimeSeries.of("flow", Datasets.nile().index(), y);
    ReferenceBacktest r = new ReferenceBacktest("r", "nile_fixed");
    BacktestResult result =
        run(
            Sarimax.of(SarimaxOrder.of(0, 1, 1)),
            nile,
            5,
            10,
            false,
            r.firstFoldEstimates(NILE_NAMES));
    assertEquals(1, result.season());
    check(r, result, AT_R_PARAMETERS);
    assertEquals(8, result.missingActuals()); // observation 95 is an actual of 5 folds, 98 of 3
  }

  @Test
  void airlineEstimatedOnceOnTheFirstFold() {
    ReferenceBacktest sm = new ReferenceBacktest("statsmodels", "air_once");
    BacktestResult result = run(airline(), air(), 12, 12, false, Map.of());
    check(sm, result, AT_OWN_ESTIMATES);
    checkEstimates(sm, result);
    for (FoldForecast fold : result.folds()) {
      assertEquals(fold.fold() == 1, fold.refitted());
      assertEquals(
          result.folds().get(0).parameters()[0], fold.parameters()[0], 0.0, "kept, not refitted");
    }
  }

  @Test
  void airlineRefittedOnEveryFold() {
    ReferenceBacktest sm = new ReferenceBacktest("statsmodels", "air_refit");
    BacktestResult result = run(airline(), air(), 12, 12, true, Map.of());
    check(sm, result, AT_OWN_ESTIMATES);
    checkEstimates(sm, result);
    assertTrue(result.folds().stream().allMatch(FoldForecast::refitted));
  }

  private static StateSpaceModel airline() {
    return Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
  }

  private static TimeSeries air() {
    return Datasets.airPassengers().log();
  }

  private static BacktestResult run(
      StateSpaceModel model,
      TimeSeries series,
      int horizon,
      int folds,
      boolean refit,
      Map<String, Double> fixed) {
    BacktestOptions options =
        BacktestOptions.of(horizon, folds)
            .withRefit(refit)
            .withLevels(80)
            .withFit(FitOptions.defaults().withFixed(fixed));
    return Backtest.run(model, ModelData.of(series), options);
  }

  /** Every fold's forecast, then the per-horizon metrics. */
  private static void check(ReferenceBacktest peer, BacktestResult r, double tolerance) {
    double largest = 0;
    double smallest = Double.POSITIVE_INFINITY;
    List<Map<String, String>> rows = peer.rows("forecasts");
    assertEquals(rows.size(), r.folds().size() * r.horizon());
    for (Map<String, String> row : rows) {
      FoldForecast fold = r.folds().get(Integer.parseInt(row.get("fold")) - 1);
      int h = Integer.parseInt(row.get("step"));
      assertEquals(Integer.parseInt(row.get("train_length")), fold.trainingLength());
      double actual = ReferenceBacktest.number(row, "actual");
      double bits = Double.isNaN(actual) ? 0 : LOG_ROUNDING * Math.abs(actual);
      assertEquals(actual, fold.actuals()[h - 1], bits, row.toString());
      if (!Double.isNaN(actual)) {
        largest = Math.max(largest, Math.abs(actual));
        smallest = Math.min(smallest, Math.abs(actual));
      }
      ForecastStep step = fold.steps().get(h - 1);
      close(ReferenceBacktest.number(row, "mean"), step.mean(), tolerance, row);
      close(ReferenceBacktest.number(row, "lower80"), step.interval(80).lower(), tolerance, row);
      close(ReferenceBacktest.number(row, "upper80"), step.interval(80).upper(), tolerance, row);
      close(ReferenceBacktest.number(row, "lower95"), step.interval(95).lower(), tolerance, row);
      close(ReferenceBacktest.number(row, "upper95"), step.interval(95).upper(), tolerance, row);
    }
    // each error may differ by δ, the forecasts' tolerance in the data's units; the metrics by δ
    // (MAE, RMSE), 100·δ/min|y| (MAPE) and δ/min q (MASE)
    double delta = tolerance * Math.max(1, largest);
    double smallestScale =
        r.folds().stream().mapToDouble(FoldForecast::naiveScale).min().orElseThrow();
    List<Map<String, String>> metrics = peer.rows("metrics");
    assertEquals(metrics.size(), r.metrics().size());
    for (Map<String, String> row : metrics) {
      HorizonMetrics m = r.metrics().get(Integer.parseInt(row.get("horizon")) - 1);
      String where = row.toString();
      assertEquals(Integer.parseInt(row.get("count")), m.count(), where);
      assertEquals(r.folds().size(), m.count() + m.missing(), where);
      assertEquals(ReferenceBacktest.number(row, "mae"), m.mae(), delta, where);
      assertEquals(ReferenceBacktest.number(row, "rmse"), m.rmse(), delta, where);
      assertEquals(ReferenceBacktest.number(row, "mape"), m.mape(), 100 * delta / smallest, where);
      assertEquals(ReferenceBacktest.number(row, "mase"), m.mase(), delta / smallestScale, where);
      // a coverage is a count: it could differ only if an actual sat within δ of a bound
      assertEquals(ReferenceBacktest.number(row, "coverage95"), m.coverage(95), 0.0, where);
      assertEquals(ReferenceBacktest.number(row, "coverage80"), m.coverage(80), 0.0, where);
    }
  }

  /** The estimates of every fold the peer estimated. */
  private static void checkEstimates(ReferenceBacktest peer, BacktestResult r) {
    for (Map<String, String> row : peer.rows("parameters")) {
      FoldForecast fold = r.folds().get(Integer.parseInt(row.get("fold")) - 1);
      int i = r.parameterNames().indexOf(AIRLINE_NAMES.get(row.get("name")));
      close(ReferenceBacktest.number(row, "value"), fold.parameters()[i], AT_OWN_ESTIMATES, row);
    }
  }

  private static void close(double expected, double actual, double relative, Object where) {
    assertEquals(
        expected, actual, relative * Math.max(1, Math.abs(expected)), () -> where.toString());
  }
}
