package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.kalman.FilterException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit statuses and error lines every subcommand gets from {@link GramianCommand}. */
class GramianCommandTest {

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    final Exception toThrow;

    Boom(Exception toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() throws Exception {
      throw toThrow;
    }
  }

  @Test
  void exceptionsMapToStatusAndOneLine() {
    check(
        new IllegalArgumentException("F is 2 × 3, expected 2 × 2"),
        2,
        "gramian: F is 2 × 3, expected 2 × 2");
    check(
        new FilterException(4, "the innovation covariance is singular"),
        1,
        "gramian: time step 5: the innovation covariance is singular");
    check(new ArithmeticException("overflow"), 1, "gramian: overflow");
    check(new NoSuchFileException("x.csv"), 2, "gramian: x.csv: no such file");
    check(
        new UncheckedIOException(new NoSuchFileException("y.json")),
        2,
        "gramian: y.json: no such file");
    check(
        new IllegalStateException("two\nlines"),
        1,
        "gramian: internal error (java.lang.IllegalStateException): two");
    check(
        new NullPointerException(),
        1,
        "gramian: internal error (java.lang.NullPointerException): NullPointerException");
  }

  private static void check(Exception e, int status, String line) {
    CommandLine cli = GramianCommand.commandLine();
    cli.addSubcommand("boom", new Boom(e));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertEquals(status, cli.execute("boom"), e::toString);
    assertEquals(line + System.lineSeparator(), err.toString());
    assertEquals("", out.toString());
  }
}
