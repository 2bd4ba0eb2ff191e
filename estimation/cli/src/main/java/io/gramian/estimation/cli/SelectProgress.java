package io.gramian.estimation.cli;

import io.gramian.estimation.select.Candidate;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The model search's progress on standard error ({@link ProgressLine}), as each candidate is
 * fitted; in a log at most every {@value ProgressLine#DEFAULT_INTERVAL_SECONDS} seconds:
 *
 * <pre>
 *   gramian: select: 14 models fitted, last arima --order 1,1,1 (AICc 1267.51), 9.8 s
 * </pre>
 */
final class SelectProgress implements Consumer<Candidate> {

  private final ProgressLine line;
  private int count;

  SelectProgress(PrintWriter err, boolean terminal, LongSupplier clock) {
    this.line = new ProgressLine(err, terminal, ProgressLine.DEFAULT_INTERVAL_SECONDS, clock);
  }

  @Override
  public void accept(Candidate c) {
    count++;
    if (!line.due(false)) {
      return;
    }
    String aicc = c.isRanked() ? String.format(Locale.ROOT, "AICc %.2f", c.aicc()) : "rejected";
    line.show(
        String.format(
            Locale.ROOT,
            "select: %d models fitted, last %s (%s), %.1f s",
            count,
            c.model(),
            aicc,
            line.seconds()));
  }

  /** Erases the terminal line. */
  void finish() {
    line.finish();
  }
}
