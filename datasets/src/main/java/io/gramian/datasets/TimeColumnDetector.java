package io.gramian.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the time column of a {@link CsvTable}. In order of precedence:
 *
 * <ol>
 *   <li>the column the caller names;
 *   <li>the first column named (in any letter case) date, time, year, month, quarter, period or
 *       index, or a first column with an empty name (the row index pandas writes);
 *   <li>the first column of a file with several, when every value in it is a date or period (bare
 *       years only when they are consecutive, since they could be data);
 *   <li>none: the rows are then numbered 1, 2, …, n.
 * </ol>
 */
final class TimeColumnDetector {

  private static final Set<String> TIME_COLUMN_NAMES =
      Set.of("date", "time", "year", "month", "quarter", "period", "index");

  private TimeColumnDetector() {}

  /** The position of the time column of {@code table}, if it has one. */
  static OptionalInt find(CsvTable table, Optional<String> requested) {
    List<String> names = table.columnNames();
    if (requested.isPresent()) {
      int position = names.indexOf(requested.get());
      if (position < 0) {
        throw new DataFormatException(
            table.source(),
            table.headerLine(),
            "there is no time column "
                + InputEcho.quoted(requested.get())
                + "; the columns are: "
                + InputEcho.plainList(names));
      }
      return OptionalInt.of(position);
    }
    for (int i = 0; i < names.size(); i++) {
      if (hasTimeColumnName(names.get(i), i)) {
        return OptionalInt.of(i);
      }
    }
    return names.size() > 1 && holdsTimes(table, 0) ? OptionalInt.of(0) : OptionalInt.empty();
  }

  /** Whether the column named {@code name} at {@code position} is a time column by its name. */
  static boolean hasTimeColumnName(String name, int position) {
    return TIME_COLUMN_NAMES.contains(name.toLowerCase(Locale.ROOT))
        || (position == 0 && name.isEmpty());
  }

  /** Whether the column is an index by its name, so that its integers are positions. */
  static boolean isIndexName(String name) {
    return name.isEmpty() || name.equalsIgnoreCase("index");
  }

  private static boolean holdsTimes(CsvTable table, int column) {
    List<String> values = table.rows().stream().map(row -> row.fields().get(column)).toList();
    if (!values.stream().allMatch(value -> TimeParser.parse(value).isPresent())) {
      return false;
    }
    return !values.stream().allMatch(TimeParser::isYear) || areConsecutiveYears(values);
  }

  private static boolean areConsecutiveYears(List<String> years) {
    for (int i = 1; i < years.size(); i++) {
      if (Integer.parseInt(years.get(i)) != Integer.parseInt(years.get(i - 1)) + 1) {
        return false;
      }
    }
    return true;
  }
}
