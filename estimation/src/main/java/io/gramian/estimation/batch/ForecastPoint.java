package io.gramian.estimation.batch;

import java.io.Serializable;
import java.util.Objects;

/**
 * One step of a series' forecast: on the modelled scale the mean of y_{n+h} and its 95% interval
 * mean ∓ z₀.₉₇₅ · sd, and after a logarithm (the batch's {@link SeriesTransform}) the same on the
 * original scale, b^y ({@link io.gramian.estimation.results.OriginalScaleForecast}): the median
 * b^mean, the log-normal mean and the back-transformed 95% bounds. NaN on the original scale when
 * nothing was transformed.
 *
 * @param step h = 1, 2, …
 * @param period the label of the period forecast (the series' time index continued)
 * @param mean E(y_{n+h} | y_1..y_n)
 * @param lower the lower end of the 95% interval
 * @param upper the upper end of the 95% interval
 * @param originalMedian b^mean
 * @param originalMean E(b^{y_{n+h}} | y_1..y_n) = b^{mean + σ² ln b / 2}
 * @param originalLower b^lower
 * @param originalUpper b^upper
 */
public record ForecastPoint(
    int step,
    String period,
    double mean,
    double lower,
    double upper,
    double originalMedian,
    double originalMean,
    double originalLower,
    double originalUpper)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  public ForecastPoint {
    Objects.requireNonNull(period, "period");
  }

  /** A step on the modelled scale only (nothing transformed). */
  public ForecastPoint(int step, String period, double mean, double lower, double upper) {
    this(step, period, mean, lower, upper, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
