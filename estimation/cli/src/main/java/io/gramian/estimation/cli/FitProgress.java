package io.gramian.estimation.cli;

import io.gramian.estimation.optim.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The fit's progress on standard error. In a terminal, one line rewritten in place at every
 * iteration and erased at the end; otherwise (a log file, a pipe) a plain line at most once per
 * interval, so that a long fit shows it is alive without flooding the log:
 *
 * <pre>
 *   gramian: fitting: iteration 12, loglik -633.4646, gradient 1.2e-05, 6.0 s
 * </pre>
 *
 * The listener receives ℓ itself ({@link io.gramian.estimation.fit.FitOptions#progress}).
 */
final class FitProgress implements ProgressListener {

  /** Seconds between two lines when standard error is not a terminal, unless told otherwise. */
  static final double DEFAULT_INTERVAL_SECONDS = 5;

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
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line at
   *     every iteration
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  FitProgress(PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock) {
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
  public void onIteration(int iteration, double logLikelihood, double gradientNorm) {
    long now = clock.getAsLong();
    if (terminal) {
      err.printf(
          Locale.ROOT,
          "\rfitting: iteration %d, loglik %.6g, gradient %.1e   ",
          iteration,
          logLikelihood,
          gradientNorm);
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
        "gramian: fitting: iteration %d, loglik %.4f, gradient %.1e, %.1f s%n",
        iteration,
        logLikelihood,
        gradientNorm,
        (now - start) / 1e9);
    err.flush();
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    if (terminal && shown) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
