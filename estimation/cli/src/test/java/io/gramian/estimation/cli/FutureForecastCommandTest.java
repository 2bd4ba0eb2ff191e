package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --transform log10 --forecast}: the JSON's {@code original} entries against the
 * log-normal formulas computed here from the same entry's modelled mean, std and bounds, and the
 * summary's second table; {@code --future} for data without a time column. (The agreement with
 * statsmodels is checked through the launcher in the notebooks module's {@code
 * FutureForecastLauncherTest}.)
 */
class FutureForecastCommandTest {

  /**
   * Both sides compute 10^x from the same doubles, one as exp(x ln 10), the other with Math.pow:
   * they differ by rounding, amplified by |x| ln 10 ≈ 7.
   */
  private static final double ROUNDING = 1e-13;

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path dir;

  @Test
  void log10ForecastsAreAlsoGivenOnTheOriginalScale() throws Exception {
    CliRun r =
        CliRun.run(
            "fit",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-level",
            "--transform",
            "log10",
            "--fix",
            "sigma2.irregular=0.0058,sigma2.level=0.0005",
            "--forecast",
            "3",
            "--level",
            "80,95",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode forecast = JSON.readTree(r.out).get("forecast");
    assertEquals(3, forecast.size());
    double ln10 = Math.log(10);
    for (JsonNode step : forecast) {
      double mean = step.get("mean").asDouble();
      double std = step.get("std").asDouble();
      JsonNode original = step.get("original");
      close(Math.pow(10, mean), original.get("median").asDouble(), "median");
      close(
          Math.pow(10, mean) * Math.exp(std * std * ln10 * ln10 / 2),
          original.get("mean").asDouble(),
          "mean");
      close(Math.pow(10, step.get("lower").asDouble()), original.get("lower").asDouble(), "lower");
      close(Math.pow(10, step.get("upper").asDouble()), original.get("upper").asDouble(), "upper");
      assertTrue(original.get("mean").asDouble() > original.get("median").asDouble());
    }

    CliRun summary =
        CliRun.run(
            "fit",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-level",
            "--transform",
            "log10",
            "--forecast",
            "2",
            "--quiet");
    assertEquals(0, summary.exitCode, summary::toString);
    assertTrue(summary.out.contains("Forecast on the original scale (95% interval)"), summary.out);
    assertTrue(
        summary.out.contains(
            "median = 10^mean; mean = 10^mean · exp((σ ln 10)²/2), the log-normal mean;"
                + " bounds = 10^bounds"),
        summary.out);
    assertTrue(summary.out.contains("period               median           mean          lower"));
  }

  @Test
  void withoutALogarithmThereIsNoOriginalScale() throws Exception {
    CliRun r =
        CliRun.run(
            "fit",
            FitCommandTest.NILE.toString(),
            "--model",
            "local-level",
            "--forecast",
            "2",
            "--json",
            "-");
    assertEquals(0, r.exitCode, r::toString);
    assertFalse(JSON.readTree(r.out).get("forecast").get(0).has("original"));
  }

  @Test
  void undatedDataTakeAnUndatedFutureInOrder() throws Exception {
    List<String> data = new ArrayList<>(List.of("y,x"));
    for (int t = 0; t < 40; t++) {
      data.add((10 + 0.5 * t + Math.sin(t)) + "," + (t % 3));
    }
    Path dataFile = Files.write(dir.resolve("data.csv"), data);
    // Two rows for the horizon, then a row with a missing value that is not needed.
    Path future = Files.write(dir.resolve("future.csv"), List.of("x", "1", "2", ""));
    CliRun r =
        CliRun.run(
            "fit",
            dataFile.toString(),
            "--column",
            "y",
            "--model",
            "local-level",
            "--exog",
            "x",
            "--forecast",
            "2",
            "--future",
            future.toString(),
            "--json",
            "-",
            "--quiet");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode forecast = JSON.readTree(r.out).get("forecast");
    assertEquals("41", forecast.get(0).get("period").asText());
    assertEquals("42", forecast.get(1).get("period").asText());
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, ROUNDING * Math.abs(expected), what);
  }
}
