package io.gramian.estimation.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A line of progress on standard error, as every long command shows it. In a terminal, one line
 * rewritten in place (at most every {@value #TERMINAL_REFRESH_MILLIS} ms: faster is only flicker)
 * and erased at the end; otherwise (a log file, a pipe) a plain line {@code gramian: TEXT} at most
 * once per interval, so that long work shows it is alive without flooding the log. Not thread-safe:
 * one command's thread reports through it.
 */
final class ProgressLine {

  /** Seconds between two lines when standard error is not a terminal, unless told otherwise. */
  static final double DEFAULT_INTERVAL_SECONDS = 5;

  /** The least time between two rewrites of a terminal's line, in milliseconds. */
  static final long TERMINAL_REFRESH_MILLIS = 100;

  private final PrintWriter err;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;
  private boolean shown;
  private int widest;

  /**
   * @param err standard error
   * @param terminal whether it is a terminal (rewrite one line) or not (a line per interval)
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line at
   *     every report
   * @param clock nanoseconds, as {@link System#nanoTime}
   * @throws IllegalArgumentException when the interval is negative or not finite (it comes from
   *     {@code --progress-interval})
   */
  ProgressLine(PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock) {
    if (!(intervalSeconds >= 0) || Double.isInfinite(intervalSeconds)) {
      throw new IllegalArgumentException(
          "--progress-interval takes a number of seconds ≥ 0, got " + intervalSeconds);
    }
    this.err = err;
    this.terminal = terminal;
    this.intervalNanos =
        terminal ? TERMINAL_REFRESH_MILLIS * 1_000_000L : (long) (intervalSeconds * 1e9);
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** Whether the line is rewritten in place (a terminal) rather than appended (a log). */
  boolean terminal() {
    return terminal;
  }

  /**
   * Whether a line is due now: the first in a terminal, then once per refresh (terminal) or
   * interval (log); always when {@code last} (the work's final report). A due line is expected to
   * be {@link #show shown}.
   */
  boolean due(boolean last) {
    long now = clock.getAsLong();
    boolean due = last || (terminal && !shown) || now - lastLine >= intervalNanos;
    if (due) {
      lastLine = now;
    }
    return due;
  }

  /** Seconds since the line was created (the work's start), by the clock. */
  double seconds() {
    return (clock.getAsLong() - start) / 1e9;
  }

  /** Shows {@code text}: rewrites the terminal's line, or appends {@code gramian: text}. */
  void show(String text) {
    if (terminal) {
      err.print("\r" + text + "   ");
      widest = Math.max(widest, text.length() + 3);
      shown = true;
    } else {
      err.println("gramian: " + text);
    }
    err.flush();
  }

  /** Erases the terminal's line, if one was shown; log lines stay. */
  void finish() {
    if (terminal && shown) {
      err.print("\r" + " ".repeat(widest) + "\r");
      err.flush();
    }
  }
}
