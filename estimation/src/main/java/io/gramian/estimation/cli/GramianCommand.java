package io.gramian.estimation.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gramian} command-line tool: the entry point that {@code ./gramian} runs.
 *
 * <p>Exit status: 0 on success, 2 for bad input (a usage error, a missing or malformed file),
 * 1 when a computation fails.
 */
@Command(
    name = "gramian",
    mixinStandardHelpOptions = true,
    version = "gramian 0.1.0",
    description = "Square-root Kalman filtering with exact gradients.",
    subcommands = {CommandLine.HelpCommand.class})
public final class GramianCommand implements Runnable {

  /** Exit status for bad input: usage errors, unreadable or malformed files. */
  public static final int EXIT_BAD_INPUT = 2;
  /** Exit status for a computation that failed. */
  public static final int EXIT_COMPUTATION_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the exit codes and error handling this tool promises. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new GramianCommand());
    cli.setExitCodeExceptionMapper(t -> EXIT_COMPUTATION_FAILED);
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("gramian: " + ex.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_BAD_INPUT;
        });
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
