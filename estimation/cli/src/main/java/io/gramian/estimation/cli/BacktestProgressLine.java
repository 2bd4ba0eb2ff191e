package io.gramian.estimation.cli;

import io.gramian.estimation.backtest.BacktestProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The backtest's progress on standard error, as {@link FitProgress} shows a fit's: in a terminal,
 * one line rewritten after every fold and erased at the end; otherwise a plain line at most once
 * per interval:
 *
 * <pre>
 *   gramian: backtest: fold 7 of 12 (estimated), 6.0 s
 * </pre>
 */
final class BacktestProgressLine implements BacktestProgress {

  private final PrintWriter err;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;
  private boolean shown;

  /**
   * @param err standard error
   * @param terminal whether it is a terminal (rewrite one line) or not (a line per interval)
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line after
   *     every fold
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  BacktestProgressLine(
      PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock) {
    if (!(intervalSeconds >= 0) || Double.isInfinite(intervalSeconds)) {
      throw new IllegalArgumentException(
          "--progress-interval takes a number of seconds ≥ 0, got " + intervalSeconds);
    }
    this.err = err;
    this.terminal = terminal;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  @Override
  public void onFold(int fold, int folds, boolean refitted) {
    long now = clock.getAsLong();
    String what = refitted ? " (estimated)" : "";
    if (terminal) {
      err.printf(Locale.ROOT, "\rbacktest: fold %d of %d%s   ", fold, folds, what);
      err.flush();
      shown = true;
      return;
    }
    if (now - lastLine < intervalNanos) {
      return;
    }
    lastLine = now;
    err.printf(
        Locale.ROOT,
        "gramian: backtest: fold %d of %d%s, %.1f s%n",
        fold,
        folds,
        what,
        (now - start) / 1e9);
    err.flush();
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    if (terminal && shown) {
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }
}
