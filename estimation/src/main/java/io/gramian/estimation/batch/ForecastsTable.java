package io.gramian.estimation.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of a batch's forecasts ({@code forecasts.csv} of {@code gramian fit-many}): {@code
 * id,step,period,mean,lower,upper}, one row per series and step, the 95% interval, on the modelled
 * scale. A failed series has no rows. Numbers read back exactly. Thread-safe: stateless.
 */
public final class ForecastsTable {

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of("id", "step", "period", "mean", "lower", "upper");

  private ForecastsTable() {}

  /**
   * The rows of one series as typed cells in {@link #COLUMNS} order: {@code id} and {@code period}
   * as String, {@code step} as Integer, the rest as Double. None for a failed series.
   */
  public static List<List<Object>> cells(SeriesResult result) {
    List<List<Object>> rows = new ArrayList<>();
    if (result.fit() != null) {
      for (ForecastPoint p : result.fit().forecast()) {
        rows.add(List.of(result.id(), p.step(), p.period(), p.mean(), p.lower(), p.upper()));
      }
    }
    return rows;
  }

  /** The CSV header line (no line break). */
  public static String csvHeader() {
    return CsvText.line(COLUMNS);
  }

  /** The CSV lines of one series (no line breaks); none for a failed series. */
  public static List<String> csvRows(SeriesResult result) {
    List<String> lines = new ArrayList<>();
    for (List<Object> row : cells(result)) {
      lines.add(CsvText.line(row));
    }
    return lines;
  }
}
