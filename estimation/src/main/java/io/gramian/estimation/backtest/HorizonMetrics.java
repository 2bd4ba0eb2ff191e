package io.gramian.estimation.backtest;

import io.gramian.estimation.results.Interval;
import java.util.Arrays;
import java.util.List;

/**
 * The accuracy of a backtest's forecasts at one horizon h, over the folds whose actual at h is
 * observed (e_k = y − μ, the error of fold k; N of them):
 *
 * <pre>
 *   MAE  = Σ|e_k| / N                    RMSE = √(Σ e_k² / N)
 *   MAPE = 100 · Σ|e_k / y_k| / N        MASE = Σ|e_k| / q_k / N
 *   coverage(L) = #{k : lower_k(L) ≤ y_k ≤ upper_k(L)} / N
 * </pre>
 *
 * with q_k the fold's {@linkplain FoldForecast#naiveScale naive scale}. An immutable value. NaN
 * means undefined: MAPE when an actual is zero, MASE when a fold's naive scale is zero or has no
 * observed pair, and every metric when N = 0.
 *
 * @param horizon h = 1 … H
 * @param count N, the folds whose actual at h is observed
 * @param missing the folds whose actual at h is missing (skipped)
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error, in percent
 * @param mase mean absolute scaled error
 * @param levels the interval levels in percent, increasing
 * @param coverage the share of actuals inside the interval at each level
 */
public record HorizonMetrics(
    int horizon,
    int count,
    int missing,
    double mae,
    double rmse,
    double mape,
    double mase,
    double[] levels,
    double[] coverage) {

  /** Copies the arrays and checks that they agree. */
  public HorizonMetrics {
    levels = levels.clone();
    coverage = coverage.clone();
    if (levels.length != coverage.length) {
      throw new IllegalArgumentException(
          levels.length + " levels but " + coverage.length + " coverages");
    }
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  @Override
  public double[] coverage() {
    return coverage.clone();
  }

  /** The coverage of the interval at {@code level} percent, one of {@link #levels()}. */
  public double coverage(double level) {
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] == level) {
        return coverage[i];
      }
    }
    throw new IllegalArgumentException(
        "the backtest has no " + level + "% interval; its levels are " + Arrays.toString(levels));
  }

  /** The metrics at horizon h over the folds given. */
  static HorizonMetrics of(int h, List<FoldForecast> folds, double[] levels) {
    int count = 0;
    int missing = 0;
    double absolute = 0;
    double squared = 0;
    double percentage = 0;
    double scaled = 0;
    boolean zeroActual = false;
    boolean undefinedScale = false;
    int[] inside = new int[levels.length];
    for (FoldForecast fold : folds) {
      double actual = fold.actuals()[h - 1];
      if (Double.isNaN(actual)) {
        missing++;
        continue;
      }
      count++;
      double e = fold.error(h);
      absolute += Math.abs(e);
      squared += e * e;
      if (actual == 0) {
        zeroActual = true;
      } else {
        percentage += Math.abs(e / actual);
      }
      double q = fold.naiveScale();
      if (q > 0) {
        scaled += Math.abs(e) / q;
      } else {
        undefinedScale = true;
      }
      List<Interval> intervals = fold.steps().get(h - 1).intervals();
      for (int i = 0; i < levels.length; i++) {
        Interval interval = intervals.get(i);
        if (interval.lower() <= actual && actual <= interval.upper()) {
          inside[i]++;
        }
      }
    }
    double[] coverage = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      coverage[i] = count == 0 ? Double.NaN : (double) inside[i] / count;
    }
    if (count == 0) {
      return new HorizonMetrics(
          h, 0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levels, coverage);
    }
    return new HorizonMetrics(
        h,
        count,
        missing,
        absolute / count,
        Math.sqrt(squared / count),
        zeroActual ? Double.NaN : 100 * percentage / count,
        undefinedScale ? Double.NaN : scaled / count,
        levels,
        coverage);
  }
}
