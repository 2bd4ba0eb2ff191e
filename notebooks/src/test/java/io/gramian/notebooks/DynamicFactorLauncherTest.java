package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loglik} and {@code fit --model dfm --columns …} through the real {@code ./gramian}
 * launcher on the standardised growth rates of four US macro series (written here as statsmodels'
 * script prepares them): ℓ at statsmodels' estimates (the estimation library's {@code
 * statsmodels_dfm.csv}, written by its committed script), a fit reaching statsmodels' maximum with
 * its summary per equation, states and plot, and bad options as one line with exit status 2.
 */
class DynamicFactorLauncherTest {

  private static final Path STATSMODELS =
      Launcher.ROOT.resolve(
          "estimation/src/test/resources/io/gramian/estimation/models/statsmodels_dfm.csv");

  private static final List<String> MACRO = List.of("realgdp", "realcons", "realinv", "cpi");

  /**
   * statsmodels' filter and ours round differently (about 1e-13 relative); the JSON carries 17
   * digits; the bar is 1e-8.
   */
  private static final double STATSMODELS_RELATIVE = 1e-8;

  /** BFGS stops on a gradient of 1e-3 or less; ℓ then sits within about this of the maximum. */
  private static final double FIT_SHORTFALL = 1e-3;

  @TempDir Path dir;

  /** statsmodels' values of one case, in the file's order (llf first, then the estimates). */
  private static Map<String, String> statsmodels(String name) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(STATSMODELS, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[0].equals(name)) {
        values.put(f[1], f[2]);
      }
    }
    return values;
  }

  /** 100 Δ log of each column, standardised (sample standard deviation), with the dates. */
  private Path growthCsv() throws Exception {
    List<String> lines =
        Files.readAllLines(Launcher.ROOT.resolve("datasets/us_macro_quarterly.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int n = lines.size() - 2;
    int p = MACRO.size();
    double[][] y = new double[n][p];
    for (int j = 0; j < p; j++) {
      int column = header.indexOf(MACRO.get(j));
      double mean = 0;
      for (int t = 0; t < n; t++) {
        double before = Double.parseDouble(lines.get(t + 1).split(",")[column]);
        double after = Double.parseDouble(lines.get(t + 2).split(",")[column]);
        y[t][j] = 100 * (Math.log(after) - Math.log(before));
        mean += y[t][j] / n;
      }
      double ss = 0;
      for (int t = 0; t < n; t++) {
        ss += (y[t][j] - mean) * (y[t][j] - mean);
      }
      double sd = Math.sqrt(ss / (n - 1));
      for (int t = 0; t < n; t++) {
        y[t][j] = (y[t][j] - mean) / sd;
      }
    }
    StringBuilder csv = new StringBuilder("date," + String.join(",", MACRO) + "\n");
    for (int t = 0; t < n; t++) {
      csv.append(lines.get(t + 2).split(",")[0]);
      for (int j = 0; j < p; j++) {
        csv.append(',').append(y[t][j]);
      }
      csv.append('\n');
    }
    Path file = dir.resolve("growth.csv");
    Files.writeString(file, csv.toString());
    return file;
  }

  @Test
  void logLikelihoodAtStatsmodelsEstimatesMatches() throws Exception {
    Path data = growthCsv();
    for (String[] c : new String[][] {{"macro_k1_r1", "1", "1"}, {"macro_k2_r2", "2", "2"}}) {
      Map<String, String> reference = statsmodels(c[0]);
      List<String> params = new ArrayList<>();
      reference.forEach((name, value) -> params.add(name + "=" + value));
      Launcher.Run r =
          new Launcher(dir)
              .gramian(
                  "loglik",
                  data.toString(),
                  "--model",
                  "dfm",
                  "--columns",
                  String.join(",", MACRO),
                  "--factors",
                  c[1],
                  "--factor-order",
                  c[2],
                  "--params",
                  String.join(",", params.subList(1, params.size())),
                  "--json",
                  "-");
      assertEquals(0, r.exitCode(), r.err());
      double expected = Double.parseDouble(reference.get("llf"));
      double actual = new JsonMapper().readTree(r.out()).get("loglikelihood").asDouble();
      assertEquals(expected, actual, STATSMODELS_RELATIVE * Math.abs(expected), c[0]);
    }
  }

  @Test
  void fitsWithSummaryStatesAndPlot() throws Exception {
    Path data = growthCsv();
    Path json = dir.resolve("fit.json");
    Path states = dir.resolve("states.csv");
    Path plot = dir.resolve("fit.png");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--model",
                "dfm",
                "--columns",
                String.join(",", MACRO),
                "--factors",
                "2",
                "--factor-order",
                "2",
                "--json",
                json.toString(),
                "--states",
                states.toString(),
                "--plot",
                plot.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    for (String series : MACRO) {
      assertTrue(r.out().contains("Equation " + series), r.out());
    }
    assertTrue(r.out().contains("loading.f2.realinv"), r.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean(), root.toString());
    assertEquals(4 * 2 + 4 + 2 * 4, root.get("parameters").size());
    double statsmodels = Double.parseDouble(statsmodels("macro_k2_r2").get("llf"));
    assertTrue(root.get("loglikelihood").asDouble() >= statsmodels - FIT_SHORTFALL);
    List<String> rows = Files.readAllLines(states, StandardCharsets.UTF_8);
    assertEquals(1 + 202, rows.size());
    assertTrue(rows.get(0).startsWith("time,realgdp.observed,"), rows.get(0));
    assertTrue(
        rows.get(0)
            .endsWith(
                ",f1.filtered,f1.filtered_sd,f1.smoothed,f1.smoothed_sd,f2.filtered,"
                    + "f2.filtered_sd,f2.smoothed,f2.smoothed_sd"),
        rows.get(0));
    String[] last = rows.get(rows.size() - 1).split(",", -1);
    assertEquals(1 + 4 * 7 + 2 * 4, last.length);
    for (int c = last.length - 8; c < last.length; c++) {
      assertTrue(Double.isFinite(Double.parseDouble(last[c])), rows.get(rows.size() - 1));
    }
    assertTrue(Files.size(plot) > 0);
  }

  /**
   * AR(1) errors with an unstructured covariance, from the command line, at statsmodels' maximum.
   */
  @Test
  void autoregressiveUnstructuredErrors() throws Exception {
    Path data = growthCsv();
    Path json = dir.resolve("errors.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--model",
                "dfm",
                "--columns",
                String.join(",", MACRO),
                "--error-order",
                "1",
                "--error-cov",
                "unstructured",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("AR(1) unstructured errors"), r.out());
    assertTrue(r.out().contains("cov.chol[2,1]"), r.out());
    assertTrue(r.out().contains("L1.e(cpi).e(cpi)"), r.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean(), root.toString());
    double statsmodels = Double.parseDouble(statsmodels("macro_k1_r1_e1_unstructured").get("llf"));
    assertTrue(root.get("loglikelihood").asDouble() >= statsmodels - FIT_SHORTFALL);
  }

  @Test
  void badFactorOptionsAreOneLine() throws Exception {
    Path data = growthCsv();
    Path json = dir.resolve("none.json");
    String[][] cases = {
      {"--factors", "5", "--factors 5 is out of range"},
      {"--factors", "1", "--factor-order", "0", "--factor-order 0 must be at least 1"},
      {"--rank", "1", "--rank goes with --model sutse-level or sutse-trend, not --model dfm"},
      {"--error-order", "-1", "--error-order -1 must be at least 0"},
      {"--error-cov", "full", "'full' is not one of scalar, diagonal, unstructured"},
      {"--exog", "cpi", "--forecast", "2", "--forecast with --exog"},
    };
    for (String[] c : cases) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "fit",
                  data.toString(),
                  "--model",
                  "dfm",
                  "--columns",
                  String.join(",", MACRO),
                  "--json",
                  json.toString()));
      args.addAll(List.of(c).subList(0, c.length - 1));
      String refusal = new Launcher(dir).gramian(args.toArray(String[]::new)).refusal();
      assertTrue(refusal.contains(c[c.length - 1]), refusal);
      assertFalse(Files.exists(json));
    }
  }
}
