package io.gramian.datasets;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The times of the observations of a series: an immutable, strictly increasing sequence of periods
 * of one {@link Frequency}. Annual, quarterly, monthly and integer indices are consecutive; daily
 * and date-time indices may have gaps.
 *
 * <p>Positions run from 0 to {@code length() - 1}. Each position has a text label in the form the
 * data files use ({@code 1871}, {@code 1945-Q1}, {@code 1949-01}, {@code 2020-03-04}, {@code
 * 2020-03-04T12:00:00}, or an integer), and, except for integer indices, a start date for plotting.
 */
public abstract sealed class TimeIndex permits RegularIndex, DateIndex, DateTimeIndex {

  TimeIndex() {}

  /** {@code length} consecutive years starting with {@code firstYear}. */
  public static TimeIndex annual(int firstYear, int length) {
    return new RegularIndex(Frequency.ANNUAL, RegularIndex.annualOrdinal(firstYear), length);
  }

  /** {@code length} consecutive quarters starting with quarter {@code firstQuarter} (1–4). */
  public static TimeIndex quarterly(int firstYear, int firstQuarter, int length) {
    return new RegularIndex(
        Frequency.QUARTERLY, RegularIndex.quarterOrdinal(firstYear, firstQuarter), length);
  }

  /** {@code length} consecutive months starting with month {@code firstMonth} (1–12). */
  public static TimeIndex monthly(int firstYear, int firstMonth, int length) {
    return new RegularIndex(
        Frequency.MONTHLY, RegularIndex.monthOrdinal(firstYear, firstMonth), length);
  }

  /** The integers 1, 2, …, {@code length}: the index of data without a time column. */
  public static TimeIndex integers(int length) {
    return integers(1, length);
  }

  /** The consecutive integers {@code first}, {@code first + 1}, … ({@code length} of them). */
  public static TimeIndex integers(long first, int length) {
    return new RegularIndex(Frequency.INDEX, first, length);
  }

  /** A daily index on the given strictly increasing dates (gaps are allowed). */
  public static TimeIndex dates(List<LocalDate> dates) {
    return new DateIndex(List.copyOf(dates).toArray(LocalDate[]::new));
  }

  /** A date-time index on the given strictly increasing date-times (gaps are allowed). */
  public static TimeIndex dateTimes(List<LocalDateTime> dateTimes) {
    return new DateTimeIndex(List.copyOf(dateTimes).toArray(LocalDateTime[]::new));
  }

  /**
   * The index whose labels are {@code labels}, of {@code frequency}: the inverse of {@link
   * #labels()} (for indices kept as text, such as a saved fit's). The frequency says how to read a
   * label that could be a year or an integer.
   *
   * @throws IllegalArgumentException naming the first label that is not of the frequency, does not
   *     come after the one before, or (for years, quarters, months and integers) does not follow
   *     it, or when there is no label
   */
  public static TimeIndex fromLabels(Frequency frequency, List<String> labels) {
    List<ParsedTime> times = new ArrayList<>(labels.size());
    for (String label : labels) {
      Optional<ParsedTime> parsed =
          frequency == Frequency.INDEX ? TimeParser.parseInteger(label) : TimeParser.parse(label);
      if (parsed.isEmpty() || parsed.get().frequency() != frequency) {
        throw new IllegalArgumentException(
            InputEcho.quoted(label) + " is not a period of " + frequency.displayName() + " data");
      }
      ParsedTime time = parsed.get();
      if (!times.isEmpty()) {
        ParsedTime previous = times.get(times.size() - 1);
        boolean mayHaveGaps = frequency == Frequency.DAILY || frequency == Frequency.DATE_TIME;
        if (!time.isAfter(previous) || (!mayHaveGaps && !time.isNextAfter(previous))) {
          throw new IllegalArgumentException(
              InputEcho.quoted(label)
                  + " does not follow "
                  + InputEcho.quoted(labels.get(times.size() - 1)));
        }
      }
      times.add(time);
    }
    if (times.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one label");
    }
    return TimeColumnParser.toIndex(times);
  }

  /** How the observations are spaced. */
  public abstract Frequency frequency();

  /** The number of observations. */
  public abstract int length();

  /** The label of position {@code i}, such as {@code "1949-01"}. */
  public abstract String label(int i);

  /** The labels of all positions, in order. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(length());
    for (int i = 0; i < length(); i++) {
      labels.add(label(i));
    }
    return List.copyOf(labels);
  }

  /**
   * The date on which period {@code i} starts (1 January for a year, the first day of a quarter or
   * month, the date itself for daily data, the date part of a date-time). Empty for an integer
   * index, which has no calendar.
   */
  public abstract Optional<LocalDate> startDate(int i);

  /** The date-time at which period {@code i} starts: midnight of {@link #startDate} for periods. */
  public Optional<LocalDateTime> startDateTime(int i) {
    return startDate(i).map(LocalDate::atStartOfDay);
  }

  /**
   * This index followed by {@code steps} further periods: the next years, quarters, months or
   * integers. Dates continue with the spacing of the data: whole months when consecutive dates are
   * a constant number of months apart (on the same day of the month, or all on month ends),
   * otherwise the smallest gap in days (so business-day data continue day by day). Date-times
   * continue with their smallest spacing, which needs at least two observations.
   *
   * @throws IllegalArgumentException if {@code steps} is negative
   * @throws IllegalStateException if the spacing of a date or date-time index is unknown
   */
  public abstract TimeIndex extend(int steps);

  /** The {@code steps} periods after the end of this index: the times of forecasts. */
  public TimeIndex nextPeriods(int steps) {
    return extend(steps).slice(length(), length() + steps);
  }

  /** The positions {@code from} (inclusive) to {@code to} (exclusive) of this index. */
  public abstract TimeIndex slice(int from, int to);

  final void checkPosition(int i) {
    Objects.checkIndex(i, length());
  }

  final void checkSlice(int from, int to) {
    Objects.checkFromToIndex(from, to, length());
  }

  static void checkSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("cannot extend an index by " + steps + " steps");
    }
  }

  @Override
  public String toString() {
    String span = length() == 0 ? "empty" : label(0) + " to " + label(length() - 1);
    return "TimeIndex[" + frequency().displayName() + ", " + span + ", n=" + length() + "]";
  }
}
