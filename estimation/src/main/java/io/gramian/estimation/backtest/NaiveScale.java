package io.gramian.estimation.backtest;

/**
 * The scale of MASE (Hyndman and Koehler 2006): the in-sample mean absolute error of the seasonal
 * naive forecast ŷ_t = y_{t−s} over a fold's training data,
 *
 * <pre>
 *   q = Σ_{t = s+1…m} |y_t − y_{t−s}| / #{t : y_t and y_{t−s} observed}
 * </pre>
 *
 * with s the model's longest seasonal period, or 1 (the naive forecast) without a season; pairs
 * with a missing value are left out, as R's {@code mean(abs(diff(x, lag = s)), na.rm = TRUE)}.
 */
final class NaiveScale {

  private NaiveScale() {}

  /**
   * q over y_0 … y_{m−1}; NaN when no pair is observed (the scaled errors are then undefined).
   *
   * @param y the series, NaN where missing
   * @param m the training length
   * @param season s ≥ 1
   */
  static double of(double[] y, int m, int season) {
    double sum = 0;
    int pairs = 0;
    for (int t = season; t < m; t++) {
      double change = y[t] - y[t - season];
      if (!Double.isNaN(change)) {
        sum += Math.abs(change);
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }
}
