package io.gramian.datasets;

import java.util.OptionalInt;

/** How the observations of a {@link TimeIndex} are spaced in time. */
public enum Frequency {
  /** One observation a year, labelled like {@code 1871}. */
  ANNUAL("annual", 1),
  /** One observation a quarter, labelled like {@code 1945-Q1}. */
  QUARTERLY("quarterly", 4),
  /** One observation a month, labelled like {@code 1949-01}. */
  MONTHLY("monthly", 12),
  /** Observations on calendar dates, labelled like {@code 2020-03-04}; gaps are allowed. */
  DAILY("daily", 0),
  /** Observations at date-times, labelled like {@code 2020-03-04T12:00:00}; gaps are allowed. */
  DATE_TIME("date-time", 0),
  /** Observations numbered by consecutive integers: 1, 2, …, n unless the file numbers them. */
  INDEX("integer index", 0);

  private final String displayName;
  private final int periodsPerYear;

  Frequency(String displayName, int periodsPerYear) {
    this.displayName = displayName;
    this.periodsPerYear = periodsPerYear;
  }

  /** A lower-case name for messages, such as {@code "monthly"}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The number of observations in a year (1, 4 or 12) for annual, quarterly and monthly data: the
   * natural seasonal period. Empty for the other frequencies.
   */
  public OptionalInt periodsPerYear() {
    return periodsPerYear > 0 ? OptionalInt.of(periodsPerYear) : OptionalInt.empty();
  }
}
