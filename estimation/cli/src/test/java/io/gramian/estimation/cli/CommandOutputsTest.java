package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code fit} and {@code loglik} do with their output files and what their error lines echo,
 * run in-process: an output that is an input or another output is refused before any work, a failed
 * run writes nothing, missing directories are created for every output, options that cannot go
 * together are refused before the data is read, and an error line repeats the user's input cut and
 * on one line.
 */
class CommandOutputsTest {

  /** An error line that echoes a 2 MB field or 10 000 names stays readable: well under this. */
  private static final int READABLE_LINE = 1_000;

  private static final String LOCAL_LEVEL_SYSTEM =
      "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]], \"m0\": [0],"
          + " \"cholP0\": [[2]]}";

  @TempDir Path dir;
  private Path data;
  private String dataText;

  @BeforeEach
  void copyNile() throws IOException {
    data = dir.resolve("my.csv");
    Files.copy(FitCommandTest.NILE, data);
    dataText = Files.readString(data);
  }

  private static void assertBadInput(CliRun r, String... parts) {
    assertEquals(2, r.exitCode, () -> head(r));
    assertEquals("", r.out, () -> head(r));
    assertEquals(1, r.err.lines().count(), () -> head(r));
    for (String part : parts) {
      assertTrue(r.err.contains(part), () -> "expected \"" + part + "\" in\n" + head(r));
    }
  }

  /** The start of a run's output, for a failure's message (a broken cut would be megabytes). */
  private static String head(CliRun r) {
    String text = r.toString();
    return text.length() <= READABLE_LINE ? text : text.substring(0, READABLE_LINE) + "…";
  }

  // -------------------------------------------------------------------------------------------
  // An output is never an input or another output

  /** Where a case aims its output: at the data file, spelled its own way. */
  interface Target {
    Path in(Path dir, Path data) throws IOException;
  }

  /**
   * {@code COMMAND DATA MODEL… OPTION TARGET} with TARGET the data file itself: refused naming the
   * option, the target and the input ({@code input} then the data's path), the data kept.
   */
  record OutputOverData(
      String label, String command, String option, Target target, String input, String... model) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<OutputOverData> outputsOverTheData() {
    String[] localLevel = {"--model", "local-level"};
    return List.of(
        new OutputOverData(
            "fit --states over the data",
            "fit",
            "--states",
            (dir, data) -> data,
            "the input DATA.csv ",
            localLevel),
        new OutputOverData(
            "fit --json over the data spelled another way",
            "fit",
            "--json",
            (dir, data) -> dir.resolve("sub/../my.csv"),
            "DATA.csv ",
            localLevel),
        new OutputOverData(
            "fit --plot on a symbolic link to the data",
            "fit",
            "--plot",
            (dir, data) -> Files.createSymbolicLink(dir.resolve("link.csv"), data),
            "DATA.csv ",
            localLevel),
        new OutputOverData(
            "loglik --model --json over the data",
            "loglik",
            "--json",
            (dir, data) -> data,
            "DATA.csv ",
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=15099,sigma2.level=1469.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputsOverTheData")
  void anOutputOverTheDataIsRefusedAndTheDataKept(OutputOverData c) throws IOException {
    Path target = c.target().in(dir, data);
    List<String> args = new ArrayList<>(List.of(c.command(), data.toString()));
    args.addAll(List.of(c.model()));
    args.addAll(List.of(c.option(), target.toString()));
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertBadInput(r, c.option() + " " + target, c.input() + data);
    assertEquals(dataText, Files.readString(data));
  }

  @Test
  void loglikJsonOverTheSystemIsRefusedAndTheSystemKept() throws IOException {
    Path system = Files.writeString(dir.resolve("sys.json"), LOCAL_LEVEL_SYSTEM);
    CliRun r =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--json", system.toString());
    assertBadInput(r, "--json " + system, "the input --system " + system);
    assertEquals(LOCAL_LEVEL_SYSTEM, Files.readString(system));
  }

  @Test
  void twoOutputsOfOneFileAreRefused() {
    Path png = dir.resolve("out.png");
    CliRun r =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--json",
            png.toString());
    assertBadInput(r, "--json " + png + " and --plot " + png + " are the same file");
    assertFalse(Files.exists(png));
  }

  // -------------------------------------------------------------------------------------------
  // A failed run leaves nothing complete-looking

  @Test
  void aBadJsonPathWritesNoOtherOutput() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "notes");
    Path json = notADirectory.resolve("fit.json");
    Path png = dir.resolve("fit.png");
    Path diagnostics = dir.resolve("diag.png");
    Path states = dir.resolve("states.csv");
    CliRun r =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--diagnostics-plot",
            diagnostics.toString(),
            "--states",
            states.toString(),
            "--json",
            json.toString());
    assertBadInput(
        r,
        json
            + ": cannot write the --json output: "
            + notADirectory
            + " is a file, not a directory");
    assertFalse(Files.exists(png));
    assertFalse(Files.exists(diagnostics));
    assertFalse(Files.exists(states));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void aJsonPathThatIsADirectoryWritesNoPlot() throws IOException {
    Path png = dir.resolve("fit.png");
    Path directory = Files.createDirectory(dir.resolve("results"));
    CliRun r =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--json",
            directory.toString());
    assertBadInput(r, directory + ": is a directory; cannot write the --json output there");
    assertFalse(Files.exists(png));
  }

  @Test
  void aFailedComputationLeavesAnEarlierOutputUntouched() throws IOException {
    Path system =
        Files.writeString(
            dir.resolve("sys.json"),
            "{\"F\": [[1]], \"H\": [[0]], \"cholQ\": [[1]], \"cholR\": [[0]], \"m0\": [0],"
                + " \"cholP0\": [[1]]}");
    Path json = Files.writeString(dir.resolve("out.json"), "earlier result");
    CliRun r =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--json", json.toString());
    assertEquals(1, r.exitCode, r::toString);
    assertEquals("earlier result", Files.readString(json));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void everyOutputGoesIntoPlaceOnSuccess() throws IOException {
    Path json = Files.writeString(dir.resolve("fit.json"), "earlier result");
    Path png = dir.resolve("fit.png");
    Path states = dir.resolve("states.csv");
    CliRun r =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--plot",
            png.toString(),
            "--states",
            states.toString(),
            "--json",
            json.toString());
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(Files.readString(json).contains("\"loglikelihood\""));
    assertTrue(Files.size(png) > 10_000, "the plot is suspiciously small");
    assertTrue(Files.readString(states).startsWith("time,observed,predicted"));
    assertEquals(List.of(), temporaries());
  }

  // -------------------------------------------------------------------------------------------
  // Missing directories are created for every output alike

  @Test
  void jsonToAMissingDirectoryCreatesItAsPlotDoes() throws IOException {
    Path json = dir.resolve("new/dir/fit.json");
    Path png = dir.resolve("other/new/fit.png");
    CliRun r =
        CliRun.run(
            "fit",
            data.toString(),
            "--model",
            "local-level",
            "--json",
            json.toString(),
            "--plot",
            png.toString());
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(Files.readString(json).contains("\"loglikelihood\""));
    assertTrue(Files.exists(png));
  }

  @Test
  void loglikJsonToAMissingDirectoryCreatesIt() throws IOException {
    Path system = Files.writeString(dir.resolve("sys.json"), LOCAL_LEVEL_SYSTEM);
    Path json = dir.resolve("no/such/dir/out.json");
    CliRun r =
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--json", json.toString());
    assertEquals(0, r.exitCode, r::toString);
    assertTrue(Files.readString(json).contains("\"loglikelihood\""));
  }

  // -------------------------------------------------------------------------------------------
  // Options that cannot go together are refused before any work

  @Test
  void forecastWithExogWithoutFutureValuesIsRefusedBeforeTheDataIsRead() {
    Path missing = dir.resolve("not-read.csv");
    CliRun r =
        CliRun.run(
            "fit", missing.toString(), "--model", "local-level", "--exog", "x", "--forecast", "3");
    assertBadInput(
        r,
        "--forecast with --exog",
        "needs the regressors' values over the horizon",
        "give --future FUTURE.csv");
  }

  @Test
  void aRepeatedParameterIsRefusedNamingIt() {
    CliRun r =
        CliRun.run(
            "loglik",
            data.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=15099,sigma2.level=1469.1,sigma2.level=2");
    assertBadInput(r, "--params gives sigma2.level more than once");
    CliRun twice =
        CliRun.run(
            "loglik",
            data.toString(),
            "--model",
            "local-level",
            "--params",
            "sigma2.irregular=15099,sigma2.level=1469.1",
            "--params",
            "sigma2.irregular=1");
    assertBadInput(twice, "--params gives sigma2.irregular more than once");
  }

  // -------------------------------------------------------------------------------------------
  // Error lines cut and escape what they echo

  @Test
  void aTwoMegabyteFieldGivesAShortLine() throws IOException {
    String huge = "9".repeat(1 << 21) + "x";
    Path csv =
        Files.writeString(
            dir.resolve("huge.csv"), "year,flow\n2000,1\n2001," + huge + "\n2002,3\n");
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level");
    assertBadInput(r, "line 3", "is not a number", "999…\" (2 097 093 more characters)");
    assertTrue(r.err.length() < READABLE_LINE, () -> r.err.length() + " characters");
  }

  @Test
  void tenThousandColumnNamesGiveAShortLine() throws IOException {
    StringBuilder header = new StringBuilder("year");
    StringBuilder row1 = new StringBuilder("2000");
    StringBuilder row2 = new StringBuilder("2001");
    for (int j = 1; j <= 10_000; j++) {
      header.append(",c").append(j);
      row1.append(",1");
      row2.append(",2");
    }
    Path csv =
        Files.writeString(dir.resolve("wide.csv"), header + "\n" + row1 + "\n" + row2 + "\n");
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level");
    assertBadInput(
        r, "10000 value columns (c1, c2,", "c10, … (9 990 more)); choose one with" + " --column");
    assertTrue(r.err.length() < READABLE_LINE, () -> r.err.length() + " characters");
    CliRun unknown =
        CliRun.run("fit", csv.toString(), "--model", "local-level", "--column", "nope");
    assertBadInput(unknown, "has no column \"nope\"", "\"c10\", … (9 990 more)");
    assertTrue(unknown.err.length() < READABLE_LINE, () -> unknown.err.length() + " characters");
  }

  @Test
  void aNewlineInsideAQuotedNameIsEscapedNotTheEndOfTheMessage() throws IOException {
    Path csv =
        Files.writeString(dir.resolve("names.csv"), "year,\"fl\now\",other\n2000,1,2\n2001,2,3\n");
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level", "--column", "flow");
    assertBadInput(r, "has no column \"flow\"; its columns are: \"fl\\now\", \"other\"");
  }

  @Test
  void aNewlineInsideAQuotedValueIsEscaped() throws IOException {
    Path csv =
        Files.writeString(dir.resolve("values.csv"), "year,flow\n2000,1\n2001,\"12\n3\"\n2002,3\n");
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level");
    assertBadInput(r, "line 3, column \"flow\": \"12\\n3\" is not a number");
  }

  @Test
  void aNewlineInASystemKeyIsEscaped() throws IOException {
    Path system = Files.writeString(dir.resolve("sys.json"), "{\"F\\nG\": [[1]]}");
    CliRun r = CliRun.run("loglik", data.toString(), "--system", system.toString());
    assertBadInput(r, "unknown key \"F\\nG\"; the keys are");
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
