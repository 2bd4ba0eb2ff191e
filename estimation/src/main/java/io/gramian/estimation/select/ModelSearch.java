package io.gramian.estimation.select;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.fit.ConstantSeries;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.UnobservedComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Model search for one series ({@code gramian select}): fits the candidates and ranks them by AICc
 * on the differenced-data likelihood ({@link Selection}).
 *
 * <p>The candidates:
 *
 * <ul>
 *   <li>every structural trend the command line names ({@link #structuralTrends()}), and, with a
 *       seasonal period s, each again with a dummy seasonal of period s;
 *   <li>the models the stepwise seasonal ARIMA search fits ({@link StepwiseArima}, auto.arima's
 *       rules and defaults).
 * </ul>
 *
 * <p>Fits run on {@code threads} threads; the ranking does not depend on their number.
 *
 * <p>Thread-safe: an immutable value; each {@link #select} call has its own threads.
 *
 * @param period the seasonal period s, 1 for none
 * @param transform applied to the series before it is modelled
 * @param threads the number of fitting threads, at least 1
 */
public record ModelSearch(int period, SeriesTransform transform, int threads) {

  public ModelSearch {
    if (period < 1) {
      throw new IllegalArgumentException(
          "the seasonal period must be at least 2 (or 1 for none), got " + period);
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "the number of threads must be at least 1, got " + threads);
    }
  }

  /**
   * A search with seasonal period {@code period} (1 for none), no transform, one thread per CPU.
   */
  public static ModelSearch of(int period) {
    return new ModelSearch(
        period, SeriesTransform.NONE, Runtime.getRuntime().availableProcessors());
  }

  public ModelSearch withTransform(SeriesTransform value) {
    return new ModelSearch(period, value, threads);
  }

  public ModelSearch withThreads(int value) {
    return new ModelSearch(period, transform, value);
  }

  /**
   * The structural trend models among the candidates: the structural names {@link
   * UnobservedComponents#NAMES} has, except {@code bsm} (the local linear trend with a seasonal,
   * which the seasonal variants already include) and {@code fixed-intercept} and {@code
   * fixed-slope}, which have no disturbance of their own (statsmodels' "fixed" trends: without a
   * stochastic component there is nothing to estimate).
   */
  public static List<String> structuralTrends() {
    List<String> names = new ArrayList<>(UnobservedComponents.NAMES);
    names.removeAll(List.of("bsm", "fixed-intercept", "fixed-slope"));
    return names;
  }

  /** {@link #select(TimeSeries, Consumer)} without progress. */
  public Selection select(TimeSeries series) {
    return select(series, c -> {});
  }

  /**
   * Fits the candidates to {@code series}, then ranks them by the RMSE of their forecasts in a
   * backtest of {@code folds} rolling origins of {@code horizon} periods each, on the series as the
   * search models it (after the transform): {@link BacktestRanking}. What {@code gramian select
   * --by backtest} computes.
   *
   * @param progress told of each candidate as the search takes it, on the calling thread
   * @throws IllegalArgumentException as {@link #select(TimeSeries, Consumer)}, for a horizon or
   *     number of folds below 1, and when no candidate can be backtested
   */
  public BacktestRanking selectByBacktest(
      TimeSeries series, int horizon, int folds, Consumer<Candidate> progress) {
    if (horizon < 1 || folds < 1) {
      throw new IllegalArgumentException(
          "a backtest needs a horizon and a number of folds of at least 1, got horizon "
              + horizon
              + " and "
              + folds
              + " folds");
    }
    Selection selection = select(series, progress);
    return BacktestRanking.of(selection, transform.apply(series), horizon, folds);
  }

  /**
   * Fits the candidates to {@code series} and ranks them.
   *
   * @param progress told of each candidate as the search takes it, on the calling thread
   * @throws IllegalArgumentException when the series is constant, has too few observed values, or
   *     the transform does not apply (e.g. the log of a non-positive value)
   * @throws ArithmeticException when no candidate with the tests' differencing can be fitted
   */
  public Selection select(TimeSeries series, Consumer<Candidate> progress) {
    TimeSeries y = transform.apply(series);
    double[] observed = observedValues(y);
    if (observed.length < MIN_OBSERVED) {
      throw new IllegalArgumentException(
          "model search needs at least "
              + MIN_OBSERVED
              + " observed values, the series has "
              + observed.length);
    }
    ModelData data = ModelData.of(y);
    if (!Double.isNaN(ConstantSeries.constantValue(data))) {
      throw new IllegalArgumentException(
          "the series is constant: no model has a likelihood maximum to compare");
    }
    List<ModelSpec> structural = new ArrayList<>();
    for (String name : structuralTrends()) {
      structural.add(ModelSpec.named(name));
      if (period > 1) {
        structural.add(ModelSpec.named(name).withSeasonal(period));
      }
    }
    try (CandidatePool pool = new CandidatePool(data, period, threads, progress)) {
      pool.start(structural, Candidate.Family.STRUCTURAL); // fills threads the search leaves idle
      StepwiseArima.Result arima = StepwiseArima.search(observed, period, pool);
      List<Candidate> fitted = new ArrayList<>(arima.fitted());
      fitted.addAll(pool.getAll(structural, Candidate.Family.STRUCTURAL));
      return Selection.rank(arima.differencing(), fitted);
    }
  }

  /** The fewest observed values a search takes: the unit-root tests and a fit need a few. */
  static final int MIN_OBSERVED = 4;

  private static double[] observedValues(TimeSeries y) {
    double[] values = new double[y.observedCount()];
    int i = 0;
    for (int t = 0; t < y.length(); t++) {
      if (!y.isMissing(t)) {
        values[i++] = y.value(t);
      }
    }
    return values;
  }
}
