package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily dates with gaps of 1, 2, 7 and 30 days: the fit goes on, with one warning line on standard
 * error naming the dates; regular daily dates give no warning.
 */
class SpacingWarningCliTest {

  @TempDir Path dir;

  private Path daily(String name, int[] gaps) throws Exception {
    StringBuilder text = new StringBuilder("date,value\n");
    LocalDate d = LocalDate.of(2021, 1, 4);
    for (int i = 0; i < 60; i++) {
      text.append(d).append(',').append(Math.sin(0.3 * i) + 0.01 * i).append('\n');
      d = d.plusDays(gaps[i % gaps.length]);
    }
    Path csv = dir.resolve(name);
    Files.writeString(csv, text);
    return csv;
  }

  @Test
  void irregularDailyDatesAreNamedOnStandardError() throws Exception {
    Path csv = daily("irregular.csv", new int[] {1, 2, 7, 30});
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level", "--quiet");
    assertEquals(0, r.exitCode, r::toString);
    assertEquals(1, r.err.lines().count(), r::toString);
    assertTrue(
        r.err.startsWith(
            "gramian: warning: the dates are not evenly spaced: 29 of 59 gaps"
                + " break the pattern (every day), at 2021-01-14 (7 days after 2021-01-07)"),
        r::toString);
    assertTrue(r.out.contains("Statespace Model Results"), r::toString);
  }

  @Test
  void regularDailyDatesGiveNoWarning() throws Exception {
    Path csv = daily("regular.csv", new int[] {1});
    CliRun r = CliRun.run("fit", csv.toString(), "--model", "local-level", "--quiet");
    assertEquals(0, r.exitCode, r::toString);
    assertEquals("", r.err, r::toString);
  }
}
