package io.gramian.estimation.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** {@code gramian fit-many} run in this JVM, as the launcher runs it: the command line's own. */
public final class FitManyInProcess {
  private FitManyInProcess() {}

  /** Runs {@code gramian ARGS}; its exit status. */
  public static int run(String... args) {
    var cli = GramianCommand.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }
}
