package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The fit's progress display with an injected clock: a line per interval when standard error is not
 * a terminal, one line rewritten in place and erased when it is.
 */
class FitProgressTest {

  private static final long SECOND = 1_000_000_000L;

  /** A clock the test moves by hand. */
  private static final class Clock {
    long now = 42 * SECOND;
  }

  @Test
  void aLogGetsALineEveryIntervalWithTheLogLikelihoodAndTheElapsedTime() {
    StringWriter text = new StringWriter();
    Clock clock = new Clock();
    FitProgress progress = new FitProgress(new PrintWriter(text), false, 5, () -> clock.now);
    progress.onIteration(0, -700.0, 3.0); // at the start: nothing yet
    clock.now += 4 * SECOND;
    progress.onIteration(1, -650.0, 1.0); // 4 s: still within the interval
    clock.now += 2 * SECOND;
    progress.onIteration(2, -640.25, 0.5); // 6 s: a line
    clock.now += 1 * SECOND;
    progress.onIteration(3, -635.0, 0.1); // 7 s: 1 s after the last line
    clock.now += 5 * SECOND;
    progress.onIteration(4, -633.4645636362, 1.9e-9); // 12 s: a line
    progress.finish();
    String[] lines = text.toString().split("\n");
    assertEquals(2, lines.length, text::toString);
    assertEquals(
        "gramian: fitting: iteration 2, loglik -640.2500, gradient 5.0e-01, 6.0 s", lines[0]);
    assertEquals(
        "gramian: fitting: iteration 4, loglik -633.4646, gradient 1.9e-09, 12.0 s", lines[1]);
  }

  @Test
  void aZeroIntervalGivesALineEveryIteration() {
    StringWriter text = new StringWriter();
    FitProgress progress = new FitProgress(new PrintWriter(text), false, 0, () -> 0L);
    for (int i = 0; i < 3; i++) {
      progress.onIteration(i, -1.0, 1.0);
    }
    assertEquals(3, text.toString().lines().count(), text::toString);
  }

  @Test
  void aTerminalGetsOneLineRewrittenInPlaceAndErased() {
    StringWriter text = new StringWriter();
    Clock clock = new Clock();
    FitProgress progress = new FitProgress(new PrintWriter(text), true, 5, () -> clock.now);
    progress.onIteration(0, -700.0, 3.0);
    progress.onIteration(1, -650.0, 1.0);
    progress.finish();
    String out = text.toString();
    assertFalse(out.contains("\n"), out);
    assertTrue(out.startsWith("\rfitting: iteration 0, loglik -700.000"), out);
    assertTrue(out.endsWith("\r"), "the line is erased at the end: " + out);
  }

  @Test
  void aNegativeIntervalIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FitProgress(new PrintWriter(new StringWriter()), false, -1, () -> 0L));
    assertTrue(e.getMessage().contains("--progress-interval"), e.getMessage());
  }
}
