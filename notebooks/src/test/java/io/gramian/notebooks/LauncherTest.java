package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.notebooks.Launcher.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./gramian} launcher, as a user runs it, in its own process: the README's first
 * command, and bad input giving one line on standard error with exit status 2 and no trace. (The
 * reactor has packaged the command-line jar before this module's tests run, so the launcher finds
 * it up to date and does not rebuild.)
 */
class LauncherTest {

  @TempDir Path dir;

  private Run gramian(String... args) throws IOException, InterruptedException {
    return new Launcher(dir).gramian(args);
  }

  @Test
  void theReadmesFirstCommandPrintsASummaryAndDrawsAPicture() throws Exception {
    Path png = dir.resolve("nile.png");
    Run r = gramian("fit", "datasets/nile.csv", "--model", "local-level", "--plot", png.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Statespace Model Results"), r.out());
    assertTrue(r.out().contains("sigma2.level"), r.out());
    assertTrue(Files.size(png) > 10_000, "the plot is suspiciously small");
  }

  /** The README's several-series example, as written there. */
  @Test
  void theReadmesVarExampleRuns() throws Exception {
    String readme = Files.readString(Launcher.ROOT.resolve("README.md"));
    assertTrue(
        readme.contains(
            "./gramian fit datasets/us_macro_quarterly.csv --model var --order 2 --columns"
                + " infl,unemp \\\n        --forecast 4 --plot macro.png"),
        "the README's example changed; update this test");
    Path png = dir.resolve("macro.png");
    Run r =
        gramian(
            "fit",
            "datasets/us_macro_quarterly.csv",
            "--model",
            "var",
            "--order",
            "2",
            "--columns",
            "infl,unemp",
            "--forecast",
            "4",
            "--plot",
            png.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Equation unemp"), r.out());
    assertTrue(Files.size(png) > 10_000, "the plot is suspiciously small");
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run r = gramian("--help");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("fit") && r.out().contains("loglik"), r.out());
  }

  @Test
  void badInputIsOneLineWithExitStatusTwo() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "year,flow\n2000,1\n2001,oops\n2002,3\n");
    Run r = gramian("fit", csv.toString(), "--model", "local-level");
    String refusal = r.refusal();
    assertTrue(refusal.contains("line 3"), refusal);
  }

  @Test
  void aMissingFileIsBadInput() throws Exception {
    Run r = gramian("fit", "no-such-file.csv", "--model", "local-level");
    String refusal = r.refusal();
    assertTrue(refusal.contains("no-such-file.csv"), refusal);
  }
}
