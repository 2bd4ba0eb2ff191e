package io.gramian.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link TimeIndex} of a table from its time column. All values must be of one frequency
 * and strictly increasing; years, quarters, months and integers must moreover be consecutive (a
 * missing period needs a row of its own, with missing values).
 *
 * <p>A column named index (or without a name) that starts with an integer is an integer index, as
 * is any time column of integers that are not all four-digit years; otherwise four-digit values are
 * years.
 */
final class TimeColumnParser {

  private final CsvTable table;
  private final int column;

  private TimeColumnParser(CsvTable table, int column) {
    this.table = table;
    this.column = column;
  }

  /** The index given by column {@code column} of {@code table}. */
  static TimeIndex parse(CsvTable table, int column) {
    return new TimeColumnParser(table, column).parse();
  }

  private TimeIndex parse() {
    List<CsvTable.Row> rows = table.rows();
    boolean integers = isIntegerIndex();
    List<ParsedTime> times = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      CsvTable.Row row = rows.get(i);
      ParsedTime time = parseOne(row, integers);
      if (i > 0) {
        checkSameFrequency(row, time, rows.get(0), times.get(0));
        checkFollows(row, time, rows.get(i - 1), times.get(i - 1));
      }
      times.add(time);
    }
    return toIndex(times);
  }

  /**
   * Whether the column holds integer positions: an index column whose first value is an integer, or
   * any time column of integers that are not all four-digit years.
   */
  private boolean isIntegerIndex() {
    List<String> texts = table.rows().stream().map(this::text).toList();
    if (TimeColumnDetector.isIndexName(columnName())) {
      return TimeParser.isInteger(texts.get(0));
    }
    return texts.stream().allMatch(TimeParser::isInteger)
        && !texts.stream().allMatch(TimeParser::isYear);
  }

  private ParsedTime parseOne(CsvTable.Row row, boolean integers) {
    String text = text(row);
    if (MissingValues.isMissing(text)) {
      throw location(row).error("the time value is missing");
    }
    Optional<ParsedTime> time = integers ? TimeParser.parseInteger(text) : TimeParser.parse(text);
    return time.orElseThrow(
        () ->
            location(row)
                .error(
                    quoted(text)
                        + " is not a date or period; expected "
                        + (TimeColumnDetector.isIndexName(columnName()) ? "an integer or " : "")
                        + TimeParser.FORMATS));
  }

  /** Mixed frequencies: every value must have the frequency of the first. */
  private void checkSameFrequency(
      CsvTable.Row row, ParsedTime time, CsvTable.Row firstRow, ParsedTime first) {
    if (time.frequency() != first.frequency()) {
      throw location(row)
          .error(
              "mixed frequencies: "
                  + quoted(text(row))
                  + " is "
                  + time.frequency().displayName()
                  + ", but "
                  + quoted(text(firstRow))
                  + " on line "
                  + firstRow.line()
                  + " is "
                  + first.frequency().displayName());
    }
  }

  /** Times must increase, and periods must be consecutive. */
  private void checkFollows(
      CsvTable.Row row, ParsedTime time, CsvTable.Row previousRow, ParsedTime previous) {
    String after = quoted(text(previousRow)) + " on line " + previousRow.line();
    if (!time.isAfter(previous)) {
      throw location(row)
          .error(
              quoted(text(row)) + " does not come after " + after + "; time values must increase");
    }
    boolean mayHaveGaps =
        time.frequency() == Frequency.DAILY || time.frequency() == Frequency.DATE_TIME;
    if (!mayHaveGaps && !time.isNextAfter(previous)) {
      String expected = RegularIndex.label(time.frequency(), previous.ordinal() + 1);
      throw location(row)
          .error(
              quoted(text(row))
                  + " follows "
                  + after
                  + ", so "
                  + quoted(expected)
                  + " is missing; periods must be consecutive"
                  + " (give a missing period its own row, with empty values or NA)");
    }
  }

  /** The index of times already checked: one frequency, increasing, periods consecutive. */
  static TimeIndex toIndex(List<ParsedTime> times) {
    ParsedTime first = times.get(0);
    return switch (first.frequency()) {
      case DAILY -> TimeIndex.dates(times.stream().map(ParsedTime::date).toList());
      case DATE_TIME -> TimeIndex.dateTimes(times.stream().map(ParsedTime::dateTime).toList());
      default -> new RegularIndex(first.frequency(), first.ordinal(), times.size());
    };
  }

  private String columnName() {
    return table.columnNames().get(column);
  }

  private String text(CsvTable.Row row) {
    return row.fields().get(column);
  }

  private CellLocation location(CsvTable.Row row) {
    return table.location(row, column);
  }

  private static String quoted(String text) {
    return InputEcho.quoted(text);
  }
}
