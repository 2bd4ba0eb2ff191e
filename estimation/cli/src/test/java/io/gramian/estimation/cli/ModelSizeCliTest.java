package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Model sizes the data cannot support, in-process: one line naming the model as the user spelled it
 * and what the data supports, exit status 2, before anything is built; and the fit's progress lines
 * when standard error is not a terminal.
 */
class ModelSizeCliTest {

  private static final String NILE = FitCommandTest.NILE.toString();

  private static void assertRefused(CliRun r, String expected) {
    assertEquals(2, r.exitCode, r::toString);
    assertEquals("", r.out, r::toString);
    assertEquals("gramian: " + expected, r.err.strip(), r::toString);
  }

  @Test
  void aSeasonalMaOfPeriod5000OnAHundredObservations() {
    assertRefused(
        CliRun.run(
            "fit", NILE, "--model", "arima", "--order", "0,0,0", "--seasonal-order", "0,0,1,5000"),
        "--model arima --order 0,0,0 --seasonal-order 0,0,1,5000 needs at least 10000"
            + " observations (two full seasons of period 5000); the data has 100");
  }

  @Test
  void aSeasonalArOfPeriod90() {
    assertRefused(
        CliRun.run(
            "fit", NILE, "--model", "arima", "--order", "0,0,0", "--seasonal-order", "1,0,0,90"),
        "--model arima --order 0,0,0 --seasonal-order 1,0,0,90 needs at least 180 observations"
            + " (two full seasons of period 90); the data has 100");
  }

  @Test
  void aPeriodWhoseStatesOverflowedInt() {
    assertRefused(
        CliRun.run(
            "fit",
            NILE,
            "--model",
            "arima",
            "--order",
            "0,0,0",
            "--seasonal-order",
            "0,0,1,1000000"),
        "--model arima --order 0,0,0 --seasonal-order 0,0,1,1000000 needs at least 2000000"
            + " observations (two full seasons of period 1000000); the data has 100");
  }

  @Test
  void theLargestSeasonalPeriod() {
    assertRefused(
        CliRun.run("fit", NILE, "--model", "bsm", "--seasonal", "2147483647"),
        "--model bsm --seasonal 2147483647 needs at least 4294967294 observations (two full"
            + " seasons of period 2147483647); the data has 100");
  }

  @Test
  void theLargestArOrder() {
    assertRefused(
        CliRun.run("fit", NILE, "--model", "arima", "--order", "2147483647,0,0"),
        "--model arima --order 2147483647,0,0 needs at least 4294967296 observations"
            + " (2147483648 estimated parameters, a lag of 2147483647 and one degree of freedom);"
            + " the data has 100");
  }

  @Test
  void loglikRefusesAStateNoJavaArrayCanHold() {
    assertRefused(
        CliRun.run(
            "loglik",
            NILE,
            "--model",
            "arima",
            "--order",
            "2147483647,0,0",
            "--params",
            "sigma2=1"),
        "--model arima --order 2147483647,0,0 has 2147483647 states, more than the 46340 an"
            + " nx × nx matrix can hold in one Java array");
  }

  @Test
  void progressLinesWhenStandardErrorIsNotATerminal() {
    CliRun r = CliRun.run("fit", NILE, "--model", "local-level", "--progress-interval", "0");
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(r.err.startsWith("gramian: fitting: iteration 0, loglik "), r::toString);
    assertTrue(
        r.err.lines().allMatch(l -> l.startsWith("gramian: fitting: iteration ")), r::toString);
    CliRun quiet =
        CliRun.run("fit", NILE, "--model", "local-level", "--progress-interval", "0", "--quiet");
    assertEquals(0, quiet.exitCode, quiet::toString);
    assertEquals("", quiet.err, quiet::toString);
  }

  @Test
  void aConstantSeriesIsExplainedInTheSummaryAndTheJson() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("constant");
    java.nio.file.Path csv = dir.resolve("constant.csv");
    StringBuilder text = new StringBuilder("year,flow\n");
    for (int t = 0; t < 40; t++) {
      text.append(1900 + t).append(",5\n");
    }
    java.nio.file.Files.writeString(csv, text);
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level", "--quiet");
    assertEquals(0, r.exitCode, r::toString);
    String summary = r.out.replaceAll("\\s+", " ");
    assertTrue(
        summary.contains(
            "the series is constant (all 40 observed values are 5): the"
                + " likelihood grows without bound as a variance goes to zero"),
        r::toString);
    assertFalse(summary.contains("scaling"), r::toString);
    CliRun json =
        CliRun.run("fit", csv.toString(), "--model", "local-level", "--quiet", "--json", "-");
    assertTrue(json.out.contains("the series is constant"), json::toString);
  }
}
