package io.gramian.estimation.saved;

import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.TimeSeriesFrame;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data a fit was estimated on, as a saved fit keeps it: the file's name, the modelled column,
 * the time column (null when the file had none), the frequency, the time labels and the values of
 * the modelled column and the regressors as read from the file (before any transform; NaN where
 * missing). With these, a saved fit forecasts without the file.
 *
 * <p>{@link #frame()} reads them back through the same CSV reader as the file: the labels give the
 * same time index, and each value is written in a form that reads back to the same bits.
 *
 * @param file the data file's name as the fit was given it
 * @param column the modelled column
 * @param timeColumn the time column's name, or null when the file had none (periods 1, 2, …)
 * @param frequency the index's frequency ({@code Frequency#displayName}, e.g. {@code monthly})
 * @param time the label of each period, in order
 * @param columns the modelled column first, then each regressor: name → values, one per period
 */
public record SavedData(
    String file,
    String column,
    String timeColumn,
    String frequency,
    List<String> time,
    Map<String, double[]> columns) {

  /** Copies the lists and arrays and checks that every column has a value per period. */
  public SavedData {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(frequency, "frequency");
    time = List.copyOf(time);
    Map<String, double[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      if (e.getValue().length != time.size()) {
        throw new IllegalArgumentException(
            "saved column "
                + e.getKey()
                + " has "
                + e.getValue().length
                + " values for "
                + time.size()
                + " periods");
      }
      copy.put(e.getKey(), e.getValue().clone());
    }
    if (!copy.containsKey(column)) {
      throw new IllegalArgumentException("the saved data have no values of column " + column);
    }
    columns = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The data of {@code frame} that a fit of {@code column} with regressors {@code exog} uses.
   *
   * @param file the file's name, as saved fits show it
   */
  public static SavedData of(TimeSeriesFrame frame, String file, String column, List<String> exog) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put(column, frame.column(column).values());
    for (String x : exog) {
      columns.put(x, frame.column(x).values());
    }
    return new SavedData(
        file,
        column,
        frame.timeColumn().orElse(null),
        frame.frequency().displayName(),
        frame.index().labels(),
        columns);
  }

  /** The number of periods. */
  public int nobs() {
    return time.size();
  }

  @Override
  public Map<String, double[]> columns() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    columns.forEach((name, values) -> copy.put(name, values.clone()));
    return copy;
  }

  /** The saved data as a frame, read by the CSV reader that read the file. */
  public TimeSeriesFrame frame() {
    return followedBy(null);
  }

  /**
   * The saved periods followed by those of {@code later} (its periods continue the saved ones;
   * null: none): statsmodels' {@code extend}, the data the forecast then starts from.
   */
  TimeSeriesFrame followedBy(TimeSeriesFrame later) {
    List<String> names = new ArrayList<>(columns.keySet());
    StringBuilder csv = new StringBuilder();
    if (timeColumn != null) {
      csv.append(quoted(timeColumn)).append(',');
    }
    csv.append(String.join(",", names.stream().map(SavedData::quoted).toList())).append('\n');
    double[] row = new double[names.size()];
    for (int t = 0; t < time.size(); t++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = columns.get(names.get(j))[t];
      }
      appendRow(csv, time.get(t), row);
    }
    int laterLength = later == null ? 0 : later.length();
    for (int t = 0; t < laterLength; t++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = later.column(names.get(j)).value(t);
      }
      appendRow(csv, later.index().label(t), row);
    }
    String source = file + " (saved in the fit)";
    StringReader reader = new StringReader(csv.toString());
    return timeColumn == null
        ? CsvTimeSeriesReader.read(reader, source)
        : CsvTimeSeriesReader.read(reader, source, timeColumn);
  }

  private void appendRow(StringBuilder csv, String label, double[] values) {
    if (timeColumn != null) {
      csv.append(quoted(label)).append(',');
    }
    for (int j = 0; j < values.length; j++) {
      csv.append(j > 0 ? "," : "").append(text(values[j]));
    }
    csv.append('\n');
  }

  /** A value as CSV text that reads back to the same bits; empty for missing. */
  private static String text(double v) {
    return Double.isNaN(v) ? "" : JsonWriter.number(v);
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
