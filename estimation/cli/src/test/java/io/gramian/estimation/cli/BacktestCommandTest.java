package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gramian.datasets.Datasets;
import io.gramian.estimation.backtest.Backtest;
import io.gramian.estimation.backtest.BacktestResult;
import io.gramian.estimation.batch.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gramian backtest}: the CSV, JSON and table the library's result gives, and bad input as
 * one line with exit status 2 and no output file.
 */
class BacktestCommandTest {

  private static final Path NILE = FitCommandTest.NILE;

  @TempDir Path dir;

  @Test
  void writesTheLibrarysMetricsAsCsvJsonAndTable() throws Exception {
    Path csv = dir.resolve("backtest.csv");
    Path json = dir.resolve("backtest.json");
    CliRun r =
        CliRun.run(
            "backtest",
            NILE.toString(),
            "--model",
            "local-level",
            "--horizon",
            "3",
            "--folds",
            "5",
            "--level",
            "80",
            "--out",
            csv.toString(),
            "--json",
            json.toString(),
            "--quiet");
    assertEquals(0, r.exitCode, r.toString());
    assertEquals("", r.err);
    BacktestResult expected = Backtest.run(ModelSpec.named("local-level"), Datasets.nile(), 3, 5);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("horizon,mae,rmse,mape,mase,coverage,coverage.80", lines.get(0));
    assertEquals(4, lines.size());
    for (int h = 1; h <= 3; h++) {
      String[] cells = lines.get(h).split(",", -1);
      assertEquals(Integer.toString(h), cells[0]);
      assertEquals(expected.metrics().get(h - 1).mae(), Double.parseDouble(cells[1]));
      assertEquals(expected.metrics().get(h - 1).rmse(), Double.parseDouble(cells[2]));
      assertEquals(expected.metrics().get(h - 1).coverage(95), Double.parseDouble(cells[5]));
    }
    JsonNode root = new JsonMapper().readTree(json.toFile());
    assertEquals("--model local-level", root.get("model").asText());
    assertEquals(5, root.get("folds").asInt());
    assertFalse(root.get("refit").asBoolean());
    assertEquals(1, root.get("mase_lag").asInt());
    assertEquals(3, root.get("metrics").size());
    JsonNode last = root.get("fold_forecasts").get(4);
    assertEquals(97, last.get("training_length").asInt());
    assertEquals("1967", last.get("origin").asText());
    assertEquals("1970", last.get("forecast").get(2).get("period").asText());
    assertEquals(2, last.get("forecast").get(2).get("intervals").size());
    assertTrue(r.out.startsWith("Model: --model local-level\nBacktest of "), r.out);
    assertTrue(r.out.contains("cover 80  cover 95"), r.out);
  }

  @Test
  void missingActualsAreSkippedCountedAndAZeroLeavesMapeEmpty() throws Exception {
    Path data = dir.resolve("gaps.csv");
    StringBuilder text = new StringBuilder("year,y\n");
    double[] nile = Datasets.nile().values();
    for (int t = 0; t < nile.length; t++) {
      String value = t == 97 ? "NA" : t == 98 ? "0" : Double.toString(nile[t]);
      text.append(1871 + t).append(',').append(value).append('\n');
    }
    Files.writeString(data, text);
    Path csv = dir.resolve("gaps-backtest.csv");
    CliRun r =
        CliRun.run(
            "backtest",
            data.toString(),
            "--model",
            "local-level",
            "--horizon",
            "2",
            "--folds",
            "4",
            "--out",
            csv.toString(),
            "--json",
            "-",
            "--quiet");
    assertEquals(0, r.exitCode, r.toString());
    JsonNode root = new JsonMapper().readTree(r.out);
    // folds 1 … 4 forecast 1966–67, 1967–68, 1968–69 and 1969–70; 1968 is missing
    assertEquals(2, root.get("missing_actuals").asInt());
    List<String> lines = Files.readAllLines(csv);
    // 1969 is zero: the actual of fold 3 at horizon 2 and of fold 4 at horizon 1
    assertEquals("", lines.get(1).split(",", -1)[3], lines.get(1));
    assertEquals("", lines.get(2).split(",", -1)[3], lines.get(2));
    assertTrue(root.get("metrics").get(0).get("mape").isNull());
  }

  @Test
  void aHorizonOfZeroIsOneLine() {
    expectBadInput("--horizon takes a positive number", "--horizon", "0", "--folds", "3");
  }

  @Test
  void foldsOfZeroIsOneLine() {
    expectBadInput("--folds takes a positive number", "--horizon", "3", "--folds", "0");
  }

  @Test
  void foldsThatLeaveTooLittleDataSayHowMuchIsLeftAndNeeded() {
    String err =
        expectBadInput("horizon H = 10 and K = 88 folds", "--horizon", "10", "--folds", "88");
    assertTrue(err.contains("leave the first fold 3 observed values"), err);
    assertTrue(err.contains("needs at least 4"), err);
  }

  @Test
  void refitWithEveryParameterFixedIsRefused() {
    String err =
        expectBadInput(
            "--refit re-estimates",
            "--horizon",
            "3",
            "--folds",
            "3",
            "--refit",
            "--fix",
            "sigma2.irregular=15099,sigma2.level=1469.1");
    assertTrue(err.contains("leave out --refit"), err);
  }

  /** Runs a local-level backtest of the Nile with {@code options}; checks the refusal. */
  private String expectBadInput(String start, String... options) {
    Path csv = dir.resolve("never.csv");
    List<String> args =
        new java.util.ArrayList<>(
            List.of("backtest", NILE.toString(), "--model", "local-level", "--quiet"));
    args.addAll(List.of(options));
    args.addAll(List.of("--out", csv.toString()));
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertEquals(2, r.exitCode, r.toString());
    assertEquals("", r.out);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("gramian: " + start), r.err);
    assertFalse(Files.exists(csv));
    return r.err;
  }
}
