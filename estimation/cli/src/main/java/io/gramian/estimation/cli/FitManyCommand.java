package io.gramian.estimation.cli;

import io.gramian.estimation.batch.BatchFit;
import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.ForecastsTable;
import io.gramian.estimation.batch.ResultsTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian fit-many DATA.csv --model MODEL [model options] [--columns A,B,... | --id COLUMN
 * --value COLUMN] [--threads N] [--forecast H] --out RESULTS.csv [--forecast-out FORECASTS.csv]}:
 * the same model fitted to every series of a file on a pool of threads, one row per series in
 * {@code RESULTS.csv}, in input order (docs/many-series.md).
 */
@Command(
    name = "fit-many",
    header = "Fit one model to every series of a file, on every core.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fits the model by maximum likelihood (as fit does) to each series of DATA.csv: every value"
          + " column of a wide file (or those --columns names), or every id of a long file"
          + " (--id, --value). Writes one row per series to RESULTS.csv, in input order:"
          + " id,status,message,nobs,loglikelihood,aic,bic,hqic,converged,iterations, then"
          + " NAME,NAME.std_error per parameter. A series that cannot be fitted is a row with"
          + " status failed and the reason; the run goes on.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 when the run completed (failed series included), 2 for bad input or"
          + " options, 1 when the run could not finish."
    })
final class FitManyCommand implements Callable<Integer> {

  static final String OUT = "--out";
  static final String FORECAST_OUT = "--forecast-out";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DATA.csv",
      description = "The series: a wide file (a column per series) or a long file (--id, --value).")
  Path data;

  @Mixin FitSpecOptions fitSpecOptions;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "A,B",
      hideParamSyntax = true,
      description = "Wide file: the value columns to fit (default: every value column).")
  List<String> columns;

  @Option(
      names = "--id",
      paramLabel = "COLUMN",
      description = "Long file: the column holding each row's series id.")
  String id;

  @Option(
      names = "--value",
      paramLabel = "COLUMN",
      description = "Long file: the column holding the values.")
  String value;

  @Option(
      names = "--time",
      paramLabel = "NAME",
      description =
          "The date/time column (default: found by its name, date, time, year, month, quarter,"
              + " period or index, or, in a wide file, by its values).")
  String time;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads fitting at once (default: every core, here ${DEFAULT-VALUE}).")
  int threads = BatchFit.defaultThreads();

  @Option(
      names = "--forecast",
      paramLabel = "H",
      description = "Forecast H periods after each series' end (written to --forecast-out).")
  Integer forecastHorizon;

  @Option(
      names = OUT,
      required = true,
      paramLabel = "RESULTS.csv",
      description = "The results, one row per series.")
  Path out;

  @Option(
      names = FORECAST_OUT,
      paramLabel = "FORECASTS.csv",
      description = "With --forecast: id,step,period,mean,lower,upper (95% interval).")
  Path forecastOut;

  @Option(names = "--quiet", description = "No progress display on standard error.")
  boolean quiet;

  @Option(
      names = "--progress-interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "When standard error is not a terminal, a progress line at most every SECONDS"
              + " (default: ${DEFAULT-VALUE}; 0: after every series).")
  double progressInterval;

  @Override
  public Integer call() {
    checkOptions();
    FitSpec fitSpec = fitSpecOptions.fitSpec(forecastHorizon == null ? 0 : forecastHorizon);
    BatchFit batch = new BatchFit(fitSpec);
    int[] counts;
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output(OUT, out);
      outputs.output(FORECAST_OUT, forecastOut);
      outputs.check();
      PrintWriter err = spec.commandLine().getErr();
      ManySeriesInput input =
          id != null
              ? ManySeriesInput.longFile(data, id, value, time)
              : ManySeriesInput.wide(data, columns, time);
      if (!quiet) {
        err.println("gramian: fit-many: " + input.count() + " series" + input.how());
        err.flush();
      }
      counts = run(batch, input, outputs);
      outputs.commit();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("gramian: " + counts[0] + " series fitted, " + counts[1] + " failed");
    err.flush();
    return 0;
  }

  private void checkOptions() {
    if ((id == null) != (value == null)) {
      throw new IllegalArgumentException(
          "a long file needs both --id COLUMN and --value COLUMN (a wide file neither)");
    }
    if (id != null && columns != null) {
      throw new IllegalArgumentException(
          "--columns is for a wide file; a long file names its series by --id");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads takes a positive number, got " + threads);
    }
    if (forecastHorizon != null && forecastHorizon < 1) {
      throw new IllegalArgumentException("--forecast takes a positive number of periods");
    }
    if (forecastHorizon != null && forecastOut == null) {
      throw new IllegalArgumentException(
          "--forecast H writes its forecasts to --forecast-out FORECASTS.csv; name that file");
    }
    if (forecastOut != null && forecastHorizon == null) {
      throw new IllegalArgumentException("--forecast-out goes with --forecast H");
    }
  }

  /** Fits every series, writing the outputs' temporaries in input order; {fitted, failed}. */
  private int[] run(BatchFit batch, ManySeriesInput input, OutputFiles outputs) {
    int[] counts = new int[2];
    BatchProgress progress =
        quiet
            ? null
            : new BatchProgress(
                spec.commandLine().getErr(),
                FitCommand.stderrIsTerminal(),
                progressInterval,
                System::nanoTime,
                input.count());
    try {
      List<String> names = batch.parameterNames();
      outputs.write(
          OUT,
          resultsFile ->
              withWriter(
                  resultsFile,
                  results -> {
                    line(results, ResultsTable.csvHeader(names));
                    if (forecastOut == null) {
                      fitAll(batch, input, progress, counts, results, null);
                      return;
                    }
                    outputs.write(
                        FORECAST_OUT,
                        forecastFile ->
                            withWriter(
                                forecastFile,
                                forecasts -> {
                                  line(
                                      forecasts,
                                      ForecastsTable.csvHeader(batch.spec().transform()));
                                  fitAll(batch, input, progress, counts, results, forecasts);
                                }));
                  }));
    } finally {
      if (progress != null) {
        progress.finish(); // a terminal's progress line goes, even when the run fails
      }
    }
    return counts;
  }

  private void fitAll(
      BatchFit batch,
      ManySeriesInput input,
      BatchProgress progress,
      int[] counts,
      Writer results,
      Writer forecasts) {
    List<String> names = batch.parameterNames();
    input.forEach(
        series ->
            batch.fitAll(
                series,
                threads,
                result -> {
                  line(results, ResultsTable.csvRow(result, names));
                  if (forecasts != null) {
                    for (String row : ForecastsTable.csvRows(result, batch.spec().transform())) {
                      line(forecasts, row);
                    }
                  }
                  counts[result.isOk() ? 0 : 1]++;
                  if (progress != null) {
                    progress.done(counts[0] + counts[1]);
                  }
                }));
  }

  private static void line(Writer writer, String text) {
    try {
      writer.write(text);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is written to one output through a writer. */
  @FunctionalInterface
  private interface WriterContent {
    void writeTo(Writer writer) throws IOException;
  }

  private static void withWriter(Path file, WriterContent content) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      content.writeTo(writer);
    }
  }
}
