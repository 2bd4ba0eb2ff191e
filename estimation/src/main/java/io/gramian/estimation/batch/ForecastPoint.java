package io.gramian.estimation.batch;

import java.io.Serializable;
import java.util.Objects;

/**
 * One step of a series' forecast, on the modelled scale: the mean of y_{n+h} and its 95% interval
 * mean ∓ z₀.₉₇₅ · sd.
 *
 * @param step h = 1, 2, …
 * @param period the label of the period forecast (the series' time index continued)
 * @param mean E(y_{n+h} | y_1..y_n)
 * @param lower the lower end of the 95% interval
 * @param upper the upper end of the 95% interval
 */
public record ForecastPoint(int step, String period, double mean, double lower, double upper)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ForecastPoint {
    Objects.requireNonNull(period, "period");
  }
}
