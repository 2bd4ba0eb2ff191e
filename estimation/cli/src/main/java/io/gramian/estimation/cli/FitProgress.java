package io.gramian.estimation.cli;

import io.gramian.estimation.optim.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The fit's progress on standard error ({@link ProgressLine}): in a terminal ℓ to six figures, in a
 * log four decimals and the elapsed time:
 *
 * <pre>
 *   gramian: fitting: iteration 12, loglik -633.4646, gradient 1.2e-05, 6.0 s
 * </pre>
 *
 * The listener receives ℓ itself ({@link io.gramian.estimation.fit.FitOptions#progress}).
 */
final class FitProgress implements ProgressListener {

  private final ProgressLine line;

  /**
   * @param err standard error
   * @param terminal whether it is a terminal (rewrite one line) or not (a line per interval)
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line at
   *     every iteration
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  FitProgress(PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock) {
    this.line = new ProgressLine(err, terminal, intervalSeconds, clock);
  }

  @Override
  public void onIteration(int iteration, double logLikelihood, double gradientNorm) {
    if (!line.due(false)) {
      return;
    }
    line.show(
        line.terminal()
            ? String.format(
                Locale.ROOT,
                "fitting: iteration %d, loglik %.6g, gradient %.1e",
                iteration,
                logLikelihood,
                gradientNorm)
            : String.format(
                Locale.ROOT,
                "fitting: iteration %d, loglik %.4f, gradient %.1e, %.1f s",
                iteration,
                logLikelihood,
                gradientNorm,
                line.seconds()));
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    line.finish();
  }
}
