package io.gramian.estimation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of {@code fit-many} on standard error: series done of the total, the rate and the
 * time left at that rate. In a terminal, one line rewritten in place after each series and erased
 * at the end; otherwise (a log file, a pipe) a plain line at most once per interval:
 *
 * <pre>
 *   gramian: fit-many: 1200 of 5000 series, 410.2 series/s, about 9 s left
 * </pre>
 */
final class BatchProgress {

  /** The least time between two rewrites of the terminal line: faster is only flicker. */
  private static final long TERMINAL_REFRESH_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final int total;
  private final long start;
  private long lastLine;
  private boolean shown;

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
    if (!(intervalSeconds >= 0) || Double.isInfinite(intervalSeconds)) {
      throw new IllegalArgumentException(
          "--progress-interval takes a number of seconds ≥ 0, got " + intervalSeconds);
    }
    this.err = err;
    this.terminal = terminal;
    this.intervalNanos = terminal ? TERMINAL_REFRESH_NANOS : (long) (intervalSeconds * 1e9);
    this.clock = clock;
    this.total = total;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** Called after each series with the number done so far. */
  void done(int done) {
    long now = clock.getAsLong();
    if (now - lastLine < intervalNanos && done < total) {
      return;
    }
    lastLine = now;
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String text =
        String.format(
            Locale.ROOT,
            "fit-many: %d of %d series, %.1f series/s, %s",
            done,
            total,
            rate,
            left(rate, total - done));
    if (terminal) {
      err.print("\r" + text + "   ");
      shown = true;
    } else {
      err.println("gramian: " + text);
    }
    err.flush();
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    if (terminal && shown) {
      err.print("\r" + " ".repeat(78) + "\r");
      err.flush();
    }
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
