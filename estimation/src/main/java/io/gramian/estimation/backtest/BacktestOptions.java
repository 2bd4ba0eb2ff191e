package io.gramian.estimation.backtest;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.results.SeriesForecast;
import java.util.Arrays;
import java.util.Objects;

/**
 * Options of a rolling-origin backtest ({@link Backtest}).
 *
 * @param horizon H ≥ 1, the periods each fold forecasts
 * @param folds K ≥ 1, the forecast origins: fold k fits on the first n − H − K + k observations
 * @param refit false: the parameters are estimated once, on the first fold's data, and every fold
 *     filters its own data with them; true: every fold is estimated anew, the optimiser starting at
 *     the previous fold's estimates
 * @param levels the interval levels in percent whose coverage is reported, each strictly between 0
 *     and 100; {@value SeriesForecast#DEFAULT_LEVEL} is always among them
 * @param fit how each fold is fitted (held parameters, optimiser, tria rule); its start values, if
 *     any, start the first fold, and its progress listener is called during every fold's fit
 * @param progress called after each fold
 */
public record BacktestOptions(
    int horizon,
    int folds,
    boolean refit,
    double[] levels,
    FitOptions fit,
    BacktestProgress progress) {

  /** Checks the counts and levels; sorts the levels and adds 95. */
  public BacktestOptions {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "a backtest's horizon is a positive number of periods, got " + horizon);
    }
    if (folds < 1) {
      throw new IllegalArgumentException(
          "a backtest needs at least one fold (forecast origin), got " + folds);
    }
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(progress, "progress");
    double[] all = Arrays.copyOf(levels, levels.length + 1);
    all[levels.length] = SeriesForecast.DEFAULT_LEVEL;
    levels = Arrays.stream(all).sorted().distinct().toArray();
    for (double level : levels) {
      if (!(level > 0 && level < 100)) {
        throw new IllegalArgumentException(
            "an interval level is a percentage strictly between 0 and 100, got " + level);
      }
    }
  }

  /** H periods, K folds, no refit, 95% intervals, default fit options, silent. */
  public static BacktestOptions of(int horizon, int folds) {
    return new BacktestOptions(
        horizon, folds, false, new double[0], FitOptions.defaults(), BacktestProgress.silent());
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  public BacktestOptions withRefit(boolean value) {
    return new BacktestOptions(horizon, folds, value, levels, fit, progress);
  }

  /** The levels whose coverage is reported besides 95 (in percent). */
  public BacktestOptions withLevels(double... value) {
    return new BacktestOptions(horizon, folds, refit, value, fit, progress);
  }

  public BacktestOptions withFit(FitOptions value) {
    return new BacktestOptions(horizon, folds, refit, levels, value, progress);
  }

  public BacktestOptions withProgress(BacktestProgress value) {
    return new BacktestOptions(horizon, folds, refit, levels, fit, value);
  }
}
