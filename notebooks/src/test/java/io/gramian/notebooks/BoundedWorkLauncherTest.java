package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.notebooks.Launcher.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./gramian} launcher on model sizes the data cannot support (each used to run for
 * minutes, overflow an int or run out of memory: now one line, exit status 2, at once), and the
 * fit's progress when standard error is a file.
 */
class BoundedWorkLauncherTest {

  /**
   * A refusal is a JVM start and a check of a few numbers (about a second); this bound leaves room
   * for a loaded machine and is far below the minutes the fits took before.
   */
  private static final long ANSWER_SECONDS = 60;

  @TempDir Path dir;

  private Run gramian(String... args) throws IOException, InterruptedException {
    return new Launcher(dir, ANSWER_SECONDS).gramian(args);
  }

  private void assertRefused(String expected, String... modelOptions) throws Exception {
    List<String> args = new ArrayList<>(List.of("fit", "datasets/nile.csv"));
    args.addAll(List.of(modelOptions));
    Run r = gramian(args.toArray(new String[0]));
    assertEquals("gramian: " + String.join(" ", modelOptions) + " " + expected, r.refusal());
  }

  @Test
  void aSeasonalMaOfPeriod5000() throws Exception {
    assertRefused(
        "needs at least 10000 observations (two full seasons of period 5000); the data"
            + " has 100",
        "--model",
        "arima",
        "--order",
        "0,0,0",
        "--seasonal-order",
        "0,0,1,5000");
  }

  @Test
  void aSeasonalArOfPeriod90() throws Exception {
    assertRefused(
        "needs at least 180 observations (two full seasons of period 90); the data has" + " 100",
        "--model",
        "arima",
        "--order",
        "0,0,0",
        "--seasonal-order",
        "1,0,0,90");
  }

  @Test
  void aSeasonalMaOfPeriodOneMillion() throws Exception {
    assertRefused(
        "needs at least 2000000 observations (two full seasons of period 1000000); the"
            + " data has 100",
        "--model",
        "arima",
        "--order",
        "0,0,0",
        "--seasonal-order",
        "0,0,1,1000000");
  }

  @Test
  void theLargestSeasonalPeriod() throws Exception {
    assertRefused(
        "needs at least 4294967294 observations (two full seasons of period"
            + " 2147483647); the data has 100",
        "--model",
        "bsm",
        "--seasonal",
        "2147483647");
  }

  @Test
  void theLargestArOrder() throws Exception {
    assertRefused(
        "needs at least 4294967296 observations (2147483648 estimated parameters, a lag"
            + " of 2147483647 and one degree of freedom); the data has 100",
        "--model",
        "arima",
        "--order",
        "2147483647,0,0");
  }

  @Test
  void progressLinesGoToAFileUnlessQuiet() throws Exception {
    Run r =
        gramian(
            "fit",
            "datasets/nile.csv",
            "--model",
            "bsm",
            "--seasonal",
            "4",
            "--progress-interval",
            "0");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertFalse(lines.isEmpty(), "no progress line");
    for (String line : lines) {
      assertTrue(
          line.matches(
              "gramian: fitting: iteration \\d+, loglik -?\\d+\\.\\d{4},"
                  + " gradient \\S+, \\d+\\.\\d s"),
          line);
    }
    assertFalse(r.err().contains("\r"), "a file gets lines, not a line redrawn in place");
    Run quiet =
        gramian(
            "fit",
            "datasets/nile.csv",
            "--model",
            "bsm",
            "--seasonal",
            "4",
            "--progress-interval",
            "0",
            "--quiet");
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertEquals("", quiet.err());
  }
}
