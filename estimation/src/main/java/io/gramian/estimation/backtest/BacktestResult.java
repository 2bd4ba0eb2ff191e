package io.gramian.estimation.backtest;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.CsvText;
import java.util.ArrayList;
import java.util.List;

/**
 * A rolling-origin backtest's outcome, an immutable value: every fold's forecast ({@link
 * FoldForecast}) and the accuracy per horizon ({@link HorizonMetrics}), with the table that {@code
 * gramian backtest} prints and the CSV it writes.
 *
 * @param parameterNames the model's parameters, the order of each fold's {@link
 *     FoldForecast#parameters()}
 * @param series the whole series (the modelled scale, or the original one after {@link
 *     #originalScale}), for labels and plots
 * @param horizon H
 * @param refit whether every fold was estimated anew
 * @param levels the interval levels in percent, increasing, 95 among them
 * @param season the lag s of the naive forecast that scales MASE (1 without a season)
 * @param folds fold 1 … K
 * @param metrics horizon 1 … H
 * @param warnings one line per fold whose optimiser did not converge
 */
public record BacktestResult(
    List<String> parameterNames,
    TimeSeries series,
    int horizon,
    boolean refit,
    double[] levels,
    int season,
    List<FoldForecast> folds,
    List<HorizonMetrics> metrics,
    List<String> warnings) {

  /** The level whose coverage is the CSV's {@code coverage} column. */
  public static final double CSV_LEVEL = 95;

  /** Copies the lists and arrays. */
  public BacktestResult {
    parameterNames = List.copyOf(parameterNames);
    levels = levels.clone();
    folds = List.copyOf(folds);
    metrics = List.copyOf(metrics);
    warnings = List.copyOf(warnings);
  }

  static BacktestResult of(
      List<String> parameterNames,
      TimeSeries series,
      BacktestOptions options,
      int season,
      List<FoldForecast> folds,
      List<String> warnings) {
    double[] levels = options.levels();
    List<HorizonMetrics> metrics = new ArrayList<>(options.horizon());
    for (int h = 1; h <= options.horizon(); h++) {
      metrics.add(HorizonMetrics.of(h, folds, levels));
    }
    return new BacktestResult(
        parameterNames,
        series,
        options.horizon(),
        options.refit(),
        levels,
        season,
        folds,
        metrics,
        warnings);
  }

  /**
   * The backtest of a series modelled as its base-b logarithm, carried back to the series' own
   * scale ({@link FoldForecast#originalScale}: the median as the point forecast, the bounds carried
   * back) with its metrics recomputed there, as R's {@code tsCV} of a forecast with {@code lambda =
   * 0}: MAE, RMSE, MAPE and MASE in the original units; the coverages are the same.
   *
   * @param original the series as given, before the logarithm (its name heads the table)
   * @param base b: e for a natural logarithm, 10 for log10
   * @throws IllegalArgumentException if the series has another length or the base is not above 1
   */
  public BacktestResult originalScale(TimeSeries original, double base) {
    if (original.length() != series.length()) {
      throw new IllegalArgumentException(
          "the original series has "
              + original.length()
              + " periods, the backtest's "
              + series.length());
    }
    if (!(base > 1) || Double.isInfinite(base)) {
      throw new IllegalArgumentException("a logarithm's base is above 1, got " + base);
    }
    double[] y = original.values();
    List<FoldForecast> back = new ArrayList<>(folds.size());
    for (FoldForecast fold : folds) {
      back.add(fold.originalScale(base, y, season));
    }
    List<HorizonMetrics> recomputed = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      recomputed.add(HorizonMetrics.of(h, back, levels));
    }
    return new BacktestResult(
        parameterNames, original, horizon, refit, levels, season, back, recomputed, warnings);
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  /** The RMSE at horizons 1 … H (NaN where undefined). */
  public double[] rmse() {
    return metrics.stream().mapToDouble(HorizonMetrics::rmse).toArray();
  }

  /** The MAE at horizons 1 … H (NaN where undefined). */
  public double[] mae() {
    return metrics.stream().mapToDouble(HorizonMetrics::mae).toArray();
  }

  /**
   * The RMSE over every fold and horizon at once, √(Σ e² / N) over the N observed actuals: one
   * figure to rank models by; NaN when every actual is missing.
   */
  public double overallRmse() {
    double squared = 0;
    int count = 0;
    for (FoldForecast fold : folds) {
      for (int h = 1; h <= horizon; h++) {
        double e = fold.error(h);
        if (!Double.isNaN(e)) {
          squared += e * e;
          count++;
        }
      }
    }
    return count == 0 ? Double.NaN : Math.sqrt(squared / count);
  }

  /** The actuals that were missing and so skipped, over every fold and horizon. */
  public int missingActuals() {
    return metrics.stream().mapToInt(HorizonMetrics::missing).sum();
  }

  /**
   * The CSV {@code gramian backtest --out} writes: {@code horizon,mae,rmse,mape,mase,coverage} (the
   * coverage of the 95% interval), then {@code coverage.L} for each other level L asked for; one
   * row per horizon, numbers that read back exactly, an undefined value empty.
   */
  public String csv() {
    StringBuilder text = new StringBuilder("horizon,mae,rmse,mape,mase,coverage");
    for (double level : levels) {
      if (level != CSV_LEVEL) {
        text.append(",coverage.").append(levelText(level));
      }
    }
    text.append('\n');
    for (HorizonMetrics m : metrics) {
      List<Object> cells = new ArrayList<>();
      cells.add(m.horizon());
      cells.add(m.mae());
      cells.add(m.rmse());
      cells.add(m.mape());
      cells.add(m.mase());
      cells.add(m.coverage(CSV_LEVEL));
      for (double level : levels) {
        if (level != CSV_LEVEL) {
          cells.add(m.coverage(level));
        }
      }
      text.append(CsvText.line(cells)).append('\n');
    }
    return text.toString();
  }

  /**
   * The table {@code gramian backtest} prints: a title with the folds, the horizon and how the
   * parameters were estimated, then one line per horizon with the number of actuals, the missing
   * ones, MAE, RMSE, MAPE (%), MASE and the coverage of each level's interval; undefined values as
   * {@code -}.
   */
  public String table() {
    StringBuilder text = new StringBuilder();
    FoldForecast first = folds.get(0);
    FoldForecast last = folds.get(folds.size() - 1);
    text.append(
        String.format(
            "Backtest of %s: %d fold%s, horizon %d, origins %s to %s%n",
            series.name(),
            folds.size(),
            folds.size() == 1 ? "" : "s",
            horizon,
            first.origin(),
            last.origin()));
    text.append(
        refit
            ? String.format(
                "Parameters estimated on each fold (%d to %d observations)%n",
                first.trainingLength(), last.trainingLength())
            : String.format(
                "Parameters estimated once, on the first fold (%d observations), and kept%n",
                first.trainingLength()));
    text.append(
        String.format(
            "MASE scaled by the in-sample MAE of the %s forecast%n",
            season == 1 ? "naive" : "seasonal naive (lag " + season + ")"));
    text.append(
        String.format(
            "%n%7s %5s %7s %12s %12s %9s %9s",
            "horizon", "n", "missing", "MAE", "RMSE", "MAPE %", "MASE"));
    for (double level : levels) {
      text.append(String.format(" %9s", "cover " + levelText(level)));
    }
    text.append(String.format("%n"));
    for (HorizonMetrics m : metrics) {
      text.append(
          String.format(
              "%7d %5d %7d %12s %12s %9s %9s",
              m.horizon(),
              m.count(),
              m.missing(),
              number(m.mae(), "%12.5g"),
              number(m.rmse(), "%12.5g"),
              number(m.mape(), "%9.3f"),
              number(m.mase(), "%9.4f")));
      for (double level : levels) {
        text.append(String.format(" %9s", number(m.coverage(level), "%9.3f")));
      }
      text.append(String.format("%n"));
    }
    int missing = missingActuals();
    if (missing > 0) {
      text.append(
          String.format(
              "%d missing actual%s skipped%n", missing, missing == 1 ? " was" : "s were"));
    }
    for (String warning : warnings) {
      text.append("Warning: ").append(warning).append(String.format("%n"));
    }
    return text.toString();
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) ? "-" : String.format(format, value).strip();
  }

  /** 95 for 95.0, 99.5 for 99.5. */
  static String levelText(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }
}
