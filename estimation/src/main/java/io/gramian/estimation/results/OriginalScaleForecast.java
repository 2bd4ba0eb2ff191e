package io.gramian.estimation.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A forecast of a logarithm, log_b y, carried back to the scale of y, an immutable value: at each
 * horizon the median b^μ_h, the log-normal mean exp(μ_h ln b + σ_h² (ln b)² / 2) and the bounds
 * b^(μ_h ∓ z σ_h) ({@link OriginalScaleStep}). The median and the bounds are exact quantiles of y
 * (a monotone map keeps them); the mean is E[y] when log_b y is normal, which the model assumes.
 *
 * @param base b, the logarithm's base: e for {@code --transform log}, 10 for {@code log10}
 * @param levels the interval levels in percent, increasing
 * @param steps the back-transformed forecast at each horizon 1 … H
 */
public record OriginalScaleForecast(double base, double[] levels, List<OriginalScaleStep> steps) {

  /** Copies the arrays. */
  public OriginalScaleForecast {
    levels = levels.clone();
    steps = List.copyOf(steps);
  }

  /**
   * The forecast {@code modelled} of log_b y on the scale of y.
   *
   * @param base b &gt; 1 (e or 10)
   * @throws IllegalArgumentException if the base is not above 1, or a value overflows (a forecast
   *     beyond the largest double on the original scale cannot be given)
   */
  public static OriginalScaleForecast of(SeriesForecast modelled, double base) {
    if (!(base > 1) || Double.isInfinite(base)) {
      throw new IllegalArgumentException("a logarithm's base is above 1, got " + base);
    }
    List<OriginalScaleStep> steps = new ArrayList<>(modelled.horizon());
    for (ForecastStep s : modelled.steps()) {
      steps.add(step(s, base));
    }
    return new OriginalScaleForecast(base, modelled.levels(), steps);
  }

  /**
   * One step of the forecast of log_b y on the scale of y: the median b^μ, the log-normal mean b^(μ
   * + σ² ln b / 2) and each interval's bounds carried back, b^lower and b^upper.
   *
   * @param base b &gt; 1, checked by the caller
   * @throws IllegalArgumentException if a value overflows
   */
  public static OriginalScaleStep step(ForecastStep s, double base) {
    double lnB = base == Math.E ? 1 : Math.log(base);
    String at = "the forecast for " + s.period();
    double mu = s.mean() * lnB;
    double sigma = s.standardError() * lnB;
    double median = finite(Math.exp(mu), at + " (median)");
    double mean = finite(Math.exp(mu + sigma * sigma / 2), at + " (mean)");
    List<Interval> intervals = new ArrayList<>(s.intervals().size());
    for (Interval i : s.intervals()) {
      intervals.add(
          new Interval(
              i.level(),
              Math.exp(i.lower() * lnB),
              finite(Math.exp(i.upper() * lnB), at + " (upper " + i.level() + "%)")));
    }
    return new OriginalScaleStep(s.step(), s.period(), median, mean, intervals);
  }

  private static double finite(double value, String what) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          what + " overflows on the original scale (beyond " + Double.MAX_VALUE + ")");
    }
    return value;
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  /** The number H of periods forecast. */
  public int horizon() {
    return steps.size();
  }

  /** The forecast at horizon h = 1 … H. */
  public OriginalScaleStep step(int h) {
    if (h < 1 || h > steps.size()) {
      throw new IndexOutOfBoundsException("horizon " + h + " is outside 1 … " + steps.size());
    }
    return steps.get(h - 1);
  }

  /** The medians b^μ_1 … b^μ_H. */
  public double[] median() {
    return steps.stream().mapToDouble(OriginalScaleStep::median).toArray();
  }

  /** The log-normal means. */
  public double[] mean() {
    return steps.stream().mapToDouble(OriginalScaleStep::mean).toArray();
  }

  /**
   * The back-transformed forecast as the command line prints it after the modelled one: a title
   * with the levels, a line saying which column is which (for base e: median = exp(mean), mean =
   * exp(mean + σ²/2), the log-normal mean, bounds = exp(bounds), σ the standard error), then one
   * line per period with its label, median, mean and each level's bounds ({@code %14.6g}).
   */
  public String table() {
    StringBuilder text = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (double level : levels) {
      names.add(SeriesForecast.levelText(level) + "%");
    }
    text.append(
        String.format(
            "%nForecast on the original scale (%s %s)%n",
            String.join(", ", names), levels.length == 1 ? "interval" : "intervals"));
    if (base == Math.E) {
      text.append(
          String.format(
              "  median = exp(mean); mean = exp(mean + σ²/2), the log-normal mean;"
                  + " bounds = exp(bounds) (mean, σ, bounds: the log forecast's)%n"));
    } else {
      String b = base == Math.rint(base) ? Long.toString((long) base) : Double.toString(base);
      text.append(
          String.format(
              "  median = %s^mean; mean = %s^mean · exp((σ ln %s)²/2), the log-normal mean;"
                  + " bounds = %s^bounds (mean, σ, bounds: the log%s forecast's)%n",
              b, b, b, b, b));
    }
    text.append(String.format("%-12s %14s %14s", "period", "median", "mean"));
    for (double level : levels) {
      String l = levels.length == 1 ? "" : " " + SeriesForecast.levelText(level);
      text.append(String.format(" %14s %14s", "lower" + l, "upper" + l));
    }
    text.append(String.format("%n"));
    for (OriginalScaleStep s : steps) {
      text.append(String.format("%-12s %14.6g %14.6g", s.period(), s.median(), s.mean()));
      for (Interval i : s.intervals()) {
        text.append(String.format(" %14.6g %14.6g", i.lower(), i.upper()));
      }
      text.append(String.format("%n"));
    }
    return text.toString();
  }
}
