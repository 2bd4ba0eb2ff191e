package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void duplicateKey() throws IOException {
    Path bad = write("dup.json", LOCAL_LEVEL.replace("\"m0\": [0]", "\"m0\": [0], \"m0\": [1]"));
    assertFails(2, run(data, bad), bad + ": not valid JSON", "m0");
  }

  @Test
  void factorRowOfWrongLength() throws IOException {
    Path bad =
        write(
            "s.json", TWO.replace("\"cholQ\": [[1, 0], [0, 1]]", "\"cholQ\": [[1, 0], [0, 1, 2]]"));
    assertFails(2, run(data2(), bad), bad + ": \"cholQ\" row 2 has 3 entries, expected 2");
  }

  @Test
  void matrixWithWrongNumberOfColumns() throws IOException {
    Path bad = write("s.json", TWO.replace("\"H\": [[1, 0], [0, 1]]", "\"H\": [[1, 0, 0]]"));
    assertFails(2, run(data2(), bad), bad + ": \"H\" row 1 has 3 entries, expected 2 (nx");
  }

  @Test
  void factorWithWrongNumberOfRows() throws IOException {
    Path bad = write("s.json", TWO.replace("\"cholP0\": [[1, 0], [0, 1]]", "\"cholP0\": [[1]]"));
    assertFails(2, run(data2(), bad), bad + ": \"cholP0\" has 1 row, expected 2 (nx");
  }

  @Test
  void emptyArrayForAFactorWithRowsIsRejected() throws IOException {
    Path bad = write("s.json", TWO.replace("\"cholR\": [[1, 0], [0, 1]]", "\"cholR\": []"));
    assertFails(
        2,
        run(data2(), bad),
        bad + ": \"cholR\" has 0 rows, expected 2 (ny, the rows of H)",
        "[[], []]");
  }

  @Test
  void vectorOfWrongLength() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"m0\": [0]", "\"m0\": [0, 1]"));
    assertFails(2, run(data, bad), bad + ": \"m0\" has 2 entries, expected 1 (nx");
  }

  @Test
  void vectorWrittenAsMatrix() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"m0\": [0]", "\"m0\": [[0]]"));
    assertFails(2, run(data, bad), bad + ": \"m0\" entry 1 is an array");
  }

  @Test
  void nonSquareF() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"F\": [[1]]", "\"F\": [[1, 0]]"));
    assertFails(2, run(data, bad), bad + ": \"F\" is 1 x 2, expected a square matrix");
  }

  @Test
  void missingRequiredKey() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"cholR\": [[0.5]], ", ""));
    assertFails(2, run(data, bad), bad + ": \"cholR\" is missing");
  }

  @Test
  void unknownKey() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"cholQ\"", "\"Q\""));
    assertFails(2, run(data, bad), bad + ": unknown key \"Q\"; the keys are");
  }

  @Test
  void nanInTheSystem() throws IOException {
    // Python's json.dumps writes NaN for float('nan').
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"cholQ\": [[0.3]]", "\"cholQ\": [[NaN]]"));
    assertFails(2, run(data, bad), bad + ": \"cholQ\" row 1, entry 1 is NaN");
  }

  @Test
  void infiniteEntryInTheSystem() throws IOException {
    Path bad =
        write("s.json", TWO.replace("\"F\": [[1, 0], [0, 1]]", "\"F\": [[1, 0], [0, 1e999]]"));
    assertFails(2, run(data2(), bad), bad + ": \"F\" row 2, entry 2 is infinite");
    Path inf = write("s2.json", LOCAL_LEVEL.replace("\"m0\": [0]", "\"m0\": [-Infinity]"));
    assertFails(2, run(data, inf), inf + ": \"m0\" entry 1 is infinite");
  }

  @Test
  void stringEntryInTheSystem() throws IOException {
    Path bad = write("s.json", LOCAL_LEVEL.replace("\"cholR\": [[0.5]]", "\"cholR\": [[\"0.5\"]]"));
    assertFails(
        2,
        run(data, bad),
        bad + ": \"cholR\" row 1, entry 1 is a string (\"0.5\")," + " expected a number");
  }

  @Test
  void dataWidthDiffersFromNy() throws IOException {
    Path bad = write("s.json", TWO);
    assertFails(
        2, run(data, bad), data + " gives 1 value column (\"y\") but " + bad + " has ny = 2");
  }

  // -------------------------------------------------------------------------------------------
  // DATA.csv

  @Test
  void infiniteDataValueNamesLineAndColumn() throws IOException {
    Path bad = write("inf.csv", "date,y\n2001,1.0\n2002,Inf\n");
    assertFails(2, run(bad, system), bad + ": line 3, column \"y\": \"Inf\" is infinite");
    Path bad2 = write("inf2.csv", "date,y\n2001,-Infinity\n");
    assertFails(2, run(bad2, system), bad2 + ": line 2, column \"y\": \"-Infinity\" is infinite");
    Path big = write("big.csv", "date,y\n2001,1\n2002,2\n2003,1e999\n");
    assertFails(2, run(big, system), big + ": line 4, column \"y\": \"1e999\" is too large");
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
  void javaOnlyNumberSpellingsAreNotNumbers() throws IOException {
    // Double.parseDouble accepts these; a CSV reader must not.
    for (String token : new String[] {"1d", "2f", "0x1p3"}) {
      Path bad = write("j.csv", "date,y\n2001,1\n2002," + token + "\n");
      assertFails(
          2, run(bad, system), bad + ": line 3, column \"y\": \"" + token + "\" is not a number");
    }
  }

  @Test
  void decimalCommaGetsAHint() throws IOException {
    Path bad = write("eu.csv", "date;y\n2001;1,5\n");
    // The hint is the datasets reader's (one set of messages): it names the decimal separator.
    assertFails(
        2,
        run(bad, system),
        bad + ": line 2, column \"y\": \"1,5\" is not a number",
        "decimal separator");
  }

  @Test
  void typoInANumericFirstColumnIsReportedNotSkipped() throws IOException {
    Path bad = write("first.csv", "y\n1.0\n2.0\n2.x\n");
    assertFails(2, run(bad, system), bad + ": line 4, column \"y\": \"2.x\" is not a number");
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

  @Test
  void raggedRowNamesTheLine() throws IOException {
    Path bad = write("ragged.csv", "date,y\n2001,1.0\n\n2002,2.0,7\n2003,1.5\n");
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    assertFails(2, run(bad, system), bad + ": line 4: expected 2 fields, found 3");
    Path blanks = write("blanks.csv", "\n\ndate,y\n\n  \n\n2001\n");
    assertFails(2, run(blanks, system), blanks + ": line 7: expected 2 fields, found 1");
  }

  @Test
  void lineNumbersCountPhysicalLines() throws IOException {
    // A quoted field spanning two lines and CRLF line ends: the bad value is on line 5. (The
    // quoted time value was once "2001<CRLF>Q1", not a period: fit's reader, now also this
    // command's, refuses it; its surrounding spaces and line end are stripped.)
    Path bad = write("q.csv", "date,y\r\n\"2001\r\n\",1.0\r\n2002,2.0\r\n2003,oops\r\n");
    assertFails(2, run(bad, system), bad + ": line 5, column \"y\": \"oops\" is not a number");
  }

  @Test
  void unclosedQuote() throws IOException {
    Path bad = write("q.csv", "date,y\n2001,1\n2002,\"3\n2003,4\n");
    assertFails(2, run(bad, system), bad + ": line 3:", "quote");
  }

  @Test
  void emptyDataFile() throws IOException {
    Path bad = write("e.csv", "");
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    assertFails(2, run(bad, system), bad + ": the file is empty; it needs a header line");
  }

  @Test
  void headerOnly() throws IOException {
    Path bad = write("h.csv", "date,y\n");
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    assertFails(2, run(bad, system), bad + ": no data rows after the header line");
  }

  @Test
  void missingHeader() throws IOException {
    Path bad = write("nh.csv", "1.0,2.0\n3.0,4.0\n");
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    assertFails(
        2,
        run(bad, system),
        bad
            + ": line 1: the first line must be a header naming the"
            + " columns, but it holds data");
  }

  @Test
  void onlyATimeColumn() throws IOException {
    Path bad = write("t.csv", "date\n2001-01\n2001-02\n");
    // The datasets reader's wording, which loglik --system now shares with fit (one reader).
    assertFails(2, run(bad, system), bad + ": line 1: no value columns");
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
