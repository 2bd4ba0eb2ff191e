package io.gramian.estimation.cli;

import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.DataFormatException;
import io.gramian.datasets.InputEcho;
import io.gramian.datasets.TimeIndex;
import io.gramian.datasets.TimeSeriesFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The regressors' values over a forecast horizon, read from the {@code --future FUTURE.csv} file: a
 * time column whose periods continue the data's, and the {@code --exog} columns, at least H rows
 * (further rows and other columns are ignored). When the data have no time column (their rows are
 * numbered 1 … T), a future file without one is read in order. Every problem is one {@link
 * DataFormatException} naming the file, and the line and column where there is one.
 */
final class FutureRegressors {

  private FutureRegressors() {}

  /**
   * The H × k regressors of the H periods after the data, in the order of {@code exog}.
   *
   * @param file the future file, as the command line gave it
   * @param timeColumn the time column's name ({@code --time}), or null to detect it
   * @param data the data file's frame (its time index and time column)
   * @param exog the regressors' names, as {@code --exog} gives them
   * @param horizon H ≥ 1
   * @throws DataFormatException if the file is missing or malformed, lacks a column, has fewer than
   *     H rows, a missing value in the first H rows, or periods that do not continue the data's
   */
  static DMatrixRMaj read(
      Path file, String timeColumn, TimeSeriesFrame data, List<String> exog, int horizon) {
    return read(file, timeColumn, data.index(), data.timeColumn().isEmpty(), exog, horizon);
  }

  /**
   * As {@link #read(Path, String, TimeSeriesFrame, List, int)} after data known by their time index
   * alone (a saved fit's, say).
   *
   * @param dataIndex the data's time index: the future's first period follows its last
   * @param numberedRows whether the data had no time column (rows numbered 1 … T): a future file
   *     without one is then read in order
   */
  static DMatrixRMaj read(
      Path file,
      String timeColumn,
      TimeIndex dataIndex,
      boolean numberedRows,
      List<String> exog,
      int horizon) {
    TimeSeriesFrame future =
        timeColumn == null
            ? CsvTimeSeriesReader.read(file)
            : CsvTimeSeriesReader.read(file, timeColumn);
    String source = file.toString();
    List<String> missing = new ArrayList<>();
    for (String name : exog) {
      if (!future.hasColumn(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new DataFormatException(
          source,
          "no column "
              + InputEcho.quotedList(missing)
              + "; the future values need the --exog columns "
              + InputEcho.plainList(exog)
              + " (the file has "
              + InputEcho.plainList(future.columnNames())
              + ")");
    }
    TimeIndex expected = dataIndex.nextPeriods(horizon);
    if (future.length() < horizon) {
      throw new DataFormatException(
          source,
          future.length()
              + " row"
              + (future.length() == 1 ? "" : "s")
              + " of future values, fewer than the "
              + horizon
              + " periods to forecast ("
              + expected.label(0)
              + (horizon == 1 ? "" : " to " + expected.label(horizon - 1))
              + ")");
    }
    boolean inOrder = numberedRows && future.timeColumn().isEmpty();
    for (int h = 0; h < horizon && !inOrder; h++) {
      String period = future.index().label(h);
      if (!period.equals(expected.label(h))) {
        throw new DataFormatException(
            source,
            lineOf(future, h),
            future.timeColumn().orElse(null),
            "period "
                + InputEcho.quoted(period)
                + " where "
                + expected.label(h)
                + " was expected: the future's periods must continue the data's, which end at "
                + dataIndex.label(dataIndex.length() - 1));
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(horizon, exog.size());
    for (int j = 0; j < exog.size(); j++) {
      double[] column = future.column(exog.get(j)).values();
      for (int h = 0; h < horizon; h++) {
        if (!Double.isFinite(column[h])) {
          throw new DataFormatException(
              source,
              lineOf(future, h),
              exog.get(j),
              "no value for "
                  + expected.label(h)
                  + "; the regressors' values over the forecast horizon may not be missing");
        }
        x.set(h, j, column[h]);
      }
    }
    return x;
  }

  private static int lineOf(TimeSeriesFrame frame, int row) {
    return frame.line(row).orElse(0);
  }
}
