package io.gramian.estimation.cli;

import io.gramian.estimation.select.Candidate;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The model search's progress on standard error: in a terminal one line rewritten as each candidate
 * is fitted and erased at the end; otherwise a plain line at most every {@value
 * FitProgress#DEFAULT_INTERVAL_SECONDS} seconds.
 *
 * <pre>
 *   select: 14 models fitted, last arima --order 1,1,1 (AICc 1267.51), 9.8 s
 * </pre>
 */
final class SelectProgress implements Consumer<Candidate> {

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;
  private int count;
  private boolean shown;

  SelectProgress(PrintWriter err, boolean terminal, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  @Override
  public void accept(Candidate c) {
    count++;
    long now = clock.getAsLong();
    String aicc = c.isRanked() ? String.format(Locale.ROOT, "AICc %.2f", c.aicc()) : "rejected";
    String line =
        String.format(
            Locale.ROOT,
            "select: %d models fitted, last %s (%s), %.1f s",
            count,
            c.model(),
            aicc,
            (now - start) / 1e9);
    if (terminal) {
      err.print("\r" + line + "   ");
      err.flush();
      shown = true;
    } else if (now - lastLine >= (long) (FitProgress.DEFAULT_INTERVAL_SECONDS * 1e9)) {
      err.println(line);
      err.flush();
      lastLine = now;
    }
  }

  /** Erases the terminal line. */
  void finish() {
    if (terminal && shown) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
