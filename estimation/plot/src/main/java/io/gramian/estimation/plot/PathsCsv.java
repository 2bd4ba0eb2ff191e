package io.gramian.estimation.plot;

import io.gramian.estimation.results.ForecastPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@link ForecastPaths} as CSV, N × H rows, path by path:
 *
 * <pre>
 *   path,step,period,value
 *   1,1,1971,812.4031772216263
 *   1,2,1972,790.1108347405224
 * </pre>
 *
 * the path (1 … N), the horizon (1 … H), the period's label and the simulated value on the modelled
 * scale, UTF-8. Numbers are written exactly (the shortest decimal that reads back as the same
 * double, integers without a fraction), lines end with {@code \n}.
 */
public final class PathsCsv {

  /** The header's columns. */
  public static final String[] HEADER = {"path", "step", "period", "value"};

  private PathsCsv() {}

  /** Writes the paths to a file (replacing it), creating the parent directory if needed. */
  public static void write(ForecastPaths paths, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(paths, out);
    }
  }

  /** Writes the paths to {@code out} (which stays open). */
  public static void write(ForecastPaths paths, Appendable out) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get();
    CSVPrinter printer = new CSVPrinter(out, format);
    for (int i = 1; i <= paths.paths(); i++) {
      for (int h = 1; h <= paths.horizon(); h++) {
        printer.printRecord(
            Integer.toString(i),
            Integer.toString(h),
            paths.periods().get(h - 1),
            StatesCsv.number(paths.value(i, h)));
      }
    }
    printer.flush();
  }
}
