package io.gramian.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Named numeric columns sharing one {@link TimeIndex}: the contents of a data file. Immutable;
 * columns keep the order they were given in. A frame read from a file also knows where it came from
 * (its time column's name and the line of each row), for messages; that provenance is not part of
 * {@link #equals}.
 */
public final class TimeSeriesFrame {

  private final String source;
  private final TimeIndex index;
  private final List<TimeSeries> columns;
  private final Map<String, TimeSeries> columnsByName;
  private final String timeColumn;
  private final int[] lines;

  private TimeSeriesFrame(
      String source, TimeIndex index, List<TimeSeries> columns, String timeColumn, int[] lines) {
    this.source = source;
    this.index = index;
    this.timeColumn = timeColumn;
    this.lines = lines;
    this.columns = List.copyOf(columns);
    Map<String, TimeSeries> byName = new HashMap<>();
    for (TimeSeries column : columns) {
      if (byName.put(column.name(), column) != null) {
        throw new IllegalArgumentException(
            source + ": more than one column is named " + InputEcho.quoted(column.name()));
      }
    }
    this.columnsByName = Map.copyOf(byName);
  }

  /**
   * A frame of the given columns (values copied) on {@code index}, in the map's iteration order.
   *
   * @param source what the data are, for messages: usually the file name
   * @throws IllegalArgumentException if a column's length differs from the index's
   */
  public static TimeSeriesFrame of(String source, TimeIndex index, Map<String, double[]> columns) {
    Objects.requireNonNull(source, "source");
    List<TimeSeries> series = new ArrayList<>(columns.size());
    columns.forEach((name, values) -> series.add(TimeSeries.of(name, index, values)));
    return new TimeSeriesFrame(source, index, series, null, null);
  }

  /**
   * A frame read from a file: as {@link #of}, with the name of the time column ({@code null} when
   * the rows are just numbered) and the 1-based line of each row.
   */
  static TimeSeriesFrame read(
      String source,
      String timeColumn,
      TimeIndex index,
      Map<String, double[]> columns,
      int[] lines) {
    if (lines.length != index.length()) {
      throw new IllegalArgumentException(
          lines.length + " line numbers for " + index.length() + " rows");
    }
    TimeSeriesFrame frame = of(source, index, columns);
    return new TimeSeriesFrame(source, index, frame.columns, timeColumn, lines.clone());
  }

  /**
   * The name of the column the times were read from; empty when the frame was not read from a file
   * or the file has no time column (its rows are then numbered 1, 2, …, n).
   */
  public Optional<String> timeColumn() {
    return Optional.ofNullable(timeColumn);
  }

  /**
   * The 1-based line of the file on which row {@code i} (0-based) starts, counting the header and
   * any blank lines; empty when the frame was not read from a file.
   */
  public OptionalInt line(int i) {
    Objects.checkIndex(i, length());
    return lines == null ? OptionalInt.empty() : OptionalInt.of(lines[i]);
  }

  /**
   * The values of the named columns as one matrix over the index, row-major: entry {@code t * k +
   * j} (k = {@code names.size()}) is column {@code names.get(j)} at position t, {@code NaN} where
   * missing. A column may be named more than once. This is the layout of an observation matrix Y (T
   * × k) with one row per time step, as EJML's {@code DMatrixRMaj} holds it.
   *
   * @throws IllegalArgumentException if a name is not a value column (listing the columns)
   */
  public double[] rowMajor(List<String> names) {
    int k = names.size();
    double[] values = new double[length() * k];
    for (int j = 0; j < k; j++) {
      TimeSeries column = column(names.get(j));
      for (int t = 0; t < length(); t++) {
        values[t * k + j] = column.value(t);
      }
    }
    return values;
  }

  /** What the data are, for messages: usually the file name. */
  public String source() {
    return source;
  }

  /** The times of the rows. */
  public TimeIndex index() {
    return index;
  }

  /** The frequency of the index. */
  public Frequency frequency() {
    return index.frequency();
  }

  /** The number of rows. */
  public int length() {
    return index.length();
  }

  /** The number of value columns. */
  public int columnCount() {
    return columns.size();
  }

  /** The names of the value columns, in order. */
  public List<String> columnNames() {
    return columns.stream().map(TimeSeries::name).toList();
  }

  /** The value columns, in order. */
  public List<TimeSeries> columns() {
    return columns;
  }

  /** Whether there is a value column named exactly {@code name}. */
  public boolean hasColumn(String name) {
    return columnsByName.containsKey(name);
  }

  /**
   * The value column named exactly {@code name}.
   *
   * @throws IllegalArgumentException listing the available columns if there is none
   */
  public TimeSeries column(String name) {
    TimeSeries column = columnsByName.get(name);
    if (column == null && name.equals(timeColumn)) {
      throw new IllegalArgumentException(
          source
              + ": \""
              + name
              + "\" is the time column, not a value column; the value columns"
              + " are: "
              + namesInQuotes());
    }
    if (column == null) {
      throw new IllegalArgumentException(
          source
              + " has no column "
              + InputEcho.quoted(name)
              + "; its columns are: "
              + namesInQuotes());
    }
    return column;
  }

  /** The value column at position {@code i} (0-based). */
  public TimeSeries column(int i) {
    return columns.get(Objects.checkIndex(i, columns.size()));
  }

  /**
   * The only value column, for data with one series.
   *
   * @throws IllegalArgumentException listing the columns if there is more than one
   */
  public TimeSeries singleColumn() {
    if (columns.size() != 1) {
      throw new IllegalArgumentException(
          source
              + " has "
              + columns.size()
              + " columns ("
              + namesInQuotes()
              + "); say which one to use");
    }
    return columns.get(0);
  }

  private String namesInQuotes() {
    return InputEcho.quotedList(columnNames());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeSeriesFrame that
        && that.source.equals(source)
        && that.index.equals(index)
        && that.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, index, columns);
  }

  @Override
  public String toString() {
    return "TimeSeriesFrame[" + source + ", " + index + ", columns " + columnNames() + "]";
  }
}
