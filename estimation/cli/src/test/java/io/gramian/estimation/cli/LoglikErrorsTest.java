package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way {@code gramian loglik} can fail: the exit status (2 for bad input, 1 for a failed
 * computation), one line {@code gramian: <message>} on standard error naming the file, key, line or
 * column, nothing on standard output, and never a stack trace.
 */
class LoglikErrorsTest {

  private static final String LOCAL_LEVEL =
      "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]], \"m0\": [0],"
          + " \"cholP0\": [[2]]}";

  /** ny = 2, nx = 2: for the shape errors. */
  private static final String TWO =
      "{\"F\": [[1, 0], [0, 1]], \"H\": [[1, 0], [0, 1]], \"cholQ\": [[1, 0], [0, 1]],"
          + " \"cholR\": [[1, 0], [0, 1]], \"m0\": [0, 0], \"cholP0\": [[1, 0], [0, 1]]}";

  @TempDir Path dir;
  private Path data;
  private Path system;

  @BeforeEach
  void files() throws IOException {
    data = write("data.csv", "date,y\n2001,1.0\n2002,2.0\n2003,1.5\n");
    system = write("system.json", LOCAL_LEVEL);
  }

  // -------------------------------------------------------------------------------------------
  // Files

  @Test
  void missingDataFile() {
    Path missing = dir.resolve("nope.csv");
    assertFails(2, run(missing, system), missing + ": no such file");
  }

  @Test
  void missingSystemFile() {
    Path missing = dir.resolve("nope.json");
    assertFails(2, run(data, missing), missing + ": no such file");
  }

  @Test
  void dataPathIsADirectory() {
    assertFails(2, run(dir, system), dir + ": is a directory");
  }

  /**
   * A missing output directory used to be refused here while {@code fit --plot} created one; every
   * output now creates its missing directories alike (docs/cli.md, Outputs). What stays an error is
   * a path under a file, which no directory can be made for.
   */
  @Test
  void outputUnderAFileIsRefused() throws IOException {
    Path file = write("notes.txt", "notes");
    Path out = file.resolve("dir/out.json");
    assertFails(
        2,
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--json", out.toString()),
        out + ": cannot write the --json output: " + file + " is a file, not a directory");
  }

  // -------------------------------------------------------------------------------------------
  // SYSTEM.json

  @Test
  void malformedJson() throws IOException {
    Path bad = write("bad.json", "{\"F\": [[1]], \"H\": [[1]\n  \"cholQ\": [[1]]}");
    CliRun r = run(data, bad);
    assertFails(2, r, bad + ": not valid JSON (line 2, column");
  }

  @Test
  void emptyJsonFile() throws IOException {
    Path bad = write("empty.json", "  \n");
    assertFails(2, run(data, bad), bad + ": the file is empty");
  }

  @Test
  void jsonThatIsNotAnObject() throws IOException {
    Path bad = write("list.json", "[[1]]");
    assertFails(2, run(data, bad), bad + ": expected a JSON object with the keys F, c, H");
  }

  /**
   * A system file that is {@code base} with {@code from} replaced by {@code to}, run on the one-
   * column data (or the two-column data when {@code twoColumns}); the message is the file's name
   * followed by {@code message}, and it contains every fragment of {@code more}.
   */
  record SystemCase(
      String name,
      String base,
      String from,
      String to,
      boolean twoColumns,
      String message,
      String... more) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<SystemCase> badSystems() {
    return List.of(
        new SystemCase(
            "duplicate key",
            LOCAL_LEVEL,
            "\"m0\": [0]",
            "\"m0\": [0], \"m0\": [1]",
            false,
            ": not valid JSON",
            "m0"),
        new SystemCase(
            "factor row of wrong length",
            TWO,
            "\"cholQ\": [[1, 0], [0, 1]]",
            "\"cholQ\": [[1, 0], [0, 1, 2]]",
            true,
            ": \"cholQ\" row 2 has 3 entries, expected 2"),
        new SystemCase(
            "matrix with wrong number of columns",
            TWO,
            "\"H\": [[1, 0], [0, 1]]",
            "\"H\": [[1, 0, 0]]",
            true,
            ": \"H\" row 1 has 3 entries, expected 2 (nx"),
        new SystemCase(
            "factor with wrong number of rows",
            TWO,
            "\"cholP0\": [[1, 0], [0, 1]]",
            "\"cholP0\": [[1]]",
            true,
            ": \"cholP0\" has 1 row, expected 2 (nx"),
        new SystemCase(
            "empty array for a factor with rows is rejected",
            TWO,
            "\"cholR\": [[1, 0], [0, 1]]",
            "\"cholR\": []",
            true,
            ": \"cholR\" has 0 rows, expected 2 (ny, the rows of H)",
            "[[], []]"),
        new SystemCase(
            "vector of wrong length",
            LOCAL_LEVEL,
            "\"m0\": [0]",
            "\"m0\": [0, 1]",
            false,
            ": \"m0\" has 2 entries, expected 1 (nx"),
        new SystemCase(
            "vector written as matrix",
            LOCAL_LEVEL,
            "\"m0\": [0]",
            "\"m0\": [[0]]",
            false,
            ": \"m0\" entry 1 is an array"),
        new SystemCase(
            "non-square F",
            LOCAL_LEVEL,
            "\"F\": [[1]]",
            "\"F\": [[1, 0]]",
            false,
            ": \"F\" is 1 x 2, expected a square matrix"),
        new SystemCase(
            "missing required key",
            LOCAL_LEVEL,
            "\"cholR\": [[0.5]], ",
            "",
            false,
            ": \"cholR\" is missing"),
        new SystemCase(
            "unknown key",
            LOCAL_LEVEL,
            "\"cholQ\"",
            "\"Q\"",
            false,
            ": unknown key \"Q\"; the keys are"),
        // Python's json.dumps writes NaN for float('nan').
        new SystemCase(
            "NaN in the system",
            LOCAL_LEVEL,
            "\"cholQ\": [[0.3]]",
            "\"cholQ\": [[NaN]]",
            false,
            ": \"cholQ\" row 1, entry 1 is NaN"),
        new SystemCase(
            "infinite matrix entry in the system",
            TWO,
            "\"F\": [[1, 0], [0, 1]]",
            "\"F\": [[1, 0], [0, 1e999]]",
            true,
            ": \"F\" row 2, entry 2 is infinite"),
        new SystemCase(
            "infinite vector entry in the system",
            LOCAL_LEVEL,
            "\"m0\": [0]",
            "\"m0\": [-Infinity]",
            false,
            ": \"m0\" entry 1 is infinite"),
        new SystemCase(
            "string entry in the system",
            LOCAL_LEVEL,
            "\"cholR\": [[0.5]]",
            "\"cholR\": [[\"0.5\"]]",
            false,
            ": \"cholR\" row 1, entry 1 is a string (\"0.5\"), expected a number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSystems")
  void badSystemIsRefusedNamingTheFileAndKey(SystemCase c) throws IOException {
    String text = c.base().replace(c.from(), c.to());
    assertFalse(text.equals(c.base()), () -> c + ": the replacement changed nothing");
    Path bad = write("s.json", text);
    assertFails(2, run(c.twoColumns() ? data2() : data, bad), bad + c.message(), c.more());
  }

  @Test
  void dataWidthDiffersFromNy() throws IOException {
    Path bad = write("s.json", TWO);
    assertFails(
        2, run(data, bad), data + " gives 1 value column (\"y\") but " + bad + " has ny = 2");
  }

  // -------------------------------------------------------------------------------------------
  // DATA.csv

  /**
   * A data file {@code name} holding {@code text}; the message is its name then {@code message}.
   */
  record DataCase(String label, String name, String text, String message, String... more) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<DataCase> badData() {
    List<DataCase> cases = new ArrayList<>();
    cases.add(
        new DataCase(
            "infinite value",
            "inf.csv",
            "date,y\n2001,1.0\n2002,Inf\n",
            ": line 3, column \"y\": \"Inf\" is infinite"));
    cases.add(
        new DataCase(
            "negative infinite value",
            "inf2.csv",
            "date,y\n2001,-Infinity\n",
            ": line 2, column \"y\": \"-Infinity\" is infinite"));
    cases.add(
        new DataCase(
            "value too large",
            "big.csv",
            "date,y\n2001,1\n2002,2\n2003,1e999\n",
            ": line 4, column \"y\": \"1e999\" is too large"));
    // Double.parseDouble accepts these; a CSV reader must not.
    for (String token : new String[] {"1d", "2f", "0x1p3"}) {
      cases.add(
          new DataCase(
              "Java-only number spelling " + token,
              "j.csv",
              "date,y\n2001,1\n2002," + token + "\n",
              ": line 3, column \"y\": \"" + token + "\" is not a number"));
    }
    // The hint is the datasets reader's (one set of messages): it names the decimal separator.
    cases.add(
        new DataCase(
            "decimal comma gets a hint",
            "eu.csv",
            "date;y\n2001;1,5\n",
            ": line 2, column \"y\": \"1,5\" is not a number",
            "decimal separator"));
    cases.add(
        new DataCase(
            "typo in a numeric first column is reported, not skipped",
            "first.csv",
            "y\n1.0\n2.0\n2.x\n",
            ": line 4, column \"y\": \"2.x\" is not a number"));
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    cases.add(
        new DataCase(
            "ragged row names the line",
            "ragged.csv",
            "date,y\n2001,1.0\n\n2002,2.0,7\n2003,1.5\n",
            ": line 4: expected 2 fields, found 3"));
    cases.add(
        new DataCase(
            "ragged row after blank lines names the physical line",
            "blanks.csv",
            "\n\ndate,y\n\n  \n\n2001\n",
            ": line 7: expected 2 fields, found 1"));
    // A quoted field spanning two lines and CRLF line ends: the bad value is on line 5. (The
    // quoted time value was once "2001<CRLF>Q1", not a period: fit's reader, now also this
    // command's, refuses it; its surrounding spaces and line end are stripped.)
    cases.add(
        new DataCase(
            "line numbers count physical lines",
            "q.csv",
            "date,y\r\n\"2001\r\n\",1.0\r\n2002,2.0\r\n2003,oops\r\n",
            ": line 5, column \"y\": \"oops\" is not a number"));
    cases.add(
        new DataCase(
            "unclosed quote", "q.csv", "date,y\n2001,1\n2002,\"3\n2003,4\n", ": line 3:", "quote"));
    cases.add(
        new DataCase(
            "empty data file", "e.csv", "", ": the file is empty; it needs a header line"));
    cases.add(
        new DataCase("header only", "h.csv", "date,y\n", ": no data rows after the header line"));
    cases.add(
        new DataCase(
            "missing header",
            "nh.csv",
            "1.0,2.0\n3.0,4.0\n",
            ": line 1: the first line must be a header naming the columns, but it holds data"));
    cases.add(
        new DataCase(
            "only a time column",
            "t.csv",
            "date\n2001-01\n2001-02\n",
            ": line 1: no value columns"));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void badDataIsRefusedNamingTheFileLineAndColumn(DataCase c) throws IOException {
    Path bad = write(c.name(), c.text());
    assertFails(2, run(bad, system), bad + c.message(), c.more());
  }

  @Test
  void nonNumericValueNamesLineAndColumn() throws IOException {
    StringBuilder csv = new StringBuilder("date,price,volume\n");
    // Dates that are dates (this test once wrote 2001-2 … 2001-20, which fit's reader, now
    // also loglik --system's, rightly refuses as the time column).
    for (int line = 2; line <= 20; line++) {
      csv.append(String.format("2001-01-%02d", line))
          .append(",1.0,")
          .append(line == 14 ? "12a4" : "3")
          .append('\n');
    }
    Path bad = write("data.csv", csv.toString());
    CliRun r =
        CliRun.run("loglik", bad.toString(), "--system", system.toString(), "--columns", "volume");
    assertFails(2, r, bad + ": line 14, column \"volume\": \"12a4\" is not a number");
  }

  @Test
  void unknownColumnListsTheColumns() {
    CliRun r =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--columns", "volume");
    // The message fit gives for --column (one set of messages); it lists the value columns.
    assertFails(2, r, data + " has no column \"volume\"; its columns are: \"y\"");
  }

  @Test
  void columnNamedTwice() {
    CliRun r =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--columns", "y,y");
    assertFails(2, r, "--columns names \"y\" twice");
  }

  // -------------------------------------------------------------------------------------------
  // The computation

  @Test
  void singularInnovationCovarianceIsExitOneNamingTheStep() throws IOException {
    // No observation noise and no state noise: after the first update the state is known, so
    // the second observation has zero predicted variance.
    Path degenerate =
        write(
            "deg.json",
            "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[]], \"cholR\": [[]], \"m0\": [0],"
                + " \"cholP0\": [[1]]}");
    CliRun r = run(data, degenerate);
    assertFails(
        1, r, "time step 2 (" + data + ", line 3): the innovation covariance is" + " singular");
    CliRun g =
        CliRun.run("loglik", data.toString(), "--system", degenerate.toString(), "--gradient");
    assertFails(1, g, "time step 2 (");
  }

  // -------------------------------------------------------------------------------------------
  // Usage errors (picocli's: the message and a hint to use --help)

  @Test
  void unknownOption() {
    CliRun r = CliRun.run("loglik", data.toString(), "--system", system.toString(), "--frobnicate");
    assertUsageError(r, "Unknown option: '--frobnicate'");
  }

  @Test
  void aModelIsRequired() {
    assertFails(
        2, CliRun.run("loglik", data.toString()), "no model given; use --system SYSTEM.json");
  }

  @Test
  void systemAndModelExcludeEachOther() {
    assertFails(
        2,
        CliRun.run(
            "loglik", data.toString(), "--system", system.toString(), "--model", "local-level"),
        "give either --system SYSTEM.json or --model MODEL, not both");
  }

  @Test
  void dataIsRequired() {
    assertUsageError(CliRun.run("loglik", "--system", system.toString()), "DATA.csv");
  }

  @Test
  void unknownTriaRule() {
    CliRun r =
        CliRun.run(
            "loglik",
            data.toString(),
            "--system",
            system.toString(),
            "--gradient",
            "--tria-rule",
            "full-rank");
    assertUsageError(r, "masked, pseudoinverse");
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private CliRun run(Path dataFile, Path systemFile) {
    return CliRun.run("loglik", dataFile.toString(), "--system", systemFile.toString());
  }

  private Path data2() throws IOException {
    return write("two.csv", "date,a,b\n2001,1,2\n2002,3,4\n");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** One line on stderr, "gramian: " + a message starting with the first fragment. */
  static void assertFails(int exitCode, CliRun r, String start, String... more) {
    assertEquals(exitCode, r.exitCode, r::toString);
    assertEquals("", r.out, r::toString);
    String[] lines = r.err.split("\\R");
    assertEquals(1, lines.length, () -> "one error line\n" + r);
    assertTrue(
        lines[0].startsWith("gramian: " + start),
        () -> "expected 'gramian: " + start + "...'\n" + r);
    for (String fragment : more) {
      assertTrue(lines[0].contains(fragment), () -> fragment + " in\n" + r);
    }
    assertNoTrace(r);
  }

  static void assertUsageError(CliRun r, String fragment) {
    assertEquals(2, r.exitCode, r::toString);
    assertEquals("", r.out, r::toString);
    assertTrue(r.err.startsWith("gramian: "), r::toString);
    assertTrue(r.err.contains(fragment), () -> fragment + " in\n" + r);
    assertTrue(r.err.contains("Try 'gramian loglik --help'."), r::toString);
    assertNoTrace(r);
  }

  private static void assertNoTrace(CliRun r) {
    assertFalse(r.err.contains("Exception"), r::toString);
    assertFalse(r.err.contains("\tat "), r::toString);
  }
}
