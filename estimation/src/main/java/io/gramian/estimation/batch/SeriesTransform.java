package io.gramian.estimation.batch;

import io.gramian.datasets.InputEcho;
import io.gramian.datasets.TimeSeries;
import java.util.Locale;
import java.util.OptionalDouble;

/** What is done to a series before it is modelled ({@code --transform none|log|log10}). */
public enum SeriesTransform {
  /** The series as given. */
  NONE("none"),
  /** The natural logarithm of each value. */
  LOG("log"),
  /** The base-10 logarithm of each value. */
  LOG10("log10");

  private final String spelling;

  SeriesTransform(String spelling) {
    this.spelling = spelling;
  }

  /** The command line's spelling: {@code none}, {@code log} or {@code log10}. */
  public String spelling() {
    return spelling;
  }

  /**
   * The logarithm's base b, for carrying a forecast back to the original scale ({@link
   * io.gramian.estimation.results.SeriesForecast#originalScale(double)}): e for {@link #LOG}, 10
   * for {@link #LOG10}, empty for {@link #NONE}.
   */
  public OptionalDouble logBase() {
    return switch (this) {
      case NONE -> OptionalDouble.empty();
      case LOG -> OptionalDouble.of(Math.E);
      case LOG10 -> OptionalDouble.of(10);
    };
  }

  /**
   * The transform a command line names, in any case.
   *
   * @throws IllegalArgumentException naming the value and the spellings known
   */
  public static SeriesTransform parse(String text) {
    String key = text == null ? "" : text.toLowerCase(Locale.ROOT);
    for (SeriesTransform t : values()) {
      if (t.spelling.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown transform " + InputEcho.quoted(text) + "; use none, log or log10");
  }

  /**
   * The transformed series (missing values stay missing).
   *
   * @throws IllegalArgumentException naming the series and the first observation that is zero or
   *     negative, for a logarithm
   */
  public TimeSeries apply(TimeSeries series) {
    return switch (this) {
      case NONE -> series;
      case LOG -> series.log();
      case LOG10 -> series.log10();
    };
  }
}
