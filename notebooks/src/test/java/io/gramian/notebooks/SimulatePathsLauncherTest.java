package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --forecast H --simulate N --paths-out PATHS.csv} through the real {@code ./gramian}
 * launcher: the file's header and N × H rows, the paths' mean and 2.5% and 97.5% quantiles against
 * the forecast's mean and 95% bounds in the JSON written by the same run, the same seed giving the
 * same file, and each bad combination as one line, exit status 2 and no file.
 */
class SimulatePathsLauncherTest {

  /**
   * Bound in standard errors (se(mean) = σ/√N; se of the sample p-quantile sqrt(p(1 − p)/N)/φ(z_p)
   * σ): 3 comparisons at each of 4 horizons, each failing with probability about 5.7e-7 under the
   * model at 5 standard errors. The run is seeded, so the outcome is fixed.
   */
  private static final double Z = 5.0;

  private static final int PATHS = 4000;

  private static final int HORIZON = 4;

  @TempDir Path dir;

  @Test
  void pathsAgreeWithTheForecastAndRepeatWithTheSeed() throws Exception {
    Path paths = dir.resolve("out/paths.csv");
    Path json = dir.resolve("fit.json");
    Launcher.Run r = simulate(paths, json, "--seed", "5");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = Files.readAllLines(paths);
    assertEquals("path,step,period,value", lines.get(0));
    assertEquals(PATHS * HORIZON + 1, lines.size());
    assertTrue(lines.get(1).startsWith("1,1,1971,"), lines.get(1));
    assertTrue(lines.get(lines.size() - 1).startsWith(PATHS + "," + HORIZON + ",1974,"));
    double[][] values = new double[HORIZON][PATHS];
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      values[Integer.parseInt(cells[1]) - 1][Integer.parseInt(cells[0]) - 1] =
          Double.parseDouble(cells[3]);
    }
    JsonNode forecast = new JsonMapper().readTree(json.toFile()).get("forecast");
    double z = 1.959963984540054;
    double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    for (int h = 0; h < HORIZON; h++) {
      JsonNode step = forecast.get(h);
      double mean = step.get("mean").asDouble();
      double sigma = step.get("std").asDouble();
      double[] v = values[h];
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double quantileSe = Math.sqrt(0.025 * 0.975 / PATHS) / density * sigma;
      within(Arrays.stream(v).average().orElseThrow(), mean, sigma / Math.sqrt(PATHS), "mean");
      within(
          sorted[(int) Math.ceil(0.025 * PATHS) - 1],
          step.get("lower").asDouble(),
          quantileSe,
          "2.5%");
      within(
          sorted[(int) Math.ceil(0.975 * PATHS) - 1],
          step.get("upper").asDouble(),
          quantileSe,
          "97.5%");
    }
    Path again = dir.resolve("again.csv");
    assertEquals(0, simulate(again, dir.resolve("again.json"), "--seed", "5").exitCode());
    assertEquals(lines, Files.readAllLines(again));
  }

  @Test
  void badCombinationsAreOneLineAndWriteNothing() throws Exception {
    Path paths = dir.resolve("paths.csv");
    String p = paths.toString();
    List<List<String>> cases =
        List.of(
            List.of("--simulate", "10", "--paths-out", p),
            List.of("--forecast", "3", "--simulate", "0", "--paths-out", p),
            List.of("--forecast", "3", "--simulate", "-2", "--paths-out", p),
            List.of("--forecast", "3", "--simulate", "10"),
            List.of("--forecast", "3", "--paths-out", p));
    List<String> expected =
        List.of(
            "gramian: --simulate draws paths over the forecast's periods; give --forecast H with it",
            "gramian: --simulate takes a positive number of paths, got 0",
            "gramian: --simulate takes a positive number of paths, got -2",
            "gramian: --simulate needs --paths-out PATHS.csv, the file its paths are written to",
            "gramian: --paths-out names the file of --simulate's paths; give --simulate N with it");
    for (int i = 0; i < cases.size(); i++) {
      List<String> args =
          new ArrayList<>(List.of("fit", "datasets/nile.csv", "--model", "local-level"));
      args.addAll(cases.get(i));
      Launcher.Run r = new Launcher(dir).gramian(args.toArray(String[]::new));
      assertEquals(expected.get(i), r.refusal());
      assertFalse(Files.exists(paths));
    }
  }

  private Launcher.Run simulate(Path paths, Path json, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "fit",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--forecast",
                Integer.toString(HORIZON),
                "--simulate",
                Integer.toString(PATHS),
                "--paths-out",
                paths.toString(),
                "--json",
                json.toString(),
                "--quiet"));
    args.addAll(List.of(more));
    return new Launcher(dir).gramian(args.toArray(String[]::new));
  }

  private static void within(double actual, double expected, double se, String what) {
    assertTrue(
        Math.abs(actual - expected) <= Z * se,
        what + ": " + actual + " vs " + expected + " (" + (actual - expected) / se + " se)");
  }
}
