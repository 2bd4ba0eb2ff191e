package io.gramian.estimation.saved;

import io.gramian.datasets.Frequency;
import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeriesFrame;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>{@link #frame()} gives them back as a frame: the time index rebuilt from the labels ({@link
 * TimeIndex#fromLabels}), the values as saved (the saved text reads back to the same bits).
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

  /** The saved data as a frame: the index rebuilt from the labels, the values as saved. */
  public TimeSeriesFrame frame() {
    return followedBy(null);
  }

  /**
   * The saved periods followed by those of {@code later} (its periods continue the saved ones;
   * null: none): statsmodels' {@code extend}, the data the forecast then starts from.
   *
   * @throws IllegalArgumentException when the periods do not make one index of the saved frequency
   */
  TimeSeriesFrame followedBy(TimeSeriesFrame later) {
    int n = time.size();
    int m = later == null ? 0 : later.length();
    List<String> labels = new ArrayList<>(time);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      double[] v = Arrays.copyOf(e.getValue(), n + m);
      for (int t = 0; t < m; t++) {
        v[n + t] = later.column(e.getKey()).value(t);
      }
      values.put(e.getKey(), v);
    }
    for (int t = 0; t < m; t++) {
      labels.add(later.index().label(t));
    }
    TimeIndex index = TimeIndex.fromLabels(frequencyValue(), labels);
    String source = later == null ? file : file + " + " + later.source();
    return TimeSeriesFrame.of(source, index, values);
  }

  /** The {@link Frequency} whose display name is saved. */
  private Frequency frequencyValue() {
    for (Frequency f : Frequency.values()) {
      if (f.displayName().equals(frequency)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown frequency \"" + frequency + "\" in the saved data");
  }
}
