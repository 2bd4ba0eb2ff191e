package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gramian.datasets.InputEcho;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gramian} command-line tool: the entry point that {@code ./gramian} runs.
 *
 * <p>Exit status: 0 on success, 2 for bad input (a usage error, a missing or malformed file), 1
 * when a computation fails. Every error is one line on standard error, {@code gramian: <message>},
 * never a stack trace (set the environment variable {@code GRAMIAN_DEBUG} to get one after the
 * line, for an unexpected failure).
 */
@Command(
    name = "gramian",
    mixinStandardHelpOptions = true,
    version = "gramian 0.1.0",
    description = "Square-root Kalman filtering with exact gradients.",
    subcommands = {
      FitCommand.class,
      FitManyCommand.class,
      LoglikCommand.class,
      SelectCommand.class,
      BacktestCommand.class,
      ForecastCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GramianCommand implements Runnable {

  /** Exit status for bad input: usage errors, unreadable or malformed files. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit status for a computation that failed. */
  public static final int EXIT_COMPUTATION_FAILED = 1;

  /**
   * The longest error line: room for every message the tool composes (each echoed value and list is
   * cut by {@link InputEcho}), a guard against one that repeats a whole input.
   */
  static final int MAX_MESSAGE_CHARACTERS = 2000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with the exit codes and error handling this tool promises, for every
   * subcommand: a usage error is exit status 2; an exception out of a subcommand is one line {@code
   * gramian: <message>} on standard error and the status {@link #exitCodeFor} gives it.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new GramianCommand());
    cli.setExitCodeExceptionMapper(GramianCommand::exitCodeFor);
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          String message = String.valueOf(ex.getMessage());
          if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
          }
          cmd.getErr().println("gramian: " + InputEcho.line(message, MAX_MESSAGE_CHARACTERS));
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          cmd.getErr().flush();
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          err.println("gramian: " + messageFor(ex));
          if (System.getenv("GRAMIAN_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return exitCodeFor(ex);
        });
    return cli;
  }

  /**
   * The exit status for a failure: {@link #EXIT_BAD_INPUT} for bad input (an {@link
   * IllegalArgumentException}, a file that cannot be read, malformed JSON), {@link
   * #EXIT_COMPUTATION_FAILED} for a computation that failed (an {@link ArithmeticException}, such
   * as the filter's {@code FilterException}) and for anything unexpected.
   */
  static int exitCodeFor(Throwable t) {
    if (t instanceof CliException c) {
      return c.exitCode();
    }
    if (t instanceof ArithmeticException) {
      return EXIT_COMPUTATION_FAILED;
    }
    if (t instanceof IllegalArgumentException
        || t instanceof IOException
        || t instanceof UncheckedIOException) {
      return EXIT_BAD_INPUT;
    }
    return EXIT_COMPUTATION_FAILED;
  }

  /** The one-line message for a failure (without the {@code "gramian: "} prefix). */
  static String messageFor(Throwable t) {
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + ": no such file";
    }
    if (t instanceof AccessDeniedException e) {
      return e.getFile() + ": permission denied";
    }
    String message =
        t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    message = InputEcho.line(message.lines().findFirst().orElse("").trim(), MAX_MESSAGE_CHARACTERS);
    boolean expected =
        t instanceof CliException
            || t instanceof ArithmeticException
            || t instanceof IllegalArgumentException
            || t instanceof IOException;
    return expected ? message : "internal error (" + t.getClass().getName() + "): " + message;
  }

  public static void main(String[] args) {
    int status;
    try {
      status = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "gramian: out of memory (Java's heap limit is "
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MB); give Java more memory, for"
              + " example GRAMIAN_JAVA_OPTS=-Xmx8g");
      status = EXIT_COMPUTATION_FAILED;
    } catch (Error e) {
      System.err.println(
          "gramian: internal error (" + e.getClass().getName() + "): " + e.getMessage());
      status = EXIT_COMPUTATION_FAILED;
    }
    System.exit(status);
  }
}
