package io.gramian.datasets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one time value: {@code YYYY} (a year), {@code YYYY-MM} (a month), {@code YYYY-Qn} or {@code
 * YYYYQn} (a quarter), {@code YYYY-MM-DD} (a date), or an ISO date-time {@code
 * YYYY-MM-DDThh:mm[:ss[.fraction]]} (a space may stand for the {@code T}). In an integer column
 * every value is read as a plain integer instead.
 */
final class TimeParser {

  /** The accepted forms, for messages. */
  static final String FORMATS = "YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]";

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

  private TimeParser() {}

  /** Whether {@code text} is a plain integer (and so could be an integer index). */
  static boolean isInteger(String text) {
    return FieldForms.isInteger(text);
  }

  /** Whether {@code text} is a bare four-digit year. */
  static boolean isYear(String text) {
    return FieldForms.isYear(text);
  }

  /** The integer {@code text} as a position of an integer index. */
  static Optional<ParsedTime> parseInteger(String text) {
    return isInteger(text)
        ? Optional.of(ParsedTime.period(Frequency.INDEX, Long.parseLong(text)))
        : Optional.empty();
  }

  /** The date or period {@code text} stands for; empty if it is none of the accepted forms. */
  static Optional<ParsedTime> parse(String text) {
    try {
      return Optional.ofNullable(parseOrNull(text));
    } catch (DateTimeException invalidDate) {
      return Optional.empty();
    }
  }

  private static ParsedTime parseOrNull(String text) {
    if (FieldForms.isYear(text)) {
      int year = Integer.parseInt(text);
      return ParsedTime.period(Frequency.ANNUAL, RegularIndex.annualOrdinal(year));
    }
    if (FieldForms.isYearQuarter(text)) {
      return ParsedTime.period(
          Frequency.QUARTERLY,
          RegularIndex.quarterOrdinal(
              Integer.parseInt(text.substring(0, 4)), text.charAt(text.length() - 1) - '0'));
    }
    if (FieldForms.isYearMonth(text)) {
      int monthOfYear = Integer.parseInt(text.substring(5, 7));
      return monthOfYear < 1 || monthOfYear > 12
          ? null
          : ParsedTime.period(
              Frequency.MONTHLY,
              RegularIndex.monthOrdinal(Integer.parseInt(text.substring(0, 4)), monthOfYear));
    }
    if (DATE.matcher(text).matches()) {
      return ParsedTime.date(LocalDate.parse(text));
    }
    if (DATE_TIME.matcher(text).matches()) {
      return ParsedTime.dateTime(LocalDateTime.parse(text.replace(' ', 'T')));
    }
    return null;
  }
}
