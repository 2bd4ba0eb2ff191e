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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} and {@code loglik --model sutse-level --columns front,rear} through the real {@code
 * ./gramian} launcher on the logs of the seatbelts data's front- and rear-seat casualties: ℓ at
 * fixed parameters against statsmodels' (the estimation library's {@code statsmodels_sutse.csv},
 * written by its committed script), fits with a full and a common (rank one) level, the JSON,
 * states and plot files, and bad options as one line with exit status 2.
 */
class SutseLauncherTest {

  /** statsmodels' reference values, repr of doubles, made by {@code statsmodels_sutse.py}. */
  private static final Path STATSMODELS =
      Launcher.ROOT.resolve(
          "estimation/src/test/resources/io/gramian/estimation/models/statsmodels_sutse.csv");

  /**
   * statsmodels prints 17 digits, the command 17 in its JSON; the two filters round differently at
   * about 1e-13 relative over 192 steps of a 2 × 2 system.
   */
  private static final double STATSMODELS_RELATIVE = 1e-10;

  /** The natural values statsmodels' ℓ was computed at (full rank; rank one drops the last). */
  private static final String PARAMS_RANK2 =
      "sqrt.cov.irregular.front.front=0.09,sqrt.cov.irregular.rear.front=-0.03,"
          + "sqrt.cov.irregular.rear.rear=0.07,sqrt.cov.level.front.front=0.02,"
          + "sqrt.cov.level.rear.front=0.015,sqrt.cov.level.rear.rear=0.012";

  private static final String PARAMS_RANK1 =
      PARAMS_RANK2.substring(0, PARAMS_RANK2.lastIndexOf(','));

  @TempDir Path dir;

  private static Map<String, Double> statsmodels() throws Exception {
    Map<String, Double> reference = new HashMap<>();
    List<String> lines = Files.readAllLines(STATSMODELS, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      reference.put(f[0], Double.parseDouble(f[2]));
    }
    return reference;
  }

  private double loglik(String rank, String params) throws Exception {
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "loglik",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--rank",
                rank,
                "--params",
                params,
                "--json",
                "-");
    assertEquals(0, r.exitCode(), r.err());
    return new JsonMapper().readTree(r.out()).get("loglikelihood").asDouble();
  }

  @Test
  void logLikelihoodAtFixedParametersMatchesStatsmodels() throws Exception {
    Map<String, Double> reference = statsmodels();
    double rank2 = reference.get("rank2");
    double rank1 = reference.get("rank1");
    assertEquals(rank2, loglik("2", PARAMS_RANK2), STATSMODELS_RELATIVE * Math.abs(rank2));
    assertEquals(rank1, loglik("1", PARAMS_RANK1), STATSMODELS_RELATIVE * Math.abs(rank1));
  }

  @Test
  void fitsBothSeriesWithForecastsStatesAndPlot() throws Exception {
    Path json = dir.resolve("fit.json");
    Path states = dir.resolve("states.csv");
    Path plot = dir.resolve("fit.png");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--forecast",
                "2",
                "--json",
                json.toString(),
                "--states",
                states.toString(),
                "--plot",
                plot.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Equation log(front)"), r.out());
    assertTrue(r.out().contains("Equation log(rear)"), r.out());
    assertTrue(r.out().contains("sqrt.cov.level.rear.front"), r.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean(), root.toString());
    assertEquals(6, root.get("parameters").size());
    assertEquals(
        "sqrt.cov.irregular.front.front", root.get("parameters").get(0).get("name").asText());
    // the maximum is at least ℓ at statsmodels' reference point
    assertTrue(root.get("loglikelihood").asDouble() > statsmodels().get("rank2"));
    JsonNode forecast = root.get("forecast");
    assertEquals(4, forecast.size());
    assertEquals("log(front)", forecast.get(0).get("series").asText());
    assertEquals("log(rear)", forecast.get(3).get("series").asText());
    assertEquals("1985-02", forecast.get(3).get("period").asText());
    List<String> rows = Files.readAllLines(states, StandardCharsets.UTF_8);
    assertEquals(1 + 192, rows.size());
    assertTrue(rows.get(0).startsWith("time,log(front).observed,"), rows.get(0));
    assertTrue(rows.get(0).endsWith("level.log(rear).smoothed,level.log(rear).smoothed_sd"));
    assertTrue(Files.size(plot) > 0);

    Launcher.Run common =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--rank",
                "1",
                "--json",
                "-",
                "--quiet");
    assertEquals(0, common.exitCode(), common.err());
    JsonNode c = new JsonMapper().readTree(common.out());
    assertTrue(c.get("converged").asBoolean(), c.toString());
    assertEquals(5, c.get("parameters").size());
    // a common level restricts the full model: its maximum is not higher
    assertTrue(c.get("loglikelihood").asDouble() < root.get("loglikelihood").asDouble());
  }

  @Test
  void badColumnsAndRankAreOneLine() throws Exception {
    Path json = dir.resolve("none.json");
    String[][] cases = {
      {"--columns", "front", "two or more value columns"},
      {"--rank", "1", "two or more value columns"},
      {"--columns", "front,rear", "--rank", "3", "--rank 3 is out of range"},
      {"--columns", "front,back", "has no column \"back\""},
      {"--columns", "front,rear", "--exog", "kms", "--exog does not go with --model sutse-level"},
      {"--columns", "front,rear", "--seasonal-type", "trig", "--seasonal-type does not go with"},
      {"--columns", "front,rear", "--seasonal", "12,4", "is one period S ≥ 2"},
      {"--columns", "front,rear", "--seasonal", "100000", "needs at least 200010 observations"},
      {
        "--columns", "front,rear", "--slope-rank", "1", "--slope-rank goes with --model sutse-trend"
      },
      {"--columns", "front,rear", "--order", "1,0,0", "--order does not go with"},
      {"--columns", "front,rear", "--save", "s.json", "--save does not go with"},
      {"--columns", "front,rear", "--exact", "back", "exact series back is not one of"},
      {"--columns", "front,rear", "--forecast", "2", "--simulate", "5", "--simulate does not"},
    };
    for (String[] c : cases) {
      List<String> args =
          new ArrayList<>(
              List.of("fit", "datasets/seatbelts.csv", "--model", "sutse-level", "--json"));
      args.add(json.toString());
      args.addAll(List.of(c).subList(0, c.length - 1));
      Launcher.Run r = new Launcher(dir).gramian(args.toArray(String[]::new));
      String refusal = r.refusal();
      assertTrue(refusal.contains(c[c.length - 1]), refusal);
      assertFalse(Files.exists(json));
    }
  }

  /**
   * {@code --exact rear}: rear observed without an irregular; {@code loglik} equals statsmodels' ℓ
   * of the same singular-irregular model, and the fit converges with the rear irregular's entries
   * gone from the parameters.
   */
  @Test
  void anExactSeriesFitsAndMatchesStatsmodels() throws Exception {
    double expected = statsmodels().get("rear_exact");
    Launcher.Run at =
        new Launcher(dir)
            .gramian(
                "loglik",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--exact",
                "rear",
                "--params",
                "sqrt.cov.irregular.front.front=0.09,sqrt.cov.level.front.front=0.02,"
                    + "sqrt.cov.level.rear.front=0.015,sqrt.cov.level.rear.rear=0.012",
                "--json",
                "-");
    assertEquals(0, at.exitCode(), at.err());
    double ll = new JsonMapper().readTree(at.out()).get("loglikelihood").asDouble();
    assertEquals(expected, ll, STATSMODELS_RELATIVE * Math.abs(expected));
    Path json = dir.resolve("exact.json");
    Launcher.Run fit =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-level",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--exact",
                "rear",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, fit.exitCode(), fit.err());
    assertTrue(fit.out().contains("sutse-level, exact rear"), fit.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("converged").asBoolean(), root.toString());
    assertEquals(4, root.get("parameters").size());
  }
}
