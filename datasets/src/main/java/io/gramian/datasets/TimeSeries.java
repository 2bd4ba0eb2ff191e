package io.gramian.datasets;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * One named, immutable series of observations on a {@link TimeIndex}. Values are finite doubles,
 * with {@code NaN} marking a missing observation.
 */
public final class TimeSeries {

  private final String name;
  private final TimeIndex index;
  private final double[] values;

  private TimeSeries(String name, TimeIndex index, double[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.index = Objects.requireNonNull(index, "index");
    this.values = values;
  }

  /**
   * A series named {@code name} with the given values (copied) on {@code index}.
   *
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static TimeSeries of(String name, TimeIndex index, double[] values) {
    if (values.length != index.length()) {
      throw new IllegalArgumentException(
          "series "
              + InputEcho.quoted(name)
              + " has "
              + values.length
              + " values but its index has "
              + index.length()
              + " periods");
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            "series "
                + InputEcho.quoted(name)
                + " has an infinite value at "
                + index.label(i)
                + "; values must be finite, or NaN for missing");
      }
    }
    return new TimeSeries(name, index, values.clone());
  }

  /** A series named {@code name} with the given values on the integer index 1, 2, …, n. */
  public static TimeSeries of(String name, double... values) {
    return of(name, TimeIndex.integers(values.length), values);
  }

  /**
   * A one-line warning when the series' dates are not evenly spaced beyond the calendar's usual
   * gaps (weekends and a few holidays), naming the dates that break the pattern ({@link
   * SpacingCheck}); empty for regular dates and for annual, quarterly, monthly or integer indexes.
   */
  public Optional<String> spacingWarning() {
    return SpacingCheck.warning(index);
  }

  /** The name of the series: the column it was read from. */
  public String name() {
    return name;
  }

  /** The times of the observations. */
  public TimeIndex index() {
    return index;
  }

  /** The frequency of the index. */
  public Frequency frequency() {
    return index.frequency();
  }

  /** The number of observations, missing ones included. */
  public int length() {
    return values.length;
  }

  /** The value at position {@code i} (0-based); {@code NaN} if it is missing. */
  public double value(int i) {
    return values[Objects.checkIndex(i, values.length)];
  }

  /** A copy of all values, {@code NaN} where missing. */
  public double[] values() {
    return values.clone();
  }

  /** Whether the value at position {@code i} is missing. */
  public boolean isMissing(int i) {
    return Double.isNaN(value(i));
  }

  /** The number of observed (non-missing) values. */
  public int observedCount() {
    int count = 0;
    for (double value : values) {
      if (!Double.isNaN(value)) {
        count++;
      }
    }
    return count;
  }

  /** The label of position {@code i}, such as {@code "1949-01"}. */
  public String label(int i) {
    return index.label(i);
  }

  /** The date on which period {@code i} starts; empty for an integer index. */
  public Optional<LocalDate> startDate(int i) {
    return index.startDate(i);
  }

  /** The observations at positions {@code from} (inclusive) to {@code to} (exclusive). */
  public TimeSeries slice(int from, int to) {
    return new TimeSeries(name, index.slice(from, to), Arrays.copyOfRange(values, from, to));
  }

  /** This series under another name. */
  public TimeSeries withName(String newName) {
    return new TimeSeries(newName, index, values);
  }

  /**
   * The natural logarithm of each value, named {@code log(name)}; missing values stay missing.
   *
   * @throws IllegalArgumentException naming the series and the first observation that is zero or
   *     negative
   */
  public TimeSeries log() {
    return positiveTransform("log", Math::log);
  }

  /**
   * The base-10 logarithm of each value, named {@code log10(name)}; missing values stay missing.
   *
   * @throws IllegalArgumentException naming the series and the first observation that is zero or
   *     negative
   */
  public TimeSeries log10() {
    return positiveTransform("log10", Math::log10);
  }

  private TimeSeries positiveTransform(String function, DoubleUnaryOperator transform) {
    double[] transformed = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] <= 0) {
        throw new IllegalArgumentException(
            "cannot take the "
                + function
                + " of "
                + InputEcho.quoted(name)
                + ": its value at "
                + label(i)
                + " (observation "
                + (i + 1)
                + ") is "
                + NumberText.format(values[i])
                + ", and "
                + function
                + " needs values above 0");
      }
      transformed[i] = transform.applyAsDouble(values[i]);
    }
    return new TimeSeries(function + "(" + name + ")", index, transformed);
  }

  /** Equal when the names, indices and values (missing ones included) are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TimeSeries that
        && that.name.equals(name)
        && that.index.equals(index)
        && Arrays.equals(that.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, index, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "TimeSeries[\"" + name + "\", " + index + ", " + observedCount() + " observed]";
  }
}
