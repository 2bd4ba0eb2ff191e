package io.gramian.estimation.select;

import io.gramian.datasets.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of auto_arima.tsv (written by auto_arima.R beside it: R 4.2.2, forecast 8.20, urca 1.3.3)
 * and its series.
 */
record AutoArimaReference(
    String series,
    String transform,
    int period,
    int n,
    int seasonalD,
    double kpss,
    int d,
    String model,
    int npar,
    double loglik,
    double aicc,
    boolean approximation,
    String exactModel,
    double exactAicc) {

  /** Every row of auto_arima.tsv. */
  static List<AutoArimaReference> all() {
    List<AutoArimaReference> out = new ArrayList<>();
    List<String[]> rows = table("auto_arima.tsv", "\t");
    String[] header = rows.get(0);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      col.put(header[i], i);
    }
    for (String[] r : rows.subList(1, rows.size())) {
      int period = Integer.parseInt(r[col.get("period")]);
      out.add(
          new AutoArimaReference(
              r[col.get("series")],
              r[col.get("transform")],
              period,
              Integer.parseInt(r[col.get("n")]),
              Integer.parseInt(r[col.get("D")]),
              Double.parseDouble(r[col.get("kpss")]),
              Integer.parseInt(r[col.get("d")]),
              r[col.get("model")],
              Integer.parseInt(r[col.get("npar")]),
              Double.parseDouble(r[col.get("loglik")]),
              Double.parseDouble(r[col.get("aicc")]),
              Boolean.parseBoolean(r[col.get("approximation")].toLowerCase()),
              r[col.get("exact_model")],
              Double.parseDouble(r[col.get("exact_aicc")])));
    }
    return out;
  }

  /** The series as R holds it (before the transform), from SERIES.csv. */
  TimeSeries data() {
    List<String[]> rows = table(series + ".csv", ",");
    double[] values = new double[rows.size() - 1];
    for (int i = 1; i < rows.size(); i++) {
      values[i - 1] = Double.parseDouble(rows.get(i)[1]);
    }
    return TimeSeries.of(series, values);
  }

  private static List<String[]> table(String name, String separator) {
    try (InputStream in = AutoArimaReference.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(separator, -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
