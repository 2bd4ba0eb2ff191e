package io.gramian.estimation.cli;

import io.gramian.estimation.backtest.BacktestProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The backtest's progress on standard error ({@link ProgressLine}), a line per fold at most:
 *
 * <pre>
 *   gramian: backtest: fold 7 of 12 (estimated), 6.0 s
 * </pre>
 */
final class BacktestProgressLine implements BacktestProgress {

  private final ProgressLine line;

  /**
   * @param err standard error
   * @param terminal whether it is a terminal (rewrite one line) or not (a line per interval)
   * @param intervalSeconds the least time between two lines when not a terminal; 0 for a line after
   *     every fold
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  BacktestProgressLine(
      PrintWriter err, boolean terminal, double intervalSeconds, LongSupplier clock) {
    this.line = new ProgressLine(err, terminal, intervalSeconds, clock);
  }

  @Override
  public void onFold(int fold, int folds, boolean refitted) {
    if (!line.due(false)) {
      return;
    }
    String what = refitted ? " (estimated)" : "";
    line.show(
        line.terminal()
            ? String.format(Locale.ROOT, "backtest: fold %d of %d%s", fold, folds, what)
            : String.format(
                Locale.ROOT,
                "backtest: fold %d of %d%s, %.1f s",
                fold,
                folds,
                what,
                line.seconds()));
  }

  /** Erases the terminal's progress line, if one was shown; log lines stay. */
  void finish() {
    line.finish();
  }
}
