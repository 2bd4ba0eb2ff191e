package io.gramian.estimation.cli;

import static io.gramian.estimation.cli.LoglikErrorsTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loglik --system} reads its data as {@code fit} does: a time column with a gap, out of
 * order, repeated or unparseable is refused with the line {@code fit} gives for the same file;
 * UTF-16 is refused in one line; a UTF-8 byte-order mark and a file without a time column are read.
 */
class LoglikSystemDataTest {

  /** Local level, σ²ε = 0.25, σ²η = 0.09, known start N(0, 4). */
  private static final String LOCAL_LEVEL =
      "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]], \"m0\": [0],"
          + " \"cholP0\": [[2]]}";

  /** Relative agreement of two runs of the same filter on the same numbers: rounding only. */
  private static final double SAME_DATA_TOLERANCE = 1e-15;

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path dir;
  private Path system;

  @BeforeEach
  void system() throws IOException {
    system = Files.writeString(dir.resolve("system.json"), LOCAL_LEVEL);
  }

  @Test
  void aGapInTheYearsIsRefusedAsFitRefusesIt() throws IOException {
    Path data = write("gap.csv", "year,y\n2001,1.0\n2003,2.0\n2004,1.5\n");
    assertSameErrorAsFit(
        data,
        data
            + ": line 3, column \"year\": \"2003\" follows \"2001\" on"
            + " line 2, so \"2002\" is missing; periods must be consecutive");
  }

  @Test
  void unsortedDatesAreRefused() throws IOException {
    Path data = write("unsorted.csv", "date,y\n2001-01-03,1.0\n2001-01-02,2.0\n2001-01-04,1.5\n");
    assertSameErrorAsFit(
        data,
        data
            + ": line 3, column \"date\": \"2001-01-02\" does not come"
            + " after \"2001-01-03\" on line 2; time values must increase");
  }

  @Test
  void aRepeatedPeriodIsRefused() throws IOException {
    Path data = write("dup.csv", "month,y\n2001-01,1.0\n2001-02,2.0\n2001-02,1.5\n");
    assertSameErrorAsFit(
        data,
        data
            + ": line 4, column \"month\": \"2001-02\" does not come"
            + " after \"2001-02\" on line 3; time values must increase");
  }

  @Test
  void anUnparseableDateIsRefused() throws IOException {
    Path data = write("bad.csv", "date,y\n2001-01-01,1.0\n2001-02-30,2.0\n2001-03-01,1.5\n");
    assertSameErrorAsFit(
        data, data + ": line 3, column \"date\": \"2001-02-30\" is not a date" + " or period");
  }

  @Test
  void utf16IsRefusedInOneLineWithAndWithoutAByteOrderMark() throws IOException {
    String text = "year,y\n2001,1.0\n2002,2.0\n2003,1.5\n";
    Path marked = dir.resolve("marked.csv");
    Files.write(marked, text.getBytes(StandardCharsets.UTF_16));
    assertSameErrorAsFit(
        marked,
        marked
            + ": the file is UTF-16 text (it starts with a UTF-16"
            + " byte-order mark); save it as UTF-8");
    Path unmarked = dir.resolve("unmarked.csv");
    Files.write(unmarked, text.getBytes(StandardCharsets.UTF_16LE));
    assertSameErrorAsFit(
        unmarked,
        unmarked + ": the file is UTF-16 text (every other byte is" + " zero); save it as UTF-8");
  }

  @Test
  void aUtf8ByteOrderMarkIsReadSilentlyAndATimeColumnIsNotAComponent() throws IOException {
    String text = "year,y\n2001,1.0\n2002,2.0\n2003,1.5\n";
    Path plain = write("plain.csv", text);
    Path marked = dir.resolve("bom.csv");
    Files.write(marked, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    Path untimed = write("untimed.csv", "y\n1.0\n2.0\n1.5\n");
    double expected = loglik(plain);
    assertEquals(expected, loglik(marked), SAME_DATA_TOLERANCE * Math.abs(expected));
    assertEquals(expected, loglik(untimed), SAME_DATA_TOLERANCE * Math.abs(expected));
    CliRun report = CliRun.run("loglik", marked.toString(), "--system", system.toString());
    assertEquals(0, report.exitCode, report::toString);
    assertEquals("", report.err, report::toString);
    assertEquals(
        true, report.out.contains("time steps       3 (time column \"year\")"), report::toString);
  }

  @Test
  void timeNamesTheTimeColumn() throws IOException {
    Path data = write("when.csv", "y,when\n1.0,2001-01\n2.0,2001-02\n1.5,2001-04\n");
    CliRun r =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--time", "when");
    assertFails(2, r, data + ": line 4, column \"when\": \"2001-04\" follows \"2001-02\"");
  }

  @Test
  void theTimeColumnIsNotAValueColumn() throws IOException {
    Path data = write("d.csv", "year,y\n2001,1.0\n2002,2.0\n");
    CliRun r =
        CliRun.run("loglik", data.toString(), "--system", system.toString(), "--columns", "year");
    assertFails(
        2,
        r,
        data
            + ": \"year\" is the time column, not a value column; the value"
            + " columns are: \"y\"");
  }

  private double loglik(Path data) throws IOException {
    CliRun r = CliRun.run("loglik", data.toString(), "--system", system.toString(), "--json", "-");
    assertEquals(0, r.exitCode, r::toString);
    JsonNode out = JSON.readTree(r.out);
    assertEquals(3, out.get("nobs").asInt());
    return out.get("loglikelihood").asDouble();
  }

  /** loglik --system fails with a line starting {@code message}, the very line fit gives. */
  private void assertSameErrorAsFit(Path data, String message) {
    CliRun loglik = CliRun.run("loglik", data.toString(), "--system", system.toString());
    assertFails(2, loglik, message);
    CliRun fit = CliRun.run("fit", data.toString(), "--model", "local-level");
    assertEquals(fit.err, loglik.err, () -> "fit said\n" + fit + "\nloglik said\n" + loglik);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
