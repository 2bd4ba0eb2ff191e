package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian fit} and {@code gramian loglik --model} run in-process on the bundled data: the
 * summary, the JSON contract of docs/cli.md against the reference values, forecasts, and every kind
 * of bad input (one line, exit 2, no trace).
 */
class FitCommandTest {

  /** Nile local level, exact diffuse maximum (statsmodels 0.13.5 and R optim agree). */
  private static final double NILE_MAX_LOGLIK = -633.4645636362;

  /** statsmodels' value at (15099, 1469.1), 13 significant digits. */
  private static final double NILE_LOGLIK_AT_DK = -633.4645636489;

  private static final JsonMapper JSON = new JsonMapper();

  static final Path NILE = Path.of("..", "datasets", "nile.csv");

  @TempDir Path dir;

  @Test
  void summaryLooksLikeStatsmodels() {
    CliRun r = CliRun.run("fit", NILE.toString(), "--model", "local-level");
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(r.out.contains("Statespace Model Results"), r.out);
    assertTrue(r.out.contains("sigma2.irregular"), r.out);
    assertTrue(r.out.contains("Log Likelihood                -633.465"), r.out);
    assertTrue(r.out.contains("Ljung-Box"), r.out);
    assertTrue(r.out.contains("converged"), r.out);
  }

  @Test
  void jsonCarriesTheContractFieldsAndReferenceValues() throws Exception {
    Path out = dir.resolve("fit.json");
    CliRun r =
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--json",
            out.toString(),
            "--forecast",
            "3");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(out.toFile());
    assertEquals("local-level", j.get("model").asText());
    assertEquals(100, j.get("nobs").asInt());
    assertTrue(j.get("loglikelihood").asDouble() >= NILE_MAX_LOGLIK - 1e-6);
    assertEquals(-2 * j.get("loglikelihood").asDouble() + 6, j.get("aic").asDouble(), 1e-9);
    assertTrue(j.get("converged").asBoolean());
    assertTrue(j.get("iterations").asInt() > 0);
    assertTrue(j.get("gradient_norm").isNumber());
    JsonNode p = j.get("parameters");
    assertEquals("sigma2.irregular", p.get(0).get("name").asText());
    assertEquals(15098.5238088, p.get(0).get("estimate").asDouble(), 1e-4 * 15098.5);
    assertEquals(1469.17699197, p.get(1).get("estimate").asDouble(), 1e-4 * 1469.2);
    assertTrue(p.get(0).get("std_error").isNumber());
    JsonNode f = j.get("forecast");
    assertEquals(3, f.size());
    assertEquals("1971", f.get(0).get("time").asText());
    assertTrue(f.get(0).get("lower").asDouble() < f.get(0).get("mean").asDouble());
    assertTrue(r.out.contains("Forecast (95% interval)"), r.out);
  }

  /** Φ⁻¹(0.90) and Φ⁻¹(0.975) to 10 digits (scipy.stats.norm.ppf). */
  private static final double Z80 = 1.2815515655, Z95 = 1.9599639845;

  /** The quantiles above are given to 10 digits; the bounds are a few hundred, std ~ 150. */
  private static final double LEVEL_BOUND_TOLERANCE = 1e-7;

  @Test
  void severalLevelsGiveEveryIntervalInJsonAndSummary() throws Exception {
    Path out = dir.resolve("levels.json");
    CliRun r =
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--forecast",
            "2",
            "--level",
            "95,80",
            "--json",
            out.toString());
    assertEquals(0, r.exitCode, r::toString);
    JsonNode step = JSON.readTree(out.toFile()).get("forecast").get(1);
    double mean = step.get("mean").asDouble();
    double std = step.get("std").asDouble();
    assertEquals("1972", step.get("period").asText());
    JsonNode intervals = step.get("intervals");
    assertEquals(2, intervals.size());
    assertEquals(80, intervals.get(0).get("level").asDouble());
    assertEquals(mean - Z80 * std, intervals.get(0).get("lower").asDouble(), LEVEL_BOUND_TOLERANCE);
    assertEquals(mean + Z80 * std, intervals.get(0).get("upper").asDouble(), LEVEL_BOUND_TOLERANCE);
    assertEquals(95, intervals.get(1).get("level").asDouble());
    assertEquals(mean - Z95 * std, step.get("lower").asDouble(), LEVEL_BOUND_TOLERANCE);
    assertEquals(step.get("upper").asDouble(), intervals.get(1).get("upper").asDouble());
    assertTrue(r.out.contains("Forecast (80%, 95% intervals)"), r.out);
    assertTrue(r.out.contains("lower 80"), r.out);
  }

  @Test
  void badLevelsAreOneLine() {
    String[] base = {"fit", NILE.toString(), "--model", "local-level", "--forecast", "2"};
    assertBadInput(run(base, "--level", "95,abc"), "--level", "'abc' is not a number");
    assertBadInput(run(base, "--level", "100"), "--level", "100", "between 0 and 100");
    assertBadInput(run(base, "--level", "0"), "--level", "between 0 and 100");
    assertBadInput(run(base, "--level", "80,80"), "--level", "80 is given twice");
    assertBadInput(
        CliRun.run("fit", NILE.toString(), "--model", "local-level", "--level", "80"),
        "--level",
        "--forecast");
  }

  /** Without --model: one line naming the option, not an internal error. */
  @Test
  void aMissingModelIsOneLine() {
    CliRun r = CliRun.run("fit", NILE.toString());
    assertEquals(2, r.exitCode, r.toString());
    assertTrue(r.err.contains("no model given; use --model"), r.toString());
    assertEquals(1, r.err.strip().lines().count(), r.toString());
  }

  /** Options of several-series models are refused with a one-series model, not ignored. */
  @Test
  void severalSeriesOptionsAreRefusedWithOneSeries() {
    String[][] cases = {
      {"--factors", "2", "--factors and --factor-order go with --model dfm"},
      {"--factor-order", "2", "--factors and --factor-order go with --model dfm"},
      {"--rank", "1", "--rank goes with --model sutse-level"},
      {"--error-order", "1", "--error-order goes with --model dfm"},
      {"--error-cov", "diagonal", "--error-cov goes with --model dfm, var or varmax"},
    };
    for (String[] c : cases) {
      CliRun r = CliRun.run("fit", NILE.toString(), "--model", "local-level", c[0], c[1]);
      assertEquals(2, r.exitCode, r.toString());
      assertTrue(r.err.contains(c[2]), r.toString());
      assertEquals(1, r.err.strip().lines().count(), r.toString());
    }
    CliRun r = CliRun.run("fit", NILE.toString(), "--model", "local-level", "--measurement-error");
    assertEquals(2, r.exitCode, r.toString());
    assertTrue(r.err.contains("--measurement-error goes with --model var or varmax"), r.toString());
  }

  @Test
  void aBadLevelWritesNoOutput() {
    Path out = dir.resolve("none.json");
    assertBadInput(
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--forecast",
            "2",
            "--level",
            "150",
            "--json",
            out.toString()),
        "--level");
    assertFalse(Files.exists(out));
  }

  private static CliRun run(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return CliRun.run(all);
  }

  @Test
  void jsonToStandardOutputReplacesTheSummary() throws Exception {
    CliRun r = CliRun.run("fit", NILE.toString(), "--model", "local-level", "--json", "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(r.out);
    assertEquals("local-level", j.get("model").asText());
  }

  @Test
  void arimaWithSeasonalOrderOnLoggedData() throws Exception {
    CliRun r =
        CliRun.run(
            "fit",
            Path.of("..", "datasets", "air_passengers.csv").toString(),
            "--transform",
            "log",
            "--model",
            "arima",
            "--order",
            "0,1,1",
            "--seasonal-order",
            "0,1,1,12",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode p = JSON.readTree(r.out).get("parameters");
    // R arima and statsmodels (simple differencing) agree on these to 1e-4.
    assertEquals(-0.4018, p.get(0).get("estimate").asDouble(), 1e-3);
    assertEquals(-0.5569, p.get(1).get("estimate").asDouble(), 1e-3);
  }

  @Test
  void loglikWithModelAndParamsMatchesTheReference() throws Exception {
    CliRun r =
        CliRun.run(
            "loglik",
            NILE.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=15099,sigma2.level=1469.1",
            "--gradient",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(r.out);
    assertEquals(NILE_LOGLIK_AT_DK, j.get("loglikelihood").asDouble(), 1e-9 * 634);
    assertEquals(100, j.get("nobs").asInt());
    assertTrue(j.get("gradient").get("sigma2.level").isNumber());
  }

  @Test
  void aVarianceAtZeroHasANullGradient() throws Exception {
    CliRun r =
        CliRun.run(
            "loglik",
            NILE.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=15099,sigma2.level=0",
            "--gradient",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(JSON.readTree(r.out).get("gradient").get("sigma2.level").isNull(), r.out);
  }

  @Test
  void aConstantSeriesFitsWithVariancesAtZero() throws Exception {
    Path csv = dir.resolve("constant.csv");
    StringBuilder s = new StringBuilder("year,value\n");
    for (int t = 0; t < 30; t++) {
      s.append(2000 + t).append(",5\n");
    }
    Files.writeString(csv, s);
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level", "--json", "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode j = JSON.readTree(r.out);
    for (JsonNode p : j.get("parameters")) {
      assertTrue(p.get("estimate").asDouble() < 1e-10, r.out);
    }
    assertTrue(j.get("warnings").size() > 0, r.out);
  }

  @Test
  void writesThePlotsAndTheStatesCsv() throws Exception {
    Path png = dir.resolve("nile.png");
    Path diag = dir.resolve("diag.png");
    Path states = dir.resolve("states.csv");
    CliRun r =
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--forecast",
            "5",
            "--plot",
            png.toString(),
            "--diagnostics-plot",
            diag.toString(),
            "--states",
            states.toString());
    assertEquals(0, r.exitCode, r::toString);
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(700, image.getHeight());
    assertEquals(900, javax.imageio.ImageIO.read(diag.toFile()).getHeight());
    java.util.List<String> lines = Files.readAllLines(states);
    assertEquals(101, lines.size());
    assertTrue(
        lines.get(0).startsWith("time,observed,predicted,predicted_sd,level.filtered"),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("1871,1120,"), lines.get(1));
  }

  @Test
  void anUnwritablePlotPathIsBadInput() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file.txt"), "x");
    assertBadInput(
        CliRun.run(
            "fit",
            NILE.toString(),
            "--model",
            "local-level",
            "--plot",
            notADirectory.resolve("x.png").toString()),
        "x.png");
  }

  // Bad input: one line on standard error, exit 2, no trace.

  @Test
  void missingFile() {
    assertBadInput(
        CliRun.run("fit", dir.resolve("nope.csv").toString(), "--model", "local-level"),
        "nope.csv");
  }

  @Test
  void nonNumericValueNamesLineAndColumn() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "year,flow\n2000,1\n2001,1x2\n2002,3\n");
    assertBadInput(
        CliRun.run("fit", csv.toString(), "--model", "local-level"), "line 3", "\"flow\"");
  }

  @Test
  void raggedRow() throws Exception {
    Path csv = dir.resolve("ragged.csv");
    Files.writeString(csv, "year,flow\n2000,1\n2001,2,3\n2002,3\n");
    assertBadInput(CliRun.run("fit", csv.toString(), "--model", "local-level"), "line 3");
  }

  @Test
  void infiniteValue() throws Exception {
    Path csv = dir.resolve("inf.csv");
    Files.writeString(csv, "year,flow\n2000,1\n2001,Inf\n2002,3\n");
    assertBadInput(CliRun.run("fit", csv.toString(), "--model", "local-level"), "line 3");
  }

  @Test
  void unknownColumn() {
    assertBadInput(
        CliRun.run("fit", NILE.toString(), "--model", "local-level", "--column", "flow"), "flow");
  }

  @Test
  void unknownModel() {
    assertBadInput(CliRun.run("fit", NILE.toString(), "--model", "local-levle"), "local-levle");
  }

  @Test
  void unknownOption() {
    CliRun r = CliRun.run("fit", NILE.toString(), "--model", "local-level", "--frobnicate");
    assertEquals(2, r.exitCode, r::toString);
    assertTrue(r.err.contains("--frobnicate"), r::toString);
  }

  @Test
  void tooFewObservations() throws Exception {
    Path csv = dir.resolve("short.csv");
    Files.writeString(csv, "year,flow\n2000,1\n2001,2\n");
    // The size rule: two full seasons (ModelSizeRule).
    assertBadInput(
        CliRun.run("fit", csv.toString(), "--model", "bsm", "--seasonal", "12"),
        "--model bsm --seasonal 12 needs at least 24 observations");
  }

  @Test
  void allMissingColumn() throws Exception {
    Path csv = dir.resolve("missing.csv");
    Files.writeString(csv, "year,flow\n2000,NA\n2001,\n2002,.\n");
    assertBadInput(
        CliRun.run("fit", csv.toString(), "--model", "local-level"), "no observed value");
  }

  @Test
  void unknownParameterInParams() {
    assertBadInput(
        CliRun.run(
            "loglik",
            NILE.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=1,sigma2.lvl=2"),
        "unknown parameter sigma2.lvl");
  }

  @Test
  void negativeVarianceInParams() {
    assertBadInput(
        CliRun.run(
            "loglik",
            NILE.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=-1,sigma2.level=2"),
        "sigma2.irregular");
  }

  private static void assertBadInput(CliRun r, String... fragments) {
    assertEquals(2, r.exitCode, r::toString);
    assertEquals("", r.out, r::toString);
    String[] lines = r.err.strip().split("\n");
    assertTrue(lines[0].startsWith("gramian: "), r::toString);
    for (String f : fragments) {
      assertTrue(lines[0].contains(f), () -> f + " in\n" + r);
    }
    assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), r::toString);
  }
}
