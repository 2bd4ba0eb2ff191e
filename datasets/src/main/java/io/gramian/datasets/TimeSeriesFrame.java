package io.gramian.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named numeric columns sharing one {@link TimeIndex}: the contents of a data file. Immutable;
 * columns keep the order they were given in.
 */
public final class TimeSeriesFrame {

  private final String source;
  private final TimeIndex index;
  private final List<TimeSeries> columns;
  private final Map<String, TimeSeries> columnsByName;

  private TimeSeriesFrame(String source, TimeIndex index, List<TimeSeries> columns) {
    this.source = source;
    this.index = index;
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
    return new TimeSeriesFrame(source, index, series);
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
    if (column == null) {
      throw new IllegalArgumentException(
          source + " has no column " + InputEcho.quoted(name) + "; its columns are: "
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
          source + " has " + columns.size() + " columns (" + namesInQuotes()
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
