package io.gramian.estimation.plot;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import java.util.Objects;

/**
 * The panel {@link ComponentPlot} draws on top when the model was fitted to a logarithm: the data
 * on their original scale (points) and the forecast carried back to it, its median b^μ_h (a dashed
 * line), log-normal mean (a thin line) and the back-transformed bounds of its widest interval (a
 * band). An immutable value of plain arrays.
 *
 * @param title the panel's title, saying what the lines are
 * @param times the times of the observations
 * @param observations y_t on the original scale, NaN where missing
 * @param forecastTimes the times of the forecast, after the last observation
 * @param median b^μ_h at each forecast time
 * @param mean the log-normal mean at each forecast time
 * @param lower b^(μ_h − z σ_h) at each forecast time
 * @param upper b^(μ_h + z σ_h) at each forecast time
 * @param level the interval's level in percent
 */
public record OriginalScalePanel(
    String title,
    PlotTimes times,
    double[] observations,
    PlotTimes forecastTimes,
    double[] median,
    double[] mean,
    double[] lower,
    double[] upper,
    double level) {

  /** Copies the arrays and checks their lengths. */
  public OriginalScalePanel {
    Objects.requireNonNull(title, "title");
    observations = observations.clone();
    median = median.clone();
    mean = mean.clone();
    lower = lower.clone();
    upper = upper.clone();
    if (observations.length != times.length()) {
      throw new IllegalArgumentException(
          times.length() + " times but " + observations.length + " observations");
    }
    int h = forecastTimes.length();
    if (median.length != h || mean.length != h || lower.length != h || upper.length != h) {
      throw new IllegalArgumentException(
          h + " forecast times but " + median.length + " medians, " + mean.length + " means");
    }
  }

  /**
   * The panel of a series on its original scale and its forecast carried back there, with the
   * widest interval.
   *
   * @param original the data before the logarithm (the same times as the fitted series)
   * @param forecast the back-transformed forecast
   * @param transform how the model's scale is named in the title, such as {@code log}
   */
  public static OriginalScalePanel of(
      TimeSeries original, OriginalScaleForecast forecast, String transform) {
    int h = forecast.horizon();
    double[] lower = new double[h];
    double[] upper = new double[h];
    double level = 0;
    for (int k = 0; k < h; k++) {
      OriginalScaleStep s = forecast.step(k + 1);
      Interval widest = s.widest();
      lower[k] = widest.lower();
      upper[k] = widest.upper();
      level = widest.level();
    }
    String title =
        original.name()
            + ", original scale: the "
            + transform
            + " model's forecast back-transformed (median, log-normal mean, "
            + levelText(level)
            + "% interval)";
    return new OriginalScalePanel(
        title,
        PlotTimes.of(original.index()),
        original.values(),
        PlotTimes.after(original.index(), h),
        forecast.median(),
        forecast.mean(),
        lower,
        upper,
        level);
  }

  private static String levelText(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }

  @Override
  public double[] observations() {
    return observations.clone();
  }

  @Override
  public double[] median() {
    return median.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }
}
