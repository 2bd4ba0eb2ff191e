package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --exog A,B --forecast H --future FUTURE.csv} and {@code --transform log} through the
 * real {@code ./gramian} launcher, on UK drivers killed or seriously injured (the first 180 months
 * of {@code datasets/seatbelts.csv} as the data, 1984's rows as the future): the forecast and its
 * original-scale median, mean and bounds in the JSON agree with statsmodels' {@code
 * get_forecast(12, exog=…)} at the same parameters and their log-normal back-transformation ({@code
 * statsmodels_future_forecasts.csv} of the estimation module's tests), for a structural model with
 * the coefficients as diffuse states and for a SARIMAX; and each bad future file is one line on
 * standard error, exit status 2 and no output file.
 */
class FutureForecastLauncherTest {

  /** As the library's reference test (FutureForecastReferenceTest): 1e-8 relative. */
  private static final double TOLERANCE = 1e-8;

  /** b^x turns 1e-8 relative on the log scale into about |x| · 1e-8 ≤ 1e-7 here. */
  private static final double ORIGINAL_TOLERANCE = 1e-7;

  private static final Path REFERENCE =
      Launcher.ROOT.resolve(
          "estimation/src/test/resources/io/gramian/estimation/results/"
              + "statsmodels_future_forecasts.csv");

  private static final int FITTED = 180;

  @TempDir Path dir;

  private Path data;
  private Path future;

  /** The data file (to 1983-12) and the future file (1984, every column of the original). */
  @BeforeEach
  void split() throws IOException {
    List<String> lines = Files.readAllLines(Launcher.ROOT.resolve("datasets/seatbelts.csv"));
    data = dir.resolve("drivers.csv");
    future = dir.resolve("future.csv");
    Files.write(data, lines.subList(0, FITTED + 1));
    List<String> ahead = new ArrayList<>();
    ahead.add(lines.get(0));
    ahead.addAll(lines.subList(FITTED + 1, lines.size()));
    Files.write(future, ahead);
  }

  @Test
  void structuralModelWithDiffuseCoefficients() throws Exception {
    Path json = dir.resolve("uc.json");
    Path plot = dir.resolve("uc.png");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--transform",
                "log",
                "--model",
                "local-level",
                "--seasonal",
                "12",
                "--exog",
                "PetrolPrice,law",
                "--fix",
                "sigma2.irregular=0.0043,sigma2.level=0.0002,sigma2.seasonal=1e-6",
                "--forecast",
                "12",
                "--future",
                future.toString(),
                "--level",
                "80,95",
                "--json",
                json.toString(),
                "--plot",
                plot.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Forecast on the original scale (80%, 95% intervals)"), r.out());
    assertTrue(r.out().contains("median = exp(mean); mean = exp(mean + σ²/2)"), r.out());
    assertTrue(Files.size(plot) > 0);
    check(json, "uc_diffuse");
  }

  @Test
  void sarimaxWithRegressors() throws Exception {
    Path json = dir.resolve("sarimax.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--transform",
                "log",
                "--model",
                "arima",
                "--order",
                "1,0,0",
                "--seasonal-order",
                "0,1,1,12",
                "--exog",
                "PetrolPrice,law",
                "--fix",
                "beta.PetrolPrice=-3.67,beta.law=-0.225,ar.L1=0.437,ma.S.L12=-0.78,sigma2=0.0064",
                "--forecast",
                "12",
                "--future",
                future.toString(),
                "--level",
                "80,95",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    check(json, "sarimax");
  }

  @Test
  void eachBadFutureIsOneLineAndWritesNothing() throws Exception {
    List<String> lines = Files.readAllLines(future);
    Path columns = dir.resolve("columns.csv");
    Files.write(columns, lines.stream().map(l -> l.replace(",law", ",lawx")).toList());
    Path shortFile = dir.resolve("short.csv");
    Files.write(shortFile, lines.subList(0, 11));
    Path missing = dir.resolve("missing.csv");
    List<String> gap = new ArrayList<>(lines);
    gap.set(4, gap.get(4).substring(0, gap.get(4).lastIndexOf(',') + 1));
    Files.write(missing, gap);
    Path later = dir.resolve("later.csv");
    Files.write(later, lines.stream().map(l -> l.replaceFirst("^1984", "1985")).toList());

    assertBadInput(
        null,
        "--forecast with --exog needs the regressors' values over the horizon: give --future");
    assertBadInput(dir.resolve("absent.csv"), "absent.csv: no such file");
    assertBadInput(columns, "columns.csv: no column \"law\"; the future values need the --exog");
    assertBadInput(
        shortFile,
        "short.csv: 10 rows of future values, fewer than the 12 periods to forecast (1984-01 to"
            + " 1984-12)");
    assertBadInput(
        missing,
        "missing.csv: line 5, column \"law\": no value for 1984-04; the regressors' values over"
            + " the forecast horizon may not be missing");
    assertBadInput(
        later,
        "later.csv: line 2, column \"date\": period \"1985-01\" where 1984-01 was expected: the"
            + " future's periods must continue the data's, which end at 1983-12");

    Path json = dir.resolve("nothing.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--model",
                "local-level",
                "--forecast",
                "3",
                "--future",
                future.toString(),
                "--json",
                json.toString());
    assertOneLine(r, "--future gives the regressors' values over the forecast horizon; it goes");
    assertFalse(Files.exists(json));
  }

  /**
   * Simulated paths of the structural model with regressors, continued with 1984's values: their
   * mean and standard deviation at each step agree with statsmodels' forecast within Monte Carlo
   * error (Z standard errors of the estimate: σ/√N for the mean, σ/√(2N) for the deviation).
   */
  @Test
  void simulatedPathsTakeTheRegressorsFutureValues() throws Exception {
    int paths = 4000;
    double z = 5.0;
    Path csv = dir.resolve("paths.csv");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--transform",
                "log",
                "--model",
                "local-level",
                "--seasonal",
                "12",
                "--exog",
                "PetrolPrice,law",
                "--fix",
                "sigma2.irregular=0.0043,sigma2.level=0.0002,sigma2.seasonal=1e-6",
                "--forecast",
                "12",
                "--future",
                future.toString(),
                "--simulate",
                String.valueOf(paths),
                "--paths-out",
                csv.toString(),
                "--seed",
                "11",
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    double[][] values = new double[12][paths];
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      values[Integer.parseInt(cells[1]) - 1][Integer.parseInt(cells[0]) - 1] =
          Double.parseDouble(cells[3]);
    }
    for (double[] row : reference("uc_diffuse")) {
      int h = (int) row[0];
      double[] v = values[h - 1];
      double mean = java.util.Arrays.stream(v).average().orElseThrow();
      double sd =
          Math.sqrt(
              java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (paths - 1));
      assertEquals(row[1], mean, z * row[2] / Math.sqrt(paths), "mean at step " + h);
      assertEquals(row[2], sd, z * row[2] / Math.sqrt(2.0 * paths), "sd at step " + h);
    }
  }

  /**
   * Intervals with parameter uncertainty for the structural model with regressors: the same means
   * as the noise-only forecast from the same fit, wider standard errors at every step.
   */
  @Test
  void parameterUncertaintyTakesTheRegressorsFutureValues() throws Exception {
    JsonNode noise = estimatedForecast("noise");
    JsonNode parameters = estimatedForecast("parameters");
    assertEquals(3, parameters.size());
    for (int h = 0; h < 3; h++) {
      assertEquals(noise.get(h).get("mean").asDouble(), parameters.get(h).get("mean").asDouble());
      assertTrue(
          parameters.get(h).get("std").asDouble() > noise.get(h).get("std").asDouble(),
          "step " + (h + 1) + ": " + parameters.get(h) + " against " + noise.get(h));
    }
  }

  /** The forecast of log drivers, local level and regressors estimated, with these intervals. */
  private JsonNode estimatedForecast(String uncertainty) throws Exception {
    Path json = dir.resolve(uncertainty + ".json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--transform",
                "log",
                "--model",
                "local-level",
                "--exog",
                "PetrolPrice,law",
                "--forecast",
                "3",
                "--future",
                future.toString(),
                "--interval-uncertainty",
                uncertainty,
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    return new JsonMapper().readTree(json.toFile()).get("forecast");
  }

  /** A run with this future file (none: no --future) fails with this line and writes nothing. */
  private void assertBadInput(Path futureFile, String expected) throws Exception {
    Path json = dir.resolve("bad.json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "fit",
                data.toString(),
                "--column",
                "drivers",
                "--model",
                "local-level",
                "--exog",
                "PetrolPrice,law",
                "--forecast",
                "12",
                "--json",
                json.toString()));
    if (futureFile != null) {
      args.add("--future");
      args.add(futureFile.toString());
    }
    assertOneLine(new Launcher(dir).gramian(args.toArray(String[]::new)), expected);
    assertFalse(Files.exists(json));
  }

  private static void assertOneLine(Launcher.Run r, String start) {
    String refusal = r.refusal();
    assertTrue(refusal.contains(start), refusal);
  }

  /** The JSON's forecast against the reference rows of {@code name}. */
  private static void check(Path json, String name) throws IOException {
    JsonNode forecast = new JsonMapper().readTree(json.toFile()).get("forecast");
    List<double[]> rows = reference(name);
    assertEquals(rows.size(), forecast.size());
    for (double[] row : rows) {
      // step, mean, se, lower80, upper80, lower95, upper95, median, mean, bounds (original scale)
      JsonNode step = forecast.get((int) row[0] - 1);
      String at = name + " step " + (int) row[0];
      close(row[1], step.get("mean").asDouble(), TOLERANCE, at + " mean");
      close(row[2], step.get("std").asDouble(), TOLERANCE, at + " std");
      JsonNode intervals = step.get("intervals");
      close(row[3], intervals.get(0).get("lower").asDouble(), TOLERANCE, at + " lower 80");
      close(row[4], intervals.get(0).get("upper").asDouble(), TOLERANCE, at + " upper 80");
      close(row[5], step.get("lower").asDouble(), TOLERANCE, at + " lower 95");
      close(row[6], step.get("upper").asDouble(), TOLERANCE, at + " upper 95");
      JsonNode original = step.get("original");
      close(row[7], original.get("median").asDouble(), ORIGINAL_TOLERANCE, at + " median");
      close(row[8], original.get("mean").asDouble(), ORIGINAL_TOLERANCE, at + " original mean");
      close(row[11], original.get("lower").asDouble(), ORIGINAL_TOLERANCE, at + " original lower");
      close(row[12], original.get("upper").asDouble(), ORIGINAL_TOLERANCE, at + " original upper");
    }
  }

  private static void close(double expected, double actual, double tolerance, String what) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), what);
  }

  private static List<double[]> reference(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      if (f[0].equals(name)) {
        double[] r = new double[f.length - 1];
        for (int j = 1; j < f.length; j++) {
          r[j - 1] = Double.parseDouble(f[j]);
        }
        rows.add(r);
      }
    }
    assertFalse(rows.isEmpty(), "no rows for " + name + " in " + REFERENCE);
    return rows;
  }
}
