package io.gramian.estimation.plot;

import io.gramian.estimation.results.Estimate;
import io.gramian.estimation.results.StateEstimates;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@link StateEstimates} as CSV, one row per time:
 *
 * <pre>
 *   time,observed,predicted,predicted_sd,level.filtered,level.filtered_sd,level.smoothed,…
 *   1871,1120,,,1120,122.87798826478237,1111.668319126802,…
 * </pre>
 *
 * the time label, the observation, its one-step prediction and standard deviation, then for each
 * state (auxiliary ones included) its filtered mean and standard deviation and its smoothed mean
 * and standard deviation. A missing or undefined value (NaN) is an empty field. Numbers are written
 * exactly (the shortest decimal that reads back as the same double, integers without a fraction),
 * lines end with {@code \n}, and the file is UTF-8.
 */
public final class StatesCsv {

  /** The time label column. */
  public static final String TIME = "time";

  /** The observation column. */
  public static final String OBSERVED = "observed";

  /** The one-step prediction column. */
  public static final String PREDICTED = "predicted";

  /** The one-step prediction's standard deviation column. */
  public static final String PREDICTED_SD = "predicted_sd";

  private StatesCsv() {}

  /**
   * The header: {@code time, observed, predicted, predicted_sd}, then {@code NAME.filtered,
   * NAME.filtered_sd, NAME.smoothed, NAME.smoothed_sd} for each state.
   */
  public static List<String> header(List<String> stateNames) {
    List<String> header = new ArrayList<>(List.of(TIME, OBSERVED, PREDICTED, PREDICTED_SD));
    for (String name : stateNames) {
      header.add(name + ".filtered");
      header.add(name + ".filtered_sd");
      header.add(name + ".smoothed");
      header.add(name + ".smoothed_sd");
    }
    return List.copyOf(header);
  }

  /** Writes the table to a file (replacing it), creating the parent directory if needed. */
  public static void write(StateEstimates table, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(table, out);
    }
  }

  /** Writes the table to {@code out} (which stays open). */
  public static void write(StateEstimates table, Appendable out) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header(table.stateNames()).toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    CSVPrinter printer = new CSVPrinter(out, format);
    double[] y = table.observations();
    Estimate prediction = table.prediction();
    int nx = table.stateNames().size();
    List<String> row = new ArrayList<>(4 + 4 * nx);
    for (int t = 0; t < table.times().size(); t++) {
      row.clear();
      row.add(table.times().get(t));
      row.add(number(y[t]));
      row.add(number(prediction.mean(t)));
      row.add(number(prediction.sd(t)));
      for (int i = 0; i < nx; i++) {
        Estimate f = table.filtered().get(i);
        Estimate s = table.smoothed().get(i);
        row.add(number(f.mean(t)));
        row.add(number(f.sd(t)));
        row.add(number(s.mean(t)));
        row.add(number(s.sd(t)));
      }
      printer.printRecord(row);
    }
    printer.flush();
  }

  /** The shortest exact text of a double: {@code 1120} for 1120.0, empty for NaN. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return v == 0 ? "0" : Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
