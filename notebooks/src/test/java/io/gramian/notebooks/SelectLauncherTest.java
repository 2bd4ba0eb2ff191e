package io.gramian.notebooks;

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
 * {@code select} and {@code fit --model auto} through the real {@code ./gramian} launcher on the
 * Nile: auto.arima's model first (R 4.2.2, forecast 8.20: ARIMA(1,1,1), AICc 1267.507; the search
 * itself is checked against R on seven series in the library's ModelSearchAutoArimaTest), the JSON
 * of docs/cli.md, and bad options as one line, exit status 2 and no output file.
 */
class SelectLauncherTest {

  /** R's AICc of auto.arima(Nile). */
  private static final double R_AICC = 1267.50739513;

  /**
   * Our fit of the same model reaches R's AICc to this: the two optimisers stop at slightly
   * different points of a flat maximum (the library test's same-model tolerance).
   */
  private static final double AICC_TOLERANCE = 0.02;

  @TempDir Path dir;

  @Test
  void selectRanksAutoArimasModelFirst() throws Exception {
    Path json = dir.resolve("select.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian("select", "datasets/nile.csv", "--json", json.toString(), "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("arima --order 1,1,1"), r.out());
    JsonNode candidates = new JsonMapper().readTree(json.toFile()).get("candidates");
    JsonNode first = candidates.get(0);
    assertEquals(1, first.get("rank").asInt());
    assertEquals("arima --order 1,1,1", first.get("model").asText());
    assertEquals(R_AICC, first.get("aicc").asDouble(), AICC_TOLERANCE);
    assertTrue(first.get("comparable").asBoolean());
    assertTrue(first.get("loglikelihood").isNumber());
    boolean localLevelComparable = false;
    for (JsonNode c : candidates) {
      if (c.get("model").asText().equals("local-level")) {
        // a local level's diffuse likelihood is that of the first differences, as ARIMA(p,1,q)'s
        localLevelComparable = c.get("comparable").asBoolean();
      }
    }
    assertTrue(localLevelComparable, candidates.toString());
  }

  @Test
  void fitModelAutoFitsTheFirstAndSaysWhich() throws Exception {
    Path json = dir.resolve("fit.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "fit",
                "datasets/nile.csv",
                "--model",
                "auto",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("fit --model auto: chose arima --order 1,1,1"), r.err());
    JsonNode fit = new JsonMapper().readTree(json.toFile());
    assertEquals(List.of("ar.L1", "ma.L1", "sigma2"), names(fit.get("parameters")));
  }

  /**
   * {@code --by backtest}: the candidates ranked by the RMSE of their forecasts (the ranking itself
   * is checked in the library's BacktestRankingTest), in the JSON with {@code backtest_rmse}.
   */
  @Test
  void selectByBacktestRanksByTheForecastsRmse() throws Exception {
    Path json = dir.resolve("by-backtest.json");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "select",
                "datasets/nile.csv",
                "--by",
                "backtest",
                "--horizon",
                "5",
                "--folds",
                "10",
                "--json",
                json.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("ranked by backtest"), r.out());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertEquals("backtest", root.get("ranked_by").asText());
    double previous = 0;
    for (JsonNode c : root.get("candidates")) {
      if (c.get("backtest_rmse").isNumber()) {
        double rmse = c.get("backtest_rmse").asDouble();
        assertTrue(rmse >= previous, root.toString());
        assertTrue(c.get("comparable").asBoolean());
        previous = rmse;
      }
    }
    assertTrue(root.get("candidates").get(0).get("backtest_rmse").isNumber());
  }

  @Test
  void badOptionsAreOneLineAndWriteNothing() throws Exception {
    Launcher launcher = new Launcher(dir);
    Path json = dir.resolve("none.json");
    String[][] cases = {
      {"--seasonal", "1"},
      {"--by", "backtest", "--folds", "0"},
      {"--horizon", "3"},
      {"--by", "backtest", "--horizon", "50", "--folds", "60"},
      {"--by", "bic"},
      {"--transform", "sqrt"},
      {"--column", "nope"},
    };
    String[] expected = {
      "gramian: --seasonal takes a period of at least 2, got 1",
      "gramian: --folds takes a positive number of folds",
      "gramian: --horizon and --folds go with --by backtest",
      "gramian: no candidate could be backtested with horizon 50 and 60 folds",
      "gramian: --by takes aicc or backtest, got \"bic\"",
      "gramian: unknown transform",
      "gramian: ",
    };
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 4];
      args[0] = "select";
      args[1] = "datasets/nile.csv";
      System.arraycopy(cases[i], 0, args, 2, cases[i].length);
      args[args.length - 2] = "--json";
      args[args.length - 1] = json.toString();
      Launcher.Run r = launcher.gramian(args);
      String refusal = r.refusal();
      assertTrue(refusal.startsWith(expected[i]), refusal);
      assertFalse(Files.exists(json));
    }
  }

  /** The parameter names of a fit's JSON. */
  private static List<String> names(JsonNode parameters) {
    List<String> out = new ArrayList<>();
    parameters.forEach(p -> out.add(p.get("name").asText()));
    return out;
  }
}
