package io.gramian.datasets;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Consecutive annual, quarterly or monthly periods, or consecutive integers: stored as the ordinal
 * of the first period and a length. The ordinal of a year is the year; of a quarter, 4 × year +
 * quarter − 1; of a month, 12 × year + month − 1; of an integer, the integer.
 */
final class RegularIndex extends TimeIndex {

  private final Frequency frequency;
  private final long first;
  private final int length;

  RegularIndex(Frequency frequency, long first, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("an index cannot have negative length " + length);
    }
    this.frequency = frequency;
    this.first = first;
    this.length = length;
  }

  static long annualOrdinal(int year) {
    return year;
  }

  static long quarterOrdinal(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter + " is not between 1 and 4");
    }
    return 4L * year + quarter - 1;
  }

  static long monthOrdinal(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month " + month + " is not between 1 and 12");
    }
    return 12L * year + month - 1;
  }

  /** The label of the period with this ordinal, in the frequency's usual notation. */
  static String label(Frequency frequency, long ordinal) {
    return switch (frequency) {
      case ANNUAL -> year(ordinal);
      case QUARTERLY -> year(Math.floorDiv(ordinal, 4)) + "-Q" + (Math.floorMod(ordinal, 4) + 1);
      case MONTHLY ->
          year(Math.floorDiv(ordinal, 12))
              + String.format(Locale.ROOT, "-%02d", Math.floorMod(ordinal, 12) + 1);
      case INDEX -> Long.toString(ordinal);
      default -> throw new IllegalArgumentException(frequency + " is not a regular frequency");
    };
  }

  private static String year(long year) {
    boolean fourDigits = year >= 0 && year <= 9999;
    return fourDigits ? String.format(Locale.ROOT, "%04d", year) : Long.toString(year);
  }

  @Override
  public Frequency frequency() {
    return frequency;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public String label(int i) {
    checkPosition(i);
    return label(frequency, first + i);
  }

  @Override
  public Optional<LocalDate> startDate(int i) {
    checkPosition(i);
    long ordinal = first + i;
    return switch (frequency) {
      case ANNUAL -> Optional.of(LocalDate.of(Math.toIntExact(ordinal), 1, 1));
      case QUARTERLY ->
          Optional.of(LocalDate.of(yearOf(ordinal, 4), 3 * Math.floorMod(ordinal, 4) + 1, 1));
      case MONTHLY ->
          Optional.of(LocalDate.of(yearOf(ordinal, 12), Math.floorMod(ordinal, 12) + 1, 1));
      default -> Optional.empty();
    };
  }

  private static int yearOf(long ordinal, int periodsPerYear) {
    return Math.toIntExact(Math.floorDiv(ordinal, periodsPerYear));
  }

  @Override
  public TimeIndex extend(int steps) {
    checkSteps(steps);
    return new RegularIndex(frequency, first, Math.addExact(length, steps));
  }

  @Override
  public TimeIndex slice(int from, int to) {
    checkSlice(from, to);
    return new RegularIndex(frequency, first + from, to - from);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegularIndex that
        && that.frequency == frequency
        && that.first == first
        && that.length == length;
  }

  @Override
  public int hashCode() {
    return (frequency.hashCode() * 31 + Long.hashCode(first)) * 31 + length;
  }
}
