package io.gramian.estimation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of {@code fit-many} on standard error ({@link ProgressLine}): series done of the
 * total, the rate and the time left at that rate; the last series always shows:
 *
 * <pre>
 *   gramian: fit-many: 1200 of 5000 series, 410.2 series/s, about 9 s left
 * </pre>
 */
final class BatchProgress {

  private final ProgressLine line;
  private final int total;

  /**
   * @param err standard error
   * @param terminal whether it is a terminal (rewrite one line) or not (a line per interval)
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line after
   *     every series
   * @param clock nanoseconds, as {@link System#nanoTime}
   * @param total the number of series
   */
  BatchProgress(
      PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock, int total) {
    this.line = new ProgressLine(err, terminal, intervalSeconds, clock);
    this.total = total;
  }

  /** Called after each series with the number done so far. */
  void done(int done) {
    if (!line.due(done >= total)) {
      return;
    }
    double seconds = line.seconds();
    double rate = seconds > 0 ? done / seconds : 0;
    line.show(
        String.format(
            Locale.ROOT,
            "fit-many: %d of %d series, %.1f series/s, %s",
            done,
            total,
            rate,
            left(rate, total - done)));
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    line.finish();
  }

  private static String left(double rate, int remaining) {
    if (remaining == 0) {
      return "done";
    }
    if (!(rate > 0)) {
      return "time left unknown";
    }
    long seconds = Math.round(remaining / rate);
    if (seconds < 120) {
      return "about " + seconds + " s left";
    }
    if (seconds < 2 * 3600) {
      return "about " + Math.round(seconds / 60.0) + " min left";
    }
    return String.format(Locale.ROOT, "about %.1f h left", seconds / 3600.0);
  }
}
