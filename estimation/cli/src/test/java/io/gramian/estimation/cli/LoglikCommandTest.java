package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.testing.CovarianceFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gramian loglik --system}: values, gradients, column selection and missing data. */
class LoglikCommandTest {

  /**
   * Relative agreement of the command's ℓ with the covariance-form oracle. Both are exact
   * algorithms in double precision; over a few dozen steps of small, well-conditioned systems they
   * agree to about 1e-13. 1e-10 leaves room for that while any wrong term (a missing ½ log 2π per
   * value is 0.9; a wrong variance changes ℓ in the first digits) fails by orders of magnitude.
   */
  static final double LL_TOLERANCE = 1e-10;

  /**
   * Central finite differences with step h = 1e-5 on ℓ of size ~50: truncation error ~ h² |ℓ'''| ≈
   * 1e-9 and rounding error ~ ε |ℓ| / h ≈ 1e-9, so the difference and the exact gradient agree to
   * about 1e-8 relative to the gradient's scale; 1e-6 is the bound.
   */
  static final double FD_STEP = 1e-5;

  static final double FD_TOLERANCE = 1e-6;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  // -------------------------------------------------------------------------------------------
  // Values against the covariance-form oracle

  @Test
  void localLevelMatchesHandWrittenCovarianceFilter() throws IOException {
    double[] y = {4.4, 4.0, 3.5, Double.NaN, 3.8, 4.2, 5.1, 4.9, Double.NaN, 4.6, 4.3, 3.9};
    double sigma2Level = 0.3 * 0.3;
    double sigma2Irregular = 0.5 * 0.5;
    double a1 = 4.0;
    double p1 = 2.0 * 2.0;
    StringBuilder csv = new StringBuilder("year,flow\n");
    for (int t = 0; t < y.length; t++) {
      csv.append(1990 + t).append(',').append(Double.isNaN(y[t]) ? "NA" : y[t]).append('\n');
    }
    Path data = write("flow.csv", csv.toString());
    Path system =
        write(
            "ll.json",
            "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]],"
                + " \"m0\": [4.0], \"cholP0\": [[2.0]]}");

    // Durbin & Koopman §2.2: v = y − a, F = P + σ²ε, K = P / F, a ← a + K v, P ← P(1 − K) + σ²η.
    double expected = 0;
    double a = a1;
    double p = p1;
    int nobs = 0;
    for (double yt : y) {
      if (!Double.isNaN(yt)) {
        double v = yt - a;
        double f = p + sigma2Irregular;
        expected += -0.5 * (Math.log(2 * Math.PI) + Math.log(f) + v * v / f);
        a += p / f * v;
        p = p * (1 - p / f);
        nobs++;
      }
      p += sigma2Level;
    }

    CliRun run =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--json", "-");
    assertEquals(0, run.exitCode, run::toString);
    assertEquals("", run.err);
    JsonNode out = JSON.readTree(run.out);
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
    assertEquals(nobs, out.get("nobs").asInt());
    assertTrue(out.get("gradient") == null, "no gradient without --gradient");

    CliRun report = CliRun.run("loglik", data.toString(), "--system", system.toString());
    assertEquals(0, report.exitCode, report::toString);
    assertTrue(
        report.out.contains("log-likelihood   " + out.get("loglikelihood").asDouble()), report.out);
    assertTrue(report.out.contains("observed values  10 (nobs; 2 missing)"), report.out);
    assertTrue(report.out.contains("time column \"year\""), report.out);
  }

  @Test
  void bivariateSystemMatchesCovarianceOracle() throws IOException {
    TwoSeries s = new TwoSeries(30, 7);
    Path data = write("two.csv", s.csv(",", "date", "a", "b"));
    Path system = write("sys.json", s.systemJson());
    JsonNode out = loglikJson(data, system);
    double expected = s.oracle(s.y);
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
    assertEquals(60, out.get("nobs").asInt());
  }

  // -------------------------------------------------------------------------------------------
  // Gradients

  @Test
  void gradientHasTheShapeOfEachInput() throws IOException {
    TwoSeries s = new TwoSeries(12, 3);
    Path data = write("two.csv", s.csv(",", "date", "a", "b"));
    // r = 0 (no observation noise: cholR is 2 x 0), q = 3, k = 3.
    Path system =
        write(
            "sys.json",
            "{\"F\": [[0.9, 0.2], [0.0, 0.7]], \"c\": [0.1, -0.2], \"H\": [[1, 0], [0.5, 1]],"
                + " \"d\": [0.3, 0], \"cholQ\": [[0.4, 0, 0.1], [0.3, 0.5, 0]], \"cholR\": [[], []],"
                + " \"m0\": [0, 0], \"cholP0\": [[1, 0, 0.2], [0.5, 1, 0]]}");
    CliRun run =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--gradient", "--json", "-");
    assertEquals(0, run.exitCode, run::toString);
    JsonNode g = JSON.readTree(run.out).get("gradient");
    assertMatrixShape(g, "F", 2, 2);
    assertVectorShape(g, "c", 2);
    assertMatrixShape(g, "H", 2, 2);
    assertVectorShape(g, "d", 2);
    assertMatrixShape(g, "cholQ", 2, 3);
    assertMatrixShape(g, "cholR", 2, 0);
    assertVectorShape(g, "m0", 2);
    assertMatrixShape(g, "cholP0", 2, 3);
    assertEquals(SystemJson.KEYS, iterableToList(g.fieldNames()));
    assertEquals("[[],[]]", g.get("cholR").toString());
  }

  @Test
  void gradientMatchesFiniteDifferencesOfTheCommandsOwnLogLikelihood() throws IOException {
    TwoSeries s = new TwoSeries(25, 11);
    s.y[4][0] = Double.NaN; // a partly missing step
    s.y[9][0] = Double.NaN; // and a wholly missing one
    s.y[9][1] = Double.NaN;
    Path data = write("two.csv", s.csv(",", "date", "a", "b"));
    ObjectNode system = (ObjectNode) JSON.readTree(s.systemJson());
    Path systemFile = write("sys.json", system.toString());
    for (String rule : new String[] {"masked", "pseudoinverse"}) {
      CliRun run =
          CliRun.run(
              "loglik",
              data.toString(),
              "--system",
              systemFile.toString(),
              "--gradient",
              "--tria-rule",
              rule,
              "--json",
              "-");
      assertEquals(0, run.exitCode, run::toString);
      JsonNode g = JSON.readTree(run.out).get("gradient");
      double scale = 0;
      for (String key : SystemJson.KEYS) {
        for (JsonNode row : g.get(key)) {
          for (JsonNode v : row.isArray() ? row : JSON.createArrayNode().add(row)) {
            scale = Math.max(scale, Math.abs(v.asDouble()));
          }
        }
      }
      checkEntry(data, system, g, "F", 0, 1, scale, rule);
      checkEntry(data, system, g, "H", 1, 0, scale, rule);
      checkEntry(data, system, g, "cholQ", 1, 0, scale, rule);
      checkEntry(data, system, g, "cholR", 1, 0, scale, rule);
      checkEntry(data, system, g, "cholP0", 0, 0, scale, rule);
      checkEntry(data, system, g, "m0", 0, -1, scale, rule);
      checkEntry(data, system, g, "d", 1, -1, scale, rule);
    }
  }

  private void checkEntry(
      Path data,
      ObjectNode system,
      JsonNode gradient,
      String key,
      int i,
      int j,
      double scale,
      String rule)
      throws IOException {
    double analytic =
        j < 0 ? gradient.get(key).get(i).asDouble() : gradient.get(key).get(i).get(j).asDouble();
    double plus = loglikWith(data, system, key, i, j, +FD_STEP);
    double minus = loglikWith(data, system, key, i, j, -FD_STEP);
    double numeric = (plus - minus) / (2 * FD_STEP);
    assertEquals(
        numeric,
        analytic,
        FD_TOLERANCE * Math.max(1, scale),
        () -> rule + ": d loglik / d " + key + "[" + i + "][" + j + "]");
  }

  private double loglikWith(Path data, ObjectNode system, String key, int i, int j, double step)
      throws IOException {
    ObjectNode moved = system.deepCopy();
    if (j < 0) {
      ArrayNode v = (ArrayNode) moved.get(key);
      v.set(i, v.get(i).asDouble() + step);
    } else {
      ArrayNode row = (ArrayNode) moved.get(key).get(i);
      row.set(j, row.get(j).asDouble() + step);
    }
    Path file = write("moved.json", moved.toString());
    return loglikJson(data, file).get("loglikelihood").asDouble();
  }

  @Test
  void gradientReportIsReadable() throws IOException {
    TwoSeries s = new TwoSeries(10, 5);
    Path data = write("two.csv", s.csv(",", "date", "a", "b"));
    Path system = write("sys.json", s.systemJson());
    CliRun run = CliRun.run("loglik", data.toString(), "--system", system.toString(), "--gradient");
    assertEquals(0, run.exitCode, run::toString);
    assertEquals("", run.err);
    for (String heading :
        new String[] {
          "F (2 x 2)",
          "c (length 2)",
          "cholQ (2 x 1)",
          "cholR (2 x 2)",
          "m0 (length 2)",
          "cholP0 (2 x 2)",
          "tria rule: masked"
        }) {
      assertTrue(run.out.contains(heading), () -> heading + " in\n" + run.out);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Columns, delimiters and missing values

  @Test
  void columnsSelectsAndOrdersTheValueColumns() throws IOException {
    TwoSeries s = new TwoSeries(20, 13);
    // Four value columns; the system observes (b, a) in that order.
    // Consecutive quarters: since loglik --system reads with fit's reader, a repeated quarter
    // (this test once wrote 2001Q1…2001Q4 over and over) is an error.
    StringBuilder csv = new StringBuilder("quarter;noise;a;b;more\n");
    for (int t = 0; t < s.y.length; t++) {
      csv.append(2001 + t / 4)
          .append('Q')
          .append(t % 4 + 1)
          .append(';')
          .append(0.5 * t)
          .append(';')
          .append(s.y[t][1])
          .append(';')
          .append(s.y[t][0])
          .append(';')
          .append(-t)
          .append('\n');
    }
    Path data = write("four.csv", csv.toString());
    Path system = write("sys.json", s.systemJson());
    CliRun run =
        CliRun.run(
            "loglik",
            data.toString(),
            "--system",
            system.toString(),
            "--columns",
            "b,a",
            "--json",
            "-");
    assertEquals(0, run.exitCode, run::toString);
    double expected = s.oracle(s.y);
    JsonNode out = JSON.readTree(run.out);
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
    assertEquals(40, out.get("nobs").asInt());

    // The same two columns, in that order, in their own file give the same value exactly.
    Path two = write("two.csv", s.csv(",", "date", "b", "a"));
    assertEquals(
        out.get("loglikelihood").asDouble(),
        loglikJson(two, system).get("loglikelihood").asDouble(),
        0.0);
  }

  @Test
  void everySpellingOfMissingCountsAsMissing() throws IOException {
    TwoSeries s = new TwoSeries(8, 17);
    String[] tokens = {"", "NA", "NaN", ".", "na", "nan"};
    StringBuilder csv = new StringBuilder("index\tb\ta\n");
    int missing = 0;
    for (int t = 0; t < s.y.length; t++) {
      String first = Double.toString(s.y[t][0]);
      String second = Double.toString(s.y[t][1]);
      if (t < tokens.length) {
        first = tokens[t];
        s.y[t][0] = Double.NaN;
        missing++;
      }
      if (t == 2) { // a step with nothing observed
        second = "  ";
        s.y[t][1] = Double.NaN;
        missing++;
      }
      csv.append(t).append('\t').append(first).append('\t').append(second).append('\n');
    }
    Path data = write("tab.tsv", csv.toString());
    Path system = write("sys.json", s.systemJson());
    JsonNode out = loglikJson(data, system);
    double expected = s.oracle(s.y);
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
    assertEquals(16 - missing, out.get("nobs").asInt());
  }

  @Test
  void emptyFactorsAreAccepted() throws IOException {
    // cholQ nx x 0 and cholP0 nx x 0 (no state noise, known initial state); R > 0.
    // No time column: the rows are the time steps. (This file once had a first column of labels
    // A, B, C; fit's reader, which loglik --system now uses, reads such a column as values.)
    Path data = write("d.csv", "y\n1.0\n1.5\n0.5\n");
    Path system =
        write(
            "sys.json",
            "{\"F\": [[0.5]], \"H\": [[2]], \"cholQ\": [[]], \"cholR\": [[1]], \"m0\": [1],"
                + " \"cholP0\": [[]]}");
    JsonNode out = loglikJson(data, system);
    // y_t = 2 · 0.5^(t−1) + v_t exactly, v_t ~ N(0, 1).
    double expected = 0;
    double[] y = {1.0, 1.5, 0.5};
    for (int t = 0; t < 3; t++) {
      double v = y[t] - 2 * Math.pow(0.5, t);
      expected += -0.5 * (Math.log(2 * Math.PI) + v * v);
    }
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
  }

  @Test
  void diffuseLevelGivesTheExactDiffuseLogLikelihood() throws IOException {
    // Local level with a diffuse initial level (cholPinf = [[1]], cholP0 empty). Durbin and
    // Koopman §2.9 / §7.2.2: the first observation sets a_2 = y_1, P_2 = σ²ε + σ²η, and
    // contributes −½ log 2π (F∞ = 1); the rest is the ordinary filter from there.
    double[] y = {4.4, 4.0, 3.5, Double.NaN, 3.8, 4.2, 5.1};
    double sigma2Level = 0.09;
    double sigma2Irregular = 0.25;
    StringBuilder csv = new StringBuilder("year,flow\n");
    for (int t = 0; t < y.length; t++) {
      csv.append(1990 + t).append(',').append(Double.isNaN(y[t]) ? "" : y[t]).append('\n');
    }
    Path data = write("flow.csv", csv.toString());
    Path system =
        write(
            "diffuse.json",
            "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]], \"m0\": [0],"
                + " \"cholP0\": [[]], \"cholPinf\": [[1]]}");
    double expected = -0.5 * Math.log(2 * Math.PI);
    double a = y[0];
    double p = sigma2Irregular + sigma2Level;
    for (int t = 1; t < y.length; t++) {
      if (!Double.isNaN(y[t])) {
        double v = y[t] - a;
        double f = p + sigma2Irregular;
        expected += -0.5 * (Math.log(2 * Math.PI) + Math.log(f) + v * v / f);
        a += p / f * v;
        p = p * (1 - p / f);
      }
      p += sigma2Level;
    }
    CliRun run =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--gradient", "--json", "-");
    assertEquals(0, run.exitCode, run::toString);
    JsonNode out = JSON.readTree(run.out);
    assertEquals(expected, out.get("loglikelihood").asDouble(), LL_TOLERANCE * Math.abs(expected));
    assertEquals(6, out.get("nobs").asInt());
    assertMatrixShape(out.get("gradient"), "cholPinf", 1, 1);
    assertMatrixShape(out.get("gradient"), "cholP0", 1, 0);
  }

  // -------------------------------------------------------------------------------------------
  // Output

  @Test
  void jsonFileIsWrittenAndNothingElse() throws IOException {
    TwoSeries s = new TwoSeries(10, 19);
    Path data = write("two.csv", s.csv(",", "date", "a", "b"));
    Path system = write("sys.json", s.systemJson());
    Path out = dir.resolve("out.json");
    CliRun run =
        CliRun.run(
            "loglik",
            data.toString(),
            "--system",
            system.toString(),
            "--gradient",
            "--json",
            out.toString());
    assertEquals(0, run.exitCode, run::toString);
    assertEquals("", run.out);
    assertEquals("", run.err);
    JsonNode json = JSON.readTree(out.toFile());
    assertEquals(
        iterableToList(json.fieldNames()), java.util.List.of("loglikelihood", "nobs", "gradient"));
    assertEquals(20, json.get("nobs").asInt());
  }

  @Test
  void helpSaysModelComesLater() {
    CliRun run = CliRun.run("loglik", "--help");
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.out.contains("--system=SYSTEM.json"), run.out);
    assertTrue(run.out.contains("--model MODEL --params"), run.out);
    CliRun top = CliRun.run("--help");
    assertTrue(top.out.contains("loglik"), top.out);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private JsonNode loglikJson(Path data, Path system) throws IOException {
    CliRun run =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--json", "-");
    assertEquals(0, run.exitCode, run::toString);
    return JSON.readTree(run.out);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertMatrixShape(JsonNode g, String key, int rows, int cols) {
    JsonNode m = g.get(key);
    assertTrue(m != null && m.isArray(), key);
    assertEquals(rows, m.size(), key + " rows");
    for (JsonNode row : m) {
      assertTrue(row.isArray(), key + " row");
      assertEquals(cols, row.size(), key + " columns");
      row.forEach(v -> assertTrue(v.isNumber(), key + " entry"));
    }
  }

  private static void assertVectorShape(JsonNode g, String key, int length) {
    JsonNode v = g.get(key);
    assertTrue(v != null && v.isArray(), key);
    assertEquals(length, v.size(), key + " length");
    v.forEach(e -> assertTrue(e.isNumber(), key + " entry"));
  }

  private static java.util.List<String> iterableToList(java.util.Iterator<String> it) {
    java.util.List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /**
   * A two-state, two-series system (singular state noise, full observation noise) and data
   * simulated from it with a fixed seed.
   */
  static final class TwoSeries {
    final double[][] F = {{0.95, 0.3}, {-0.1, 0.8}};
    final double[] c = {0.1, 0.0};
    final double[][] H = {{1.0, 0.0}, {0.4, 1.2}};
    final double[] d = {0.5, -0.3};
    final double[][] cholQ = {{0.3}, {0.6}};
    final double[][] cholR = {{0.7, 0.0}, {0.2, 0.5}};
    final double[] m0 = {0.0, 1.0};
    final double[][] cholP0 = {{1.5, 0.0}, {0.3, 0.8}};
    final double[][] y;

    TwoSeries(int steps, long seed) {
      Random rnd = new Random(seed);
      y = new double[steps][2];
      double[] x = {
        m0[0] + cholP0[0][0] * rnd.nextGaussian(), m0[1] + cholP0[1][0] * rnd.nextGaussian()
      };
      for (int t = 0; t < steps; t++) {
        double v1 = rnd.nextGaussian();
        double v2 = rnd.nextGaussian();
        y[t][0] = H[0][0] * x[0] + H[0][1] * x[1] + d[0] + cholR[0][0] * v1;
        y[t][1] = H[1][0] * x[0] + H[1][1] * x[1] + d[1] + cholR[1][0] * v1 + cholR[1][1] * v2;
        double w = rnd.nextGaussian();
        x =
            new double[] {
              F[0][0] * x[0] + F[0][1] * x[1] + c[0] + cholQ[0][0] * w,
              F[1][0] * x[0] + F[1][1] * x[1] + c[1] + cholQ[1][0] * w
            };
      }
    }

    /** ℓ by the covariance-form filter of the kalman test-jar (NaN entries missing). */
    double oracle(double[][] Y) {
      StateSpaceSystem system =
          StateSpaceSystem.builder()
              .F(new DMatrixRMaj(F))
              .c(column(c))
              .H(new DMatrixRMaj(H))
              .d(column(d))
              .cholQ(new DMatrixRMaj(cholQ))
              .cholR(new DMatrixRMaj(cholR))
              .m0(column(m0))
              .cholP0(new DMatrixRMaj(cholP0))
              .build();
      return CovarianceFilter.of(system, new DMatrixRMaj(Y)).logLikelihood;
    }

    private static DMatrixRMaj column(double[] v) {
      return new DMatrixRMaj(v.length, 1, true, v);
    }

    String systemJson() {
      try {
        ObjectNode o = JSON.createObjectNode();
        o.set("F", JSON.valueToTree(F));
        o.set("c", JSON.valueToTree(c));
        o.set("H", JSON.valueToTree(H));
        o.set("d", JSON.valueToTree(d));
        o.set("cholQ", JSON.valueToTree(cholQ));
        o.set("cholR", JSON.valueToTree(cholR));
        o.set("m0", JSON.valueToTree(m0));
        o.set("cholP0", JSON.valueToTree(cholP0));
        return JSON.writeValueAsString(o);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * CSV with a time column (consecutive days from 2000-01-01: increasing, as the reader requires)
     * and y1, y2 in columns named {@code first, second}.
     */
    String csv(String delimiter, String time, String first, String second) {
      StringBuilder sb = new StringBuilder(time + delimiter + first + delimiter + second + "\n");
      for (int t = 0; t < y.length; t++) {
        double u = y[t][0];
        double v = y[t][1];
        sb.append(LocalDate.of(2000, 1, 1).plusDays(t))
            .append(delimiter)
            .append(Double.isNaN(u) ? "" : Double.toString(u))
            .append(delimiter)
            .append(Double.isNaN(v) ? "" : Double.toString(v))
            .append('\n');
      }
      return sb.toString();
    }
  }
}
