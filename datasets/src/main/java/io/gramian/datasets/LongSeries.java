package io.gramian.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One series of a long table (one row per id and period) from its rows: put in time order, its time
 * index checked as a file's, its values parsed. {@link LongCsvReader} makes each series of a file
 * with it, and a distributed job (Spark) each series of a table, so both read a series the same
 * way. Thread-safe: stateless.
 */
public final class LongSeries {

  private LongSeries() {}

  /**
   * The position of a long table's time column when none is named: the first column, other than
   * those {@code excluded} (the id and the value), with a time column's name (date, time, year,
   * month, quarter, period, index); -1 when there is none.
   */
  public static int timeColumnByName(List<String> names, Collection<String> excluded) {
    for (int i = 0; i < names.size(); i++) {
      if (!excluded.contains(names.get(i))
          && TimeColumnDetector.hasTimeColumnName(names.get(i), i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One series of a long table from its rows' time and value texts, in any order, made as the
   * reader makes a series of a file: put in time order, the time index checked (consecutive
   * periods, no time twice, one frequency), missing values read as a file's ({@code NA}, empty, …).
   * For rows that come from elsewhere than a file (a distributed table): a message names {@code
   * source} and a row's position in {@code times} as its line.
   *
   * @param times the time of each row, or {@code null} when there is no time column (the rows are
   *     then in time order, indexed 1, 2, …)
   * @throws DataFormatException naming the row, for a time or value that does not parse, a time
   *     given twice, a missing period or a mixed frequency
   */
  public static TimeSeries of(
      String source,
      String id,
      String timeName,
      String valueName,
      List<String> times,
      List<String> values) {
    List<CsvTable.Row> rows = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i) == null ? "" : values.get(i).strip();
      rows.add(
          new CsvTable.Row(
              i + 1,
              times == null
                  ? List.of(value)
                  : List.of(times.get(i) == null ? "" : times.get(i).strip(), value)));
    }
    return of(source, 0, id, times == null ? null : timeName, valueName, rows);
  }

  /** The series of rows of fields [time, value] ({@code timeName} given) or [value]. */
  static TimeSeries of(
      String source,
      int headerLine,
      String id,
      String timeName,
      String valueName,
      List<CsvTable.Row> rows) {
    if (timeName != null) {
      rows = inTimeOrder(rows);
    }
    List<String> names = timeName == null ? List.of(valueName) : List.of(timeName, valueName);
    CsvTable table = new CsvTable(source, headerLine, names, rows);
    TimeIndex index =
        timeName == null ? TimeIndex.integers(rows.size()) : TimeColumnParser.parse(table, 0);
    int value = names.size() - 1;
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      CsvTable.Row row = rows.get(i);
      values[i] = NumberParser.parse(row.fields().get(value), table.location(row, value));
    }
    return TimeSeries.of(id, index, values);
  }

  /**
   * The rows sorted by their time (stable), when every time parses and all have one frequency;
   * otherwise as they are, for the index's checks to name the value that is wrong.
   */
  private static List<CsvTable.Row> inTimeOrder(List<CsvTable.Row> rows) {
    List<ParsedTime> times = new ArrayList<>(rows.size());
    for (CsvTable.Row row : rows) {
      String text = row.fields().get(0); // rows of [time, value]
      ParsedTime time = TimeParser.parse(text).or(() -> TimeParser.parseInteger(text)).orElse(null);
      if (time == null || time.frequency() != times.stream().findFirst().orElse(time).frequency()) {
        return rows;
      }
      times.add(time);
    }
    Integer[] order = new Integer[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byTime =
        (a, b) -> {
          ParsedTime x = times.get(a);
          ParsedTime y = times.get(b);
          return x.dateTime() != null
              ? x.dateTime().compareTo(y.dateTime())
              : Long.compare(x.ordinal(), y.ordinal());
        };
    Arrays.sort(order, byTime);
    List<CsvTable.Row> sorted = new ArrayList<>(rows.size());
    for (int i : order) {
      sorted.add(rows.get(i));
    }
    return sorted;
  }
}
