package io.gramian.estimation.cli;

import io.gramian.estimation.backtest.Backtest;
import io.gramian.estimation.backtest.BacktestOptions;
import io.gramian.estimation.backtest.BacktestProgress;
import io.gramian.estimation.backtest.BacktestResult;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.plot.BacktestPlot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian backtest DATA.csv --model MODEL [model options] [data options] --horizon H --folds
 * K [--refit] [--out BACKTEST.csv] [--plot OUT.png] [--json OUT.json]}: rolling-origin evaluation
 * of the model's forecasts ({@link Backtest}), a table per horizon on standard output.
 */
@Command(
    name = "backtest",
    header = "Evaluate a model's forecasts from rolling origins.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fold k = 1..K fits on the first n - H - K + k observations and forecasts the next H."
          + " Without --refit the parameters are estimated once, on the first fold's data, and"
          + " kept; with --refit each fold is estimated anew, starting at the previous fold's"
          + " estimates. Prints per horizon MAE, RMSE, MAPE, MASE and the coverage of the 95%"
          + " interval (and of each --level), over the folds whose actual is observed.",
      ""
    },
    footer = {"", "Exit status: 0 on success, 2 for bad input, 1 when the computation fails."})
final class BacktestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The series, one row per period.")
  Path data;

  @Mixin ModelOptions modelOptions;

  @Mixin DataOptions dataOptions;

  @Mixin EstimationOptions estimationOptions;

  @Option(
      names = "--horizon",
      required = true,
      paramLabel = "H",
      description = "Periods each fold forecasts.")
  int horizon;

  @Option(
      names = "--folds",
      required = true,
      paramLabel = "K",
      description = "Forecast origins; the last fold's forecast ends at the last observation.")
  int folds;

  @Option(
      names = "--refit",
      description = "Estimate the parameters on every fold (default: once, on the first).")
  boolean refit;

  @Option(
      names = "--level",
      split = ",",
      paramLabel = "L1,L2",
      description = "Also report the coverage of intervals at these levels in percent.")
  List<String> levels;

  @Option(
      names = "--out",
      paramLabel = "BACKTEST.csv",
      description = "Write the metrics: horizon,mae,rmse,mape,mase,coverage (95%).")
  Path out;

  @Option(
      names = "--plot",
      paramLabel = "OUT.png",
      description = "Plot the folds' forecasts over the data and the error by horizon.")
  Path plot;

  @Option(
      names = "--json",
      paramLabel = "OUT.json",
      description =
          "Also write the metrics and every fold's forecast as JSON ('-' for standard output,"
              + " instead of the table).")
  Path json;

  @Option(
      names = "--scale",
      paramLabel = "SCALE",
      defaultValue = "original",
      description =
          "After --transform log|log10: the errors on the data's own scale (original, the"
              + " default: the point forecast is the median b^mean, the bounds carried back) or on"
              + " the logarithm's (modelled).")
  String scale;

  @Option(names = "--quiet", description = "No progress display on standard error.")
  boolean quiet;

  @Option(
      names = "--progress-interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "When standard error is not a terminal, a progress line at most every SECONDS"
              + " (default: ${DEFAULT-VALUE}; 0: after every fold).")
  double progressInterval;

  static final String OUT = "--out";
  static final String PLOT = "--plot";
  static final String JSON = "--json";

  @Override
  public Integer call() {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "--horizon takes a positive number of periods to forecast, got " + horizon);
    }
    if (folds < 1) {
      throw new IllegalArgumentException(
          "--folds takes a positive number of forecast origins, got " + folds);
    }
    if (!scale.equals("original") && !scale.equals("modelled")) {
      throw new IllegalArgumentException(
          "--scale: '" + scale + "' is not one of original, modelled");
    }
    double[] extraLevels = ForecastLevels.parse(levels, true);
    boolean jsonToStdout = json != null && json.toString().equals("-");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output(OUT, out);
      outputs.output(PLOT, plot);
      outputs.output(JSON, jsonToStdout ? null : json);
      outputs.check();
      return run(outputs, jsonToStdout, extraLevels);
    }
  }

  private int run(OutputFiles outputs, boolean jsonToStdout, double[] extraLevels) {
    StateSpaceModel model = modelOptions.create(dataOptions.exog);
    Map<String, Double> fixed = estimationOptions.fixed();
    if (refit && fixed.keySet().containsAll(model.parameterNames())) {
      throw new IllegalArgumentException(
          "--refit re-estimates the parameters on every fold, but --fix holds all of them ("
              + String.join(", ", model.parameterNames())
              + "); leave out --refit, or --fix fewer");
    }
    DataOptions.Loaded loaded = dataOptions.load(data);
    BacktestProgress progress =
        quiet
            ? BacktestProgress.silent()
            : new BacktestProgressLine(
                spec.commandLine().getErr(),
                FitCommand.stderrIsTerminal(),
                progressInterval,
                System::nanoTime);
    BacktestOptions options =
        BacktestOptions.of(horizon, folds)
            .withRefit(refit)
            .withLevels(extraLevels)
            .withFit(
                FitOptions.defaults()
                    .withFixed(fixed)
                    .withCovarianceType(estimationOptions.covarianceType()))
            .withProgress(progress);
    BacktestResult result;
    try {
      result = Backtest.run(model, loaded.data(), options);
    } catch (ModelSizeException e) {
      throw e.withSubject(modelOptions.spelling());
    } finally {
      if (progress instanceof BacktestProgressLine shown) {
        shown.finish();
      }
    }
    OptionalDouble base = dataOptions.logBase();
    boolean original = base.isPresent() && scale.equals("original");
    if (original) {
      result = result.originalScale(dataOptions.untransformed(loaded), base.getAsDouble());
    }
    BacktestResult shown = result;
    String spelling = modelOptions.spelling();
    if (outputs.has(OUT)) {
      outputs.writeText(OUT, result.csv());
    }
    if (outputs.has(PLOT)) {
      String title =
          data.getFileName()
              + ": "
              + spelling
              + ", "
              + folds
              + (folds == 1 ? " fold" : " folds")
              + ", horizon "
              + horizon
              + (refit ? ", refitted" : "");
      outputs.write(PLOT, png -> BacktestPlot.writePng(shown, title, png));
    }
    String scaleName = original ? "original" : "modelled";
    String jsonText = json == null ? null : BacktestJson.render(result, spelling, scaleName);
    if (outputs.has(JSON)) {
      outputs.writeText(JSON, jsonText);
    }
    String printed =
        jsonToStdout
            ? jsonText
            : "Model: "
                + spelling
                + "\n"
                + (original
                    ? "Errors on the original scale: the point forecast is the median "
                        + (base.getAsDouble() == Math.E ? "exp(mean)" : "10^mean")
                        + ", the bounds are carried back\n"
                    : "")
                + result.table();
    outputs.commit(); // files first: a failure prints nothing
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(printed);
    stdout.flush();
    return 0;
  }
}
