package io.gramian.estimation.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of a batch's forecasts ({@code forecasts.csv} of {@code gramian fit-many}): {@code
 * id,step,period,mean,lower,upper}, one row per series and step, the 95% interval, on the modelled
 * scale; after a logarithm ({@code --transform log|log10}) four more columns, the forecast on the
 * original scale: {@code original.median,original.mean,original.lower,original.upper}. A failed
 * series has no rows. Numbers read back exactly. Thread-safe: stateless.
 */
public final class ForecastsTable {

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of("id", "step", "period", "mean", "lower", "upper");

  /** The columns added after a logarithm: the forecast on the original scale. */
  public static final List<String> ORIGINAL_COLUMNS =
      List.of("original.median", "original.mean", "original.lower", "original.upper");

  private ForecastsTable() {}

  /** The columns, in order, of a batch with this transform. */
  public static List<String> columns(SeriesTransform transform) {
    if (transform.logBase().isEmpty()) {
      return COLUMNS;
    }
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.addAll(ORIGINAL_COLUMNS);
    return List.copyOf(columns);
  }

  /**
   * The rows of one series on the modelled scale: {@link #cells(SeriesResult, SeriesTransform)}.
   */
  public static List<List<Object>> cells(SeriesResult result) {
    return cells(result, SeriesTransform.NONE);
  }

  /**
   * The rows of one series as typed cells in {@link #columns} order: {@code id} and {@code period}
   * as String, {@code step} as Integer, the rest as Double. None for a failed series.
   */
  public static List<List<Object>> cells(SeriesResult result, SeriesTransform transform) {
    boolean original = transform.logBase().isPresent();
    List<List<Object>> rows = new ArrayList<>();
    if (result.fit() != null) {
      for (ForecastPoint p : result.fit().forecast()) {
        List<Object> row =
            new ArrayList<>(
                List.of(result.id(), p.step(), p.period(), p.mean(), p.lower(), p.upper()));
        if (original) {
          row.addAll(
              List.of(p.originalMedian(), p.originalMean(), p.originalLower(), p.originalUpper()));
        }
        rows.add(List.copyOf(row));
      }
    }
    return rows;
  }

  /** The CSV header line (no line break) of a batch without a transform. */
  public static String csvHeader() {
    return csvHeader(SeriesTransform.NONE);
  }

  /** The CSV header line (no line break) of a batch with this transform. */
  public static String csvHeader(SeriesTransform transform) {
    return CsvText.line(columns(transform));
  }

  /** The CSV lines of one series on the modelled scale (no line breaks). */
  public static List<String> csvRows(SeriesResult result) {
    return csvRows(result, SeriesTransform.NONE);
  }

  /** The CSV lines of one series (no line breaks); none for a failed series. */
  public static List<String> csvRows(SeriesResult result, SeriesTransform transform) {
    List<String> lines = new ArrayList<>();
    for (List<Object> row : cells(result, transform)) {
      lines.add(CsvText.line(row));
    }
    return lines;
  }
}
