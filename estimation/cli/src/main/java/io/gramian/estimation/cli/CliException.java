package io.gramian.estimation.cli;

/**
 * A failure a command reports itself, with the exit status it calls for and a message that is the
 * whole error line (after {@code "gramian: "}). Thrown out of a subcommand's {@code call()} and
 * turned into that line and status by {@link GramianCommand#commandLine()}'s handler.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input (a file that is missing, unreadable or malformed; values that make no sense). */
  static CliException badInput(String message) {
    return new CliException(GramianCommand.EXIT_BAD_INPUT, message, null);
  }

  /** Bad input, keeping the exception that revealed it. */
  static CliException badInput(String message, Throwable cause) {
    return new CliException(GramianCommand.EXIT_BAD_INPUT, message, cause);
  }

  /** A computation that could not be carried out on valid input. */
  static CliException failed(String message, Throwable cause) {
    return new CliException(GramianCommand.EXIT_COMPUTATION_FAILED, message, cause);
  }

  /** The exit status this failure calls for. */
  int exitCode() {
    return exitCode;
  }
}
