package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.notebooks.Launcher.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gramian loglik --system}, in its own process, reads data as {@code fit} does: a gap,
 * unsorted, repeated or unparseable time value and a UTF-16 file (with or without a byte-order
 * mark) are one line on standard error naming the file, line and column, exit status 2; a UTF-8
 * byte-order mark is read silently. (The reactor has packaged the command-line jar before this
 * module's tests run.)
 */
class LoglikSystemLauncherTest {

  private static final String LOCAL_LEVEL =
      "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[0.3]], \"cholR\": [[0.5]], \"m0\": [0],"
          + " \"cholP0\": [[2]]}";

  @TempDir Path dir;

  /** Runs {@code ./gramian loglik DATA --system SYSTEM.json --json -} in its own process. */
  private Run loglik(Path data) throws IOException, InterruptedException {
    Path system = Files.writeString(dir.resolve("system.json"), LOCAL_LEVEL);
    return new Launcher(dir)
        .gramian("loglik", data.toString(), "--system", system.toString(), "--json", "-");
  }

  private static void assertOneLine(Run r, String expected) {
    assertEquals("gramian: " + expected, r.refusal());
    assertTrue(r.err().endsWith(System.lineSeparator()), r.err());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void badTimeValuesAreOneLineNamingFileLineAndColumn() throws Exception {
    Path gap = write("gap.csv", "year,y\n2001,1.0\n2003,2.0\n");
    assertOneLine(
        loglik(gap),
        gap
            + ": line 3, column \"year\": \"2003\" follows \"2001\" on"
            + " line 2, so \"2002\" is missing; periods must be consecutive (give a missing period"
            + " its own row, with empty values or NA)");
    Path unsorted = write("unsorted.csv", "date,y\n2001-01-03,1.0\n2001-01-02,2.0\n");
    assertOneLine(
        loglik(unsorted),
        unsorted
            + ": line 3, column \"date\": \"2001-01-02\" does"
            + " not come after \"2001-01-03\" on line 2; time values must increase");
    Path repeated = write("repeated.csv", "month,y\n2001-01,1.0\n2001-01,2.0\n");
    assertOneLine(
        loglik(repeated),
        repeated
            + ": line 3, column \"month\": \"2001-01\" does not"
            + " come after \"2001-01\" on line 2; time values must increase");
    Path unparseable = write("unparseable.csv", "date,y\n2001-01-01,1.0\n2001-13-01,2.0\n");
    Run r = loglik(unparseable);
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "gramian: "
                    + unparseable
                    + ": line 3, column \"date\":"
                    + " \"2001-13-01\" is not a date or period"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void utf16IsOneLineSayingSo() throws Exception {
    String text = "year,y\n2001,1.0\n2002,2.0\n";
    Path marked = write("marked.csv", text.getBytes(StandardCharsets.UTF_16));
    assertOneLine(
        loglik(marked),
        marked
            + ": the file is UTF-16 text (it starts with a UTF-16"
            + " byte-order mark); save it as UTF-8");
    Path unmarked = write("unmarked.csv", text.getBytes(StandardCharsets.UTF_16LE));
    Run r = loglik(unmarked);
    assertOneLine(
        r,
        unmarked + ": the file is UTF-16 text (every other byte is zero); save it" + " as UTF-8");
    assertFalse(r.err().contains("\0"), "no NUL bytes in the message");
  }

  @Test
  void aUtf8ByteOrderMarkIsReadSilently() throws Exception {
    Path marked = write("marked.csv", "\uFEFFyear,y\n2001,1.0\n2002,2.0\n");
    Run r = loglik(marked);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("\"nobs\": 2"), r.out());
  }
}
