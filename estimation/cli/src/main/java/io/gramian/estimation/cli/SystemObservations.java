package io.gramian.estimation.cli;

import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.TimeSeriesFrame;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The observations of {@code loglik --system}: Y (T × ny), row t the value columns of the CSV
 * file's row t, NaN where missing, read by the datasets reader that {@code fit} uses, with its
 * rules for the time column, numbers and missing values.
 *
 * @param frame the file's contents
 * @param columns the value columns that are y's components, in order
 * @param values Y, T × ny; callers must not modify it
 * @param observedCount the number of values of Y that are not missing
 */
record SystemObservations(
    TimeSeriesFrame frame, List<String> columns, DMatrixRMaj values, int observedCount) {

  /**
   * Reads {@code file}.
   *
   * @param timeColumn the time column {@code --time} names, or {@code null} to detect it
   * @param selected the columns {@code --columns} names, in order, or {@code null} for every value
   *     column
   * @throws IllegalArgumentException (bad input) naming the file, line and column
   */
  static SystemObservations read(Path file, String timeColumn, List<String> selected) {
    TimeSeriesFrame frame =
        timeColumn == null
            ? CsvTimeSeriesReader.read(file)
            : CsvTimeSeriesReader.read(file, timeColumn);
    List<String> columns = selected == null ? frame.columnNames() : checked(selected);
    DMatrixRMaj values = DMatrixRMaj.wrap(frame.length(), columns.size(), frame.rowMajor(columns));
    int observed = 0;
    for (double v : values.data) {
      observed += Double.isNaN(v) ? 0 : 1;
    }
    return new SystemObservations(frame, columns, values, observed);
  }

  private static List<String> checked(List<String> selected) {
    if (selected.isEmpty()) {
      throw CliException.badInput("--columns names no column");
    }
    List<String> names = selected.stream().map(String::strip).toList();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw CliException.badInput("--columns names \"" + name + "\" twice");
      }
    }
    return names;
  }

  /** The name used for the file in messages (the path as given). */
  String file() {
    return frame.source();
  }

  /** The time column's name, if the file has one. */
  Optional<String> timeColumn() {
    return frame.timeColumn();
  }

  /** Number of time steps T. */
  int steps() {
    return frame.length();
  }

  /** The line of the file holding time step t (0-based), counted from 1. */
  int lineOf(int t) {
    return frame.line(t).orElseThrow();
  }
}
