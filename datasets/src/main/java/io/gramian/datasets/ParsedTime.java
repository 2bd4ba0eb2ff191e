package io.gramian.datasets;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One time value read from a file. For annual, quarterly, monthly and integer values {@code
 * ordinal} numbers the period as {@link RegularIndex} does; for dates it is the epoch day. {@code
 * dateTime} is set for date-times only.
 */
record ParsedTime(Frequency frequency, long ordinal, LocalDateTime dateTime) {

  static ParsedTime period(Frequency frequency, long ordinal) {
    return new ParsedTime(frequency, ordinal, null);
  }

  static ParsedTime date(LocalDate date) {
    return new ParsedTime(Frequency.DAILY, date.toEpochDay(), null);
  }

  static ParsedTime dateTime(LocalDateTime dateTime) {
    return new ParsedTime(Frequency.DATE_TIME, 0, dateTime);
  }

  LocalDate date() {
    return LocalDate.ofEpochDay(ordinal);
  }

  /** Whether this time comes after {@code earlier} (of the same frequency). */
  boolean isAfter(ParsedTime earlier) {
    return dateTime != null ? dateTime.isAfter(earlier.dateTime) : ordinal > earlier.ordinal;
  }

  /** Whether this period immediately follows {@code earlier} in a consecutive index. */
  boolean isNextAfter(ParsedTime earlier) {
    return ordinal == earlier.ordinal + 1;
  }
}
