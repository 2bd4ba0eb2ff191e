package io.gramian.estimation.plot;

import io.gramian.estimation.results.Estimate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the states of a model of several series, one row per time:
 *
 * <pre>
 *   time,A.observed,A.predicted,A.predicted_sd,level.A.filtered,level.A.filtered_sd,
 *        level.A.smoothed,level.A.smoothed_sd,B.observed,…
 * </pre>
 *
 * for each series A in order: its observation, its one-step prediction and standard deviation, and
 * its signal's filtered and smoothed mean and standard deviation; the signal is named by the model
 * ({@code level} for a local level, {@code signal} by default). Then, for each common component F
 * (the factors of a factor model), {@code F.filtered,F.filtered_sd,F.smoothed,F.smoothed_sd}.
 * Numbers as {@link StatesCsv} writes them (exact, NaN an empty field), lines ending with {@code
 * \n}.
 */
public final class SeriesSignalsCsv {

  /**
   * One series' columns: its name, observations, one-step predictions, and its signal's name
   * ({@code level}, {@code signal}) and filtered and smoothed estimates, each one entry per time.
   */
  public record Series(
      String name,
      double[] observed,
      Estimate predicted,
      String signal,
      Estimate filtered,
      Estimate smoothed) {}

  /** A state common to several series (a factor): its name, filtered and smoothed estimates. */
  public record Common(String name, Estimate filtered, Estimate smoothed) {}

  private SeriesSignalsCsv() {}

  /** The header: {@code time}, then seven columns per series. */
  public static List<String> header(List<Series> series) {
    return header(series, List.of());
  }

  /** The header: {@code time}, seven columns per series, four per common component. */
  public static List<String> header(List<Series> series, List<Common> common) {
    List<String> header = new ArrayList<>(List.of(StatesCsv.TIME));
    for (Series s : series) {
      String level = s.signal() + "." + s.name();
      header.addAll(
          List.of(
              s.name() + ".observed",
              s.name() + ".predicted",
              s.name() + ".predicted_sd",
              level + ".filtered",
              level + ".filtered_sd",
              level + ".smoothed",
              level + ".smoothed_sd"));
    }
    for (Common c : common) {
      header.addAll(
          List.of(
              c.name() + ".filtered",
              c.name() + ".filtered_sd",
              c.name() + ".smoothed",
              c.name() + ".smoothed_sd"));
    }
    return header;
  }

  /**
   * Writes the table to {@code out} (which stays open).
   *
   * @throws IllegalArgumentException when a series has another number of entries than the times
   */
  public static void write(List<String> times, List<Series> series, Appendable out)
      throws IOException {
    write(times, series, List.of(), out);
  }

  /**
   * Writes the table with the common components' columns after the series'.
   *
   * @throws IllegalArgumentException when a series or component has another number of entries than
   *     the times
   */
  public static void write(
      List<String> times, List<Series> series, List<Common> common, Appendable out)
      throws IOException {
    for (Common c : common) {
      if (c.filtered().length() != times.size() || c.smoothed().length() != times.size()) {
        throw new IllegalArgumentException(
            c.name() + " has another number of entries than the " + times.size() + " times");
      }
    }
    for (Series s : series) {
      if (s.observed().length != times.size()
          || s.predicted().length() != times.size()
          || s.filtered().length() != times.size()
          || s.smoothed().length() != times.size()) {
        throw new IllegalArgumentException(
            "series "
                + s.name()
                + " has another number of entries than the "
                + times.size()
                + " times");
      }
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(header(series, common).toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    CSVPrinter printer = new CSVPrinter(out, format);
    List<String> row = new ArrayList<>();
    for (int t = 0; t < times.size(); t++) {
      row.clear();
      row.add(times.get(t));
      for (Series s : series) {
        row.add(StatesCsv.number(s.observed()[t]));
        row.add(StatesCsv.number(s.predicted().mean(t)));
        row.add(StatesCsv.number(s.predicted().sd(t)));
        row.add(StatesCsv.number(s.filtered().mean(t)));
        row.add(StatesCsv.number(s.filtered().sd(t)));
        row.add(StatesCsv.number(s.smoothed().mean(t)));
        row.add(StatesCsv.number(s.smoothed().sd(t)));
      }
      for (Common c : common) {
        row.add(StatesCsv.number(c.filtered().mean(t)));
        row.add(StatesCsv.number(c.filtered().sd(t)));
        row.add(StatesCsv.number(c.smoothed().mean(t)));
        row.add(StatesCsv.number(c.smoothed().sd(t)));
      }
      printer.printRecord(row);
    }
    printer.flush();
  }
}
