package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output files and error lines of the real {@code ./gramian} launcher, as a user meets them: an
 * output that is an input or another output is refused with exit status 2 before any work and the
 * input is kept; a bad output path writes no other output; {@code --json} creates a missing
 * directory as {@code --plot} does; options that cannot go together are refused before the data is
 * read; and an error line repeats a huge field, ten thousand column names or a newline inside a
 * quoted name cut and on one line.
 */
class LauncherOutputsTest {

  /** An error line that echoes a 2 MB field or 10 000 names stays readable: well under this. */
  private static final int READABLE_LINE = 1_000;

  @TempDir Path dir;
  private Launcher launcher;
  private Path data;
  private String dataText;

  @BeforeEach
  void copyNile() throws IOException {
    launcher = new Launcher(Files.createDirectory(dir.resolve("captured")));
    data = dir.resolve("my.csv");
    Files.copy(Launcher.ROOT.resolve("datasets/nile.csv"), data);
    dataText = Files.readString(data);
  }

  private static void assertBadInput(Launcher.Run r, String... parts) {
    String shown = head(r.err());
    assertEquals(2, r.exitCode(), shown);
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), shown);
    assertTrue(r.err().startsWith("gramian: "), shown);
    assertFalse(r.err().contains("Exception"), shown);
    for (String part : parts) {
      assertTrue(r.err().contains(part), () -> "expected \"" + part + "\" in " + shown);
    }
  }

  /** The start of an error line, for a failure's message (a broken cut would be megabytes). */
  private static String head(String text) {
    return text.length() <= READABLE_LINE ? text : text.substring(0, READABLE_LINE) + "…";
  }

  @Test
  void statesOverTheDataIsRefusedAndTheDataKept() throws Exception {
    Launcher.Run r =
        launcher.gramian(
            "fit", data.toString(), "--model", "local-level", "--states", data.toString());
    assertBadInput(r, "--states " + data + " is the same file as the input DATA.csv " + data);
    assertEquals(dataText, Files.readString(data));
  }

  @Test
  void loglikJsonOverTheSystemIsRefusedAndTheSystemKept() throws Exception {
    String system =
        "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]],"
            + " \"m0\": [0], \"cholP0\": [[2]]}";
    Path json = Files.writeString(dir.resolve("sys.json"), system);
    Launcher.Run r =
        launcher.gramian(
            "loglik", data.toString(), "--system", json.toString(), "--json", json.toString());
    assertBadInput(r, "--json " + json + " is the same file as the input --system " + json);
    assertEquals(system, Files.readString(json));
  }

  @Test
  void plotAndJsonToOneFileAreRefused() throws Exception {
    Path png = dir.resolve("out.png");
    Launcher.Run r =
        launcher.gramian(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--json",
            png.toString());
    assertBadInput(r, "are the same file; each output needs a file of its own");
    assertFalse(Files.exists(png));
  }

  @Test
  void aBadJsonPathWritesNoPlot() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "notes");
    Path png = dir.resolve("fit.png");
    Path states = dir.resolve("states.csv");
    Launcher.Run r =
        launcher.gramian(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--states",
            states.toString(),
            "--json",
            notADirectory.resolve("fit.json").toString());
    assertBadInput(r, notADirectory + " is a file, not a directory");
    assertFalse(Files.exists(png));
    assertFalse(Files.exists(states));
  }

  @Test
  void jsonToAMissingDirectoryCreatesIt() throws Exception {
    Path json = dir.resolve("new/dir/fit.json");
    Launcher.Run r =
        launcher.gramian(
            "fit", data.toString(), "--model", "local-level", "--json", json.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(json).contains("\"loglikelihood\""));
  }

  @Test
  void optionsThatCannotGoTogetherAreRefusedBeforeTheDataIsRead() throws Exception {
    Path notRead = dir.resolve("not-read.csv");
    assertBadInput(
        launcher.gramian(
            "fit", notRead.toString(), "--model", "local-level", "--exog", "x", "--forecast", "3"),
        "--forecast with --exog",
        "needs the regressors' values over the horizon: give --future FUTURE.csv");
    assertBadInput(
        launcher.gramian(
            "loglik",
            data.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=1,sigma2.level=2,sigma2.level=3"),
        "--params gives sigma2.level more than once");
  }

  @Test
  void errorLinesCutAndEscapeWhatTheyEcho() throws Exception {
    Path huge =
        Files.writeString(
            dir.resolve("huge.csv"),
            "year,flow\n2000,1\n2001," + "9".repeat(1 << 21) + "x\n2002,3\n");
    Launcher.Run field = launcher.gramian("fit", huge.toString(), "--model", "local-level");
    assertBadInput(field, "line 3", "(2 097 093 more characters) is not a number");
    assertTrue(field.err().length() < READABLE_LINE, head(field.err()));

    StringBuilder header = new StringBuilder("year");
    StringBuilder rows = new StringBuilder("\n2000");
    for (int j = 1; j <= 10_000; j++) {
      header.append(",c").append(j);
      rows.append(",1");
    }
    Path wide =
        Files.writeString(
            dir.resolve("wide.csv"),
            header + rows.toString() + "\n2001" + ",2".repeat(10_000) + "\n");
    Launcher.Run names = launcher.gramian("fit", wide.toString(), "--model", "local-level");
    assertBadInput(names, "c10, … (9 990 more)); choose one with --column");
    assertTrue(names.err().length() < READABLE_LINE, head(names.err()));

    Path quoted =
        Files.writeString(dir.resolve("names.csv"), "year,\"fl\now\",other\n2000,1,2\n2001,2,3\n");
    assertBadInput(
        launcher.gramian("fit", quoted.toString(), "--model", "local-level", "--column", "flow"),
        "its columns are: \"fl\\now\", \"other\"");
  }
}
