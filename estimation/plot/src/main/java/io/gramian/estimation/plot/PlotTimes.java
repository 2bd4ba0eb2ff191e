package io.gramian.estimation.plot;

import io.gramian.datasets.TimeIndex;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The times of a plotted series, an immutable value: either calendar times (drawn on a date axis
 * with yearly, monthly or daily ticks) or plain numbers (an integer index, drawn on a number axis).
 * Calendar times are held as milliseconds since 1970-01-01T00:00 UTC, the coordinate the plots use,
 * so a date is drawn at the start of its day in UTC whatever the machine's time zone.
 */
public final class PlotTimes {

  private final boolean calendar;
  private final double[] values;

  private PlotTimes(boolean calendar, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("plot time " + i + " is not finite");
      }
      if (i > 0 && !(values[i] > values[i - 1])) {
        throw new IllegalArgumentException(
            "plot times must increase strictly; time " + i + " does not follow time " + (i - 1));
      }
    }
    this.calendar = calendar;
    this.values = values;
  }

  /** Calendar dates (each drawn at the start of its day). */
  public static PlotTimes dates(List<LocalDate> dates) {
    double[] v = new double[dates.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = millis(dates.get(i).atStartOfDay());
    }
    return new PlotTimes(true, v);
  }

  /** Calendar date-times, read as UTC. */
  public static PlotTimes dateTimes(List<LocalDateTime> dateTimes) {
    double[] v = new double[dateTimes.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = millis(dateTimes.get(i));
    }
    return new PlotTimes(true, v);
  }

  /** Plain numbers, such as the integer index 1, 2, …, n. */
  public static PlotTimes numbers(double... values) {
    return new PlotTimes(false, values.clone());
  }

  /** The integers 1, 2, …, n. */
  public static PlotTimes index(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return new PlotTimes(false, v);
  }

  /**
   * The times of a series' index: the start of each period for annual, quarterly, monthly, daily
   * and date-time indices, the index's integers otherwise.
   */
  public static PlotTimes of(TimeIndex index) {
    int n = index.length();
    if (n > 0 && index.startDateTime(0).isPresent()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = millis(index.startDateTime(i).orElseThrow());
      }
      return new PlotTimes(true, v);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = integerLabel(index, i);
    }
    return new PlotTimes(false, v);
  }

  /**
   * The times of the {@code steps} periods after the end of {@code index} (its {@link
   * TimeIndex#nextPeriods}): where forecasts are drawn.
   */
  public static PlotTimes after(TimeIndex index, int steps) {
    return of(index.nextPeriods(steps));
  }

  private static double integerLabel(TimeIndex index, int i) {
    try {
      return Long.parseLong(index.label(i).trim());
    } catch (NumberFormatException notAnInteger) {
      return i + 1;
    }
  }

  private static double millis(LocalDateTime t) {
    return (double) t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Whether these are calendar times (drawn on a date axis). */
  public boolean isCalendar() {
    return calendar;
  }

  /** The number of times. */
  public int length() {
    return values.length;
  }

  /** The axis coordinate of time i: milliseconds since the epoch (UTC), or the number. */
  public double value(int i) {
    return values[i];
  }

  /** All axis coordinates (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** The smallest gap between consecutive times; empty with fewer than two times. */
  Optional<Double> smallestStep() {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 1; i < values.length; i++) {
      min = Math.min(min, values[i] - values[i - 1]);
    }
    return values.length < 2 ? Optional.empty() : Optional.of(min);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlotTimes that
        && that.calendar == calendar
        && Arrays.equals(that.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(calendar) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PlotTimes[" + (calendar ? "calendar" : "numbers") + ", n=" + values.length + "]";
  }
}
