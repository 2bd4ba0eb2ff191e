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
 * {@code --model sutse-trend} and {@code --seasonal S} with SUTSE models through the real {@code
 * ./gramian} launcher on the logs of the seatbelts data's front- and rear-seat casualties: ℓ at
 * fixed parameters against statsmodels' (the custom {@code MLEModel} of {@code
 * statsmodels_sutse.py}), and fits of the local linear trend with and without a seasonal.
 */
class SutseTrendLauncherTest {

  private static final Path STATSMODELS =
      Launcher.ROOT.resolve(
          "estimation/src/test/resources/io/gramian/estimation/models/statsmodels_sutse.csv");

  /** As in SutseLauncherTest: the two filters round differently at about 1e-13 relative. */
  private static final double STATSMODELS_RELATIVE = 1e-10;

  private static final String IRREGULAR_AND_LEVEL =
      "sqrt.cov.irregular.front.front=0.09,sqrt.cov.irregular.rear.front=-0.03,"
          + "sqrt.cov.irregular.rear.rear=0.07,sqrt.cov.level.front.front=0.02,"
          + "sqrt.cov.level.rear.front=0.015,sqrt.cov.level.rear.rear=0.012";

  private static final String TREND =
      ",sqrt.cov.trend.front.front=0.004,sqrt.cov.trend.rear.front=0.001,"
          + "sqrt.cov.trend.rear.rear=0.003";

  private static final String SEASONAL =
      ",sqrt.cov.seasonal.front.front=0.01,sqrt.cov.seasonal.rear.front=0.005,"
          + "sqrt.cov.seasonal.rear.rear=0.008";

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

  private double loglik(String model, String params, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "loglik",
                "datasets/seatbelts.csv",
                "--model",
                model,
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--params",
                params,
                "--json",
                "-"));
    args.addAll(List.of(more));
    Launcher.Run r = new Launcher(dir).gramian(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return new JsonMapper().readTree(r.out()).get("loglikelihood").asDouble();
  }

  @Test
  void logLikelihoodAtFixedParametersMatchesStatsmodels() throws Exception {
    Map<String, Double> reference = statsmodels();
    Object[][] cases = {
      {"trend", loglik("sutse-trend", IRREGULAR_AND_LEVEL + TREND)},
      {"seasonal", loglik("sutse-level", IRREGULAR_AND_LEVEL + SEASONAL, "--seasonal", "12")},
      {
        "trend_seasonal",
        loglik("sutse-trend", IRREGULAR_AND_LEVEL + TREND + SEASONAL, "--seasonal", "12")
      },
    };
    for (Object[] c : cases) {
      double expected = reference.get((String) c[0]);
      assertEquals(
          expected, (Double) c[1], STATSMODELS_RELATIVE * Math.abs(expected), (String) c[0]);
    }
  }

  @Test
  void fitsTheTrendWithAndWithoutASeasonal() throws Exception {
    Path states = dir.resolve("states.csv");
    Launcher.Run trend =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-trend",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--slope-rank",
                "1",
                "--json",
                "-",
                "--quiet");
    assertEquals(0, trend.exitCode(), trend.err());
    JsonNode t = new JsonMapper().readTree(trend.out());
    assertTrue(t.get("converged").asBoolean(), t.toString());
    assertEquals(8, t.get("parameters").size());
    assertEquals("sqrt.cov.trend.rear.front", t.get("parameters").get(7).get("name").asText());

    Launcher.Run seasonal =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/seatbelts.csv",
                "--model",
                "sutse-trend",
                "--seasonal",
                "12",
                "--columns",
                "front,rear",
                "--transform",
                "log",
                "--forecast",
                "12",
                "--states",
                states.toString(),
                "--quiet");
    assertEquals(0, seasonal.exitCode(), seasonal.err());
    assertTrue(seasonal.out().contains("sutse-trend + seasonal(12)"), seasonal.out());
    assertFalse(seasonal.out().contains("NOT converged"), seasonal.out());
    assertTrue(seasonal.out().contains("sqrt.cov.seasonal.rear.rear"), seasonal.out());
    List<String> rows = Files.readAllLines(states, StandardCharsets.UTF_8);
    assertTrue(rows.get(0).endsWith("signal.log(rear).smoothed,signal.log(rear).smoothed_sd"));
  }
}
