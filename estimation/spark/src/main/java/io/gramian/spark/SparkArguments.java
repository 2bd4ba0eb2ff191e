package io.gramian.spark;

import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.cli.FitSpecOptions;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of {@link FitManySpark#main}: {@code fit-many}'s options (the model options,
 * {@code --fix}, {@code --cov-type} and {@code --transform} through the command line's own {@link
 * FitSpecOptions}, so they are read exactly as {@code gramian fit-many} reads them), the input's
 * layout, the forecast and the outputs (directories, or Parquet when a name ends in .parquet).
 */
@Command(
    name = "gramian-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Fit one model to every series of a table, as gramian fit-many does, on Spark.")
final class SparkArguments {

  /** Exit status for bad options, as the command line's. */
  static final int EXIT_BAD_INPUT = 2;

  /** Exit status for a job that failed otherwise. */
  static final int EXIT_FAILED = 1;

  @Parameters(
      index = "0",
      paramLabel = "DATA",
      description = "CSV with a header, or Parquet when the path ends in .parquet.")
  String data;

  @Mixin FitSpecOptions fitSpecOptions;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "A,B",
      description = "Wide table: the value columns to fit (default: every column but the time).")
  List<String> columns;

  @Option(names = "--id", paramLabel = "COLUMN", description = "Long table: the id column.")
  String id;

  @Option(names = "--value", paramLabel = "COLUMN", description = "Long table: the values.")
  String value;

  @Option(
      names = "--time",
      paramLabel = "NAME",
      description =
          "The time column (default: the first named date, time, year, month, quarter, period or"
              + " index; none: each series in input order).")
  String time;

  @Option(
      names = "--forecast",
      paramLabel = "H",
      description = "Forecast H periods after each series' end (written to --forecast-out).")
  Integer forecastHorizon;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The results, one row per series.")
  String out;

  @Option(
      names = "--forecast-out",
      paramLabel = "DIR",
      description = "With --forecast: id,step,period,mean,lower,upper (95% interval).")
  String forecastOut;

  /** A run that ends before Spark starts: help shown, or bad options reported. */
  static final class Exit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Exit(int status) {
      super(null, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * The arguments, checked: the options read, the model built once (a bad model name or option is
   * found here, before Spark starts). On bad options, one line on standard error.
   *
   * @throws Exit with the status to exit with, for help or bad options
   */
  static SparkArguments parse(String[] args) {
    try {
      SparkArguments a = parseOrThrow(args);
      if (a == null) {
        throw new Exit(0);
      }
      return a;
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      throw new Exit(report(e));
    }
  }

  /**
   * The arguments, checked, or {@code null} when help or the version was asked for (and printed).
   *
   * @throws IllegalArgumentException or {@link CommandLine.ParameterException} for bad options
   */
  static SparkArguments parseOrThrow(String[] args) {
    SparkArguments a = new SparkArguments();
    CommandLine cli = new CommandLine(a);
    cli.parseArgs(args);
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return null;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(System.out);
      return null;
    }
    a.check();
    new BatchFit(a.fitSpec()); // builds the model: a bad name or option is refused here
    return a;
  }

  private void check() {
    if ((id == null) != (value == null)) {
      throw new IllegalArgumentException(
          "a long table needs both --id COLUMN and --value COLUMN (a wide table neither)");
    }
    if (id != null && columns != null) {
      throw new IllegalArgumentException(
          "--columns is for a wide table; a long table names its series by --id");
    }
    if (forecastHorizon != null && forecastHorizon < 1) {
      throw new IllegalArgumentException("--forecast takes a positive number of periods");
    }
    if ((forecastHorizon == null) != (forecastOut == null)) {
      throw new IllegalArgumentException("--forecast H and --forecast-out DIR go together");
    }
  }

  FitSpec fitSpec() {
    return fitSpecOptions.fitSpec(forecastHorizon == null ? 0 : forecastHorizon);
  }

  /**
   * Reports a failure as one line on standard error ({@code gramian-spark: <message>}), the first
   * line of the message of its innermost cause that has one; its exit status: 2 for bad input.
   */
  static int report(Throwable e) {
    Throwable cause = e;
    boolean badInput = e instanceof CommandLine.ParameterException;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        badInput = true;
        cause = t;
      }
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      message = cause.getClass().getName();
    }
    System.err.println("gramian-spark: " + message.lines().findFirst().orElse("").strip());
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
  }
}
