package io.gramian.estimation.results;

import io.gramian.kalman.Forecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The h-step forecast of a univariate series after its last observation, an immutable value: for
 * each future period its mean, standard error (noise included) and normal intervals at the levels
 * asked for ({@link ForecastStep}), with the state forecast it was read from. At horizon h, from
 * the filtered state at the last observation:
 *
 * <pre>
 *   μ_h = H m_h + d,   σ_h² = H P_h Hᵀ + R,   interval μ_h ∓ Φ⁻¹((1 + level/100)/2)·σ_h
 * </pre>
 *
 * the numbers statsmodels' {@code get_forecast(h)} gives as {@code predicted_mean}, {@code se_mean}
 * and {@code conf_int(alpha = 1 − level/100)}.
 *
 * @param levels the interval levels in percent, increasing and all different (such as 80, 95)
 * @param steps the forecast at each horizon 1 … H
 * @param moments the Kalman forecast of the state and observation it was read from ({@link
 *     Forecast#stateMean}, {@link Forecast#stateFactor}: for components of the state)
 */
public record SeriesForecast(double[] levels, List<ForecastStep> steps, Forecast moments) {

  /** The level of the interval printed when none is asked for, as statsmodels' default. */
  public static final double DEFAULT_LEVEL = 95;

  /** Copies the arrays and checks that steps and levels agree. */
  public SeriesForecast {
    levels = levels.clone();
    steps = List.copyOf(steps);
    Objects.requireNonNull(moments, "moments");
    if (steps.size() != moments.horizon()) {
      throw new IllegalArgumentException(
          steps.size() + " forecast steps for a forecast of horizon " + moments.horizon());
    }
    for (ForecastStep s : steps) {
      if (s.intervals().size() != levels.length) {
        throw new IllegalArgumentException(
            "forecast step " + s.step() + " has " + s.intervals().size() + " intervals");
      }
    }
  }

  /**
   * The forecast of observation 0 from a Kalman forecast.
   *
   * @param moments the forecast of the state and observation, horizon H
   * @param periods the labels of the H forecast periods
   * @param levels the interval levels in percent (0 &lt; level &lt; 100); none: {@value
   *     #DEFAULT_LEVEL}
   * @throws IllegalArgumentException if a level is outside (0, 100) or given twice, or the labels
   *     are not H
   */
  public static SeriesForecast of(Forecast moments, List<String> periods, double... levels) {
    double[] sorted = levels.length == 0 ? new double[] {DEFAULT_LEVEL} : levels.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      Interval.checkLevel(sorted[i]);
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("the level " + sorted[i] + " is given twice");
      }
    }
    int horizon = moments.horizon();
    if (periods.size() != horizon) {
      throw new IllegalArgumentException(
          periods.size() + " period labels for a forecast of horizon " + horizon);
    }
    List<ForecastStep> steps = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      double mean = moments.observationMean(h)[0];
      double se = moments.observationStd(h)[0];
      List<Interval> intervals = new ArrayList<>(sorted.length);
      for (double level : sorted) {
        intervals.add(Interval.normal(mean, se, level));
      }
      steps.add(new ForecastStep(h, periods.get(h - 1), mean, se, intervals));
    }
    return new SeriesForecast(sorted, steps, moments);
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
  public ForecastStep step(int h) {
    if (h < 1 || h > steps.size()) {
      throw new IndexOutOfBoundsException("horizon " + h + " is outside 1 … " + steps.size());
    }
    return steps.get(h - 1);
  }

  /** The means μ_1 … μ_H. */
  public double[] mean() {
    return steps.stream().mapToDouble(ForecastStep::mean).toArray();
  }

  /** The standard errors σ_1 … σ_H. */
  public double[] standardError() {
    return steps.stream().mapToDouble(ForecastStep::standardError).toArray();
  }

  /** The periods' labels. */
  public List<String> periods() {
    return steps.stream().map(ForecastStep::period).toList();
  }

  /**
   * The forecast as the command line prints it below the summary: with one level, a title naming
   * it, then one line per period with its label, mean and bounds ({@code %14.6g}); with several, a
   * title naming them and a pair of columns {@code lower L}, {@code upper L} for each level, lowest
   * first.
   */
  public String table() {
    StringBuilder text = new StringBuilder();
    if (levels.length == 1) {
      text.append(String.format("%nForecast (%s%% interval)%n", levelText(levels[0])));
      text.append(String.format("%-12s %14s %14s %14s%n", "period", "mean", "lower", "upper"));
    } else {
      List<String> names = new ArrayList<>();
      for (double level : levels) {
        names.add(levelText(level) + "%");
      }
      text.append(String.format("%nForecast (%s intervals)%n", String.join(", ", names)));
      text.append(String.format("%-12s %14s", "period", "mean"));
      for (double level : levels) {
        text.append(
            String.format(" %14s %14s", "lower " + levelText(level), "upper " + levelText(level)));
      }
      text.append(String.format("%n"));
    }
    for (ForecastStep s : steps) {
      text.append(String.format("%-12s %14.6g", s.period(), s.mean()));
      for (Interval i : s.intervals()) {
        text.append(String.format(" %14.6g %14.6g", i.lower(), i.upper()));
      }
      text.append(String.format("%n"));
    }
    return text.toString();
  }

  /**
   * This forecast of log_b y carried back to the scale of y: the median b^μ_h, the log-normal mean
   * exp(μ_h ln b + σ_h² (ln b)² / 2) and the bounds b^(bounds) at every level ({@link
   * OriginalScaleForecast}).
   *
   * @param base b, the logarithm's base: {@link Math#E} for a natural logarithm, 10 for log10
   */
  public OriginalScaleForecast originalScale(double base) {
    return OriginalScaleForecast.of(this, base);
  }

  /** 95 for 95.0, 99.5 for 99.5. */
  static String levelText(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }
}
