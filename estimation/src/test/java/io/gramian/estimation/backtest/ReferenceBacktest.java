package io.gramian.estimation.backtest;

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
 * The rows a peer computed for a reference case: R's forecast package ({@code r_backtest.R}) or
 * statsmodels ({@code statsmodels_backtest.py}), each writing three CSV files beside this class's
 * resources (see the README there); each row a map from column to text.
 *
 * @param peer the files' prefix, {@code r} or {@code statsmodels}
 * @param name the case
 */
record ReferenceBacktest(String peer, String name) {

  /** Rows of {@code <peer>_backtest_<table>.csv} of this case, in file order. */
  List<Map<String, String>> rows(String table) {
    String resource = peer + "_backtest_" + table + ".csv";
    try (InputStream in = ReferenceBacktest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        if (!cells[0].equals(name)) {
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      if (rows.isEmpty()) {
        throw new IllegalStateException("no rows of case " + name + " in " + resource);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number as the peer wrote it; NaN for an empty cell (NA). */
  static double number(Map<String, String> row, String column) {
    String text = row.get(column);
    return text.isEmpty() || text.equals("NA") ? Double.NaN : Double.parseDouble(text);
  }

  /** The peer's first-fold estimates, by Gramian's parameter names. */
  Map<String, Double> firstFoldEstimates(Map<String, String> gramianNames) {
    Map<String, Double> estimates = new HashMap<>();
    for (Map<String, String> row : rows("parameters")) {
      if (row.get("fold").equals("1")) {
        estimates.put(gramianNames.get(row.get("name")), number(row, "value"));
      }
    }
    return estimates;
  }
}
