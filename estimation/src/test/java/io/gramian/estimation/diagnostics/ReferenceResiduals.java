package io.gramian.estimation.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference files in this package's test resources (see the README beside them) and the
 * Nile reference filter of the kalman test-jar.
 */
final class ReferenceResiduals {

  /**
   * statsmodels' exact-diffuse filter on the Nile at Durbin &amp; Koopman's parameters: one copy,
   * in the kalman module's test resources (provenance in the README beside it), read from the
   * kalman test-jar on the test class path.
   */
  private static final String NILE_REFERENCE = "/io/gramian/kalman/nile_filtered_dk_params.csv";

  /** 1871, the Nile's diffuse observation, is the first of 100 years. */
  static final int NILE_BURN_IN = 1;

  private ReferenceResiduals() {}

  /**
   * v/√F for 1871–1970 from statsmodels' filter at Durbin &amp; Koopman's parameters ({@code
   * nile_filtered_dk_params.csv}), NaN for 1871 (the diffuse observation).
   */
  static double[] nileStandardized() {
    List<String[]> rows = read(NILE_REFERENCE);
    String[] header = rows.get(0);
    int v = column(header, "v");
    int f = column(header, "F");
    int pinf = column(header, "Pinf_pred");
    double[] out = new double[rows.size() - 1];
    for (int t = 0; t < out.length; t++) {
      String[] row = rows.get(t + 1);
      boolean diffuse = Double.parseDouble(row[pinf]) > 0;
      out[t] =
          diffuse ? Double.NaN : Double.parseDouble(row[v]) / Math.sqrt(Double.parseDouble(row[f]));
    }
    return out;
  }

  /** The years of {@code nile_filtered_dk_params.csv}. */
  static int[] nileYears() {
    List<String[]> rows = read(NILE_REFERENCE);
    int[] years = new int[rows.size() - 1];
    for (int t = 0; t < years.length; t++) {
      years[t] = (int) Double.parseDouble(rows.get(t + 1)[0]);
    }
    return years;
  }

  /** statsmodels' standardized residuals with six missing years ({@code nan} → NaN). */
  static double[] nileMissingStandardized() {
    List<String[]> rows = read("nile_missing_standardized_residuals.csv");
    double[] out = new double[rows.size() - 1];
    for (int t = 0; t < out.length; t++) {
      String s = rows.get(t + 1)[1];
      out[t] = s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }
    return out;
  }

  /** A resource of this package as text. */
  static String text(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(String[] header, String name) {
    for (int j = 0; j < header.length; j++) {
      if (header[j].equals(name)) {
        return j;
      }
    }
    throw new IllegalStateException("no column " + name);
  }

  private static List<String[]> read(String name) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static InputStream open(String name) {
    InputStream in = ReferenceResiduals.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }
}
