package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian backtest} through the real {@code ./gramian} launcher: the table, the CSV, the
 * JSON and the plot of a refitting backtest, and folds that leave too little data as one line, exit
 * status 2 and no file. (The numbers are checked against R and statsmodels in the library's {@code
 * BacktestReferenceTest}.)
 */
class BacktestLauncherTest {

  @TempDir Path dir;

  @Test
  void writesTheTableCsvJsonAndPlot() throws Exception {
    Path csv = dir.resolve("out/backtest.csv");
    Path json = dir.resolve("backtest.json");
    Path png = dir.resolve("backtest.png");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "backtest",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--horizon",
                "3",
                "--folds",
                "4",
                "--refit",
                "--out",
                csv.toString(),
                "--json",
                json.toString(),
                "--plot",
                png.toString(),
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().contains("Parameters estimated on each fold (94 to 97 observations)"), r.out());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("horizon,mae,rmse,mape,mase,coverage", lines.get(0));
    assertEquals(4, lines.size());
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertTrue(root.get("refit").asBoolean());
    assertEquals(4, root.get("fold_forecasts").size());
    assertTrue(Files.size(png) > 10_000, "a drawn PNG");
  }

  /**
   * After a logarithm the errors are in the data's units (the point forecast the median), unless
   * {@code --scale modelled}; the coverages do not depend on the scale.
   */
  @Test
  void afterALogarithmTheErrorsAreOnTheOriginalScale() throws Exception {
    JsonNode original = airlineBacktest("original");
    JsonNode modelled = airlineBacktest("modelled");
    assertEquals("original", original.get("scale").asText());
    assertEquals("modelled", modelled.get("scale").asText());
    JsonNode step = original.get("fold_forecasts").get(0).get("forecast").get(0);
    JsonNode logStep = modelled.get("fold_forecasts").get(0).get("forecast").get(0);
    assertEquals(Math.exp(logStep.get("mean").asDouble()), step.get("mean").asDouble(), 1e-9);
    assertEquals(Math.exp(logStep.get("actual").asDouble()), step.get("actual").asDouble(), 1e-9);
    for (int h = 0; h < 2; h++) {
      JsonNode m = original.get("metrics").get(h);
      assertTrue(m.get("mae").asDouble() > 1, "passengers, not logarithms: " + m);
      assertEquals(
          modelled.get("metrics").get(h).get("coverage").asDouble(),
          m.get("coverage").asDouble(),
          0.0);
    }
    String refusal =
        new Launcher(dir)
            .gramian(
                "backtest",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--horizon",
                "2",
                "--folds",
                "2",
                "--scale",
                "log")
            .refusal();
    assertEquals("gramian: --scale: 'log' is not one of original, modelled", refusal);
  }

  private JsonNode airlineBacktest(String scale) throws Exception {
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "backtest",
                "datasets/air_passengers.csv",
                "--transform",
                "log",
                "--model",
                "arima",
                "--order",
                "0,1,1",
                "--seasonal-order",
                "0,1,1,12",
                "--horizon",
                "2",
                "--folds",
                "2",
                "--scale",
                scale,
                "--json",
                "-",
                "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    return new JsonMapper().readTree(r.out());
  }

  @Test
  void foldsThatLeaveTooLittleDataAreOneLineAndWriteNothing() throws Exception {
    Path csv = dir.resolve("none.csv");
    Launcher.Run r =
        new Launcher(dir)
            .gramian(
                "backtest",
                "datasets/nile.csv",
                "--model",
                "local-level",
                "--horizon",
                "10",
                "--folds",
                "95",
                "--out",
                csv.toString());
    String refusal = r.refusal();
    assertTrue(
        refusal.startsWith(
            "gramian: horizon H = 10 and K = 95 folds leave the first fold no observations"),
        refusal);
    assertFalse(Files.exists(csv));
  }
}
