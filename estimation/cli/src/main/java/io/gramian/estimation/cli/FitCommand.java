package io.gramian.estimation.cli;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterUncertainty;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.optim.ProgressListener;
import io.gramian.estimation.plot.PathsCsv;
import io.gramian.estimation.results.ForecastPaths;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.saved.SavedData;
import io.gramian.estimation.saved.SavedFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian fit DATA.csv --model MODEL [model options] [data options] [--json OUT.json]
 * [--plot OUT.png] [--states OUT.csv] [--forecast H [--future FUTURE.csv] [--level L1,L2]
 * [--interval-uncertainty noise|parameters] [--simulate N --paths-out PATHS.csv]] [--save FIT.json]
 * [--start FIT.json]}: maximum-likelihood estimation with the exact diffuse log-likelihood and its
 * analytic gradient, a statsmodels-style summary, and the filtered, smoothed and forecast
 * estimates.
 */
@Command(
    name = "fit",
    header = "Fit a state-space model to a series by maximum likelihood.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Estimates the model's parameters by maximising the exact diffuse log-likelihood (Durbin"
          + " and Koopman 2012; statsmodels' use_exact_diffuse=True) with BFGS on its exact"
          + " gradient, then prints a summary: parameters with standard errors, log-likelihood,"
          + " AIC, BIC, HQIC and residual diagnostics.",
      ""
    },
    footer = {"", "Exit status: 0 on success, 2 for bad input, 1 when the computation fails."})
final class FitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The series, one row per period.")
  Path data;

  @Mixin ModelOptions modelOptions;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "A,B",
      hideParamSyntax = true,
      description =
          "With a model of several series (sutse-level, sutse-trend, var, varmax, dfm): the value"
              + " columns it models together.")
  List<String> columns;

  @Mixin EstimationOptions estimationOptions;

  @Option(
      names = "--json",
      paramLabel = "OUT.json",
      description =
          "Also write the result as JSON ('-' for standard output, instead of the summary).")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "OUT.png",
      description = "Plot the data with the filtered and smoothed estimates (and the forecast).")
  Path plot;

  @Option(
      names = "--diagnostics-plot",
      paramLabel = "OUT.png",
      description = "Plot residual diagnostics: residuals, histogram, Q-Q plot, correlogram.")
  Path diagnosticsPlot;

  @Option(
      names = "--states",
      paramLabel = "OUT.csv",
      description = "Write predictions and filtered and smoothed states, one row per period.")
  Path states;

  @Option(
      names = "--forecast",
      paramLabel = "H",
      description = "Forecast H periods ahead (summary, JSON and plot).")
  Integer forecastHorizon;

  @Option(
      names = "--future",
      paramLabel = "FUTURE.csv",
      description =
          "With --exog and --forecast H: the regressors' values over the horizon, a time column"
              + " continuing the data's periods and the --exog columns, at least H rows.")
  Path future;

  @Option(
      names = "--level",
      split = ",",
      paramLabel = "L1,L2",
      description =
          "Forecast interval levels in percent, each strictly between 0 and 100 (default: 95).")
  List<String> levels;

  @Option(
      names = "--save",
      paramLabel = "FIT.json",
      description =
          "Save the fit (model options, transform, data, estimates and their covariance) for"
              + " gramian forecast and fit --start.")
  Path save;

  @Option(
      names = "--start",
      paramLabel = "FIT.json",
      description = "Start the optimiser at the estimates of a saved fit of the same model.")
  Path start;

  @Option(
      names = "--interval-uncertainty",
      paramLabel = "SOURCE",
      defaultValue = "noise",
      description =
          "What the forecast intervals include: noise (default; the model's noise at the"
              + " estimates, as statsmodels and R's forecast) or parameters (also the estimates'"
              + " uncertainty, by the delta method).")
  String intervalUncertainty;

  @Option(
      names = "--simulate",
      paramLabel = "N",
      description =
          "With --forecast H: draw N future paths from the fitted model (future states and"
              + " observation noise, from the filtered state at the end of the data) and write"
              + " them to --paths-out.")
  Integer simulatePaths;

  @Option(
      names = "--paths-out",
      paramLabel = "PATHS.csv",
      description =
          "Where --simulate writes its paths: path,step,period,value, N × H rows, on the"
              + " modelled scale.")
  Path pathsOut;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed of --simulate's random numbers (default: ${DEFAULT-VALUE}); the same seed gives"
              + " the same paths.")
  long seed;

  @Option(names = "--quiet", description = "No progress display on standard error.")
  boolean quiet;

  @Option(
      names = "--progress-interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "When standard error is not a terminal, a progress line at most every SECONDS"
              + " (default: ${DEFAULT-VALUE}; 0: every iteration).")
  double progressInterval;

  /** The model {@code --model auto} chose; null for a model named on the command line. */
  private ModelSpec chosen;

  @Override
  public Integer call() {
    if (forecastHorizon != null && forecastHorizon < 1) {
      throw new IllegalArgumentException("--forecast takes a positive number of periods");
    }
    if (modelOptions.severalSeries()) {
      SeveralSeriesFit.checkOptions(this);
    } else if (columns != null) {
      throw new IllegalArgumentException(
          "--columns goes with a model of several series ("
              + String.join(", ", ModelOptions.SEVERAL_SERIES_MODELS)
              + "); --model "
              + modelOptions.model
              + " takes one --column");
    }
    checkFuture();
    double[] intervalLevels = ForecastLevels.parse(levels, forecastHorizon != null);
    checkSimulation();
    boolean withParameters = checkIntervalUncertainty();
    boolean jsonToStdout = json != null && json.toString().equals("-");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.input("--future", future);
      outputs.output("--json", jsonToStdout ? null : json);
      outputs.output(FitOutputs.PLOT, plot);
      outputs.output(FitOutputs.DIAGNOSTICS_PLOT, diagnosticsPlot);
      outputs.output(FitOutputs.STATES, states);
      outputs.input("--start", start);
      outputs.output("--save", save);
      outputs.output(FitOutputs.PATHS, pathsOut);
      outputs.check();
      return run(outputs, jsonToStdout, intervalLevels, withParameters);
    }
  }

  /**
   * Whether the intervals include the parameters' uncertainty: {@code --interval-uncertainty
   * parameters}; {@code noise} is the default; anything else, or either without --forecast, is bad
   * input.
   */
  private boolean checkIntervalUncertainty() {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--interval-uncertainty");
    if (given && forecastHorizon == null) {
      throw new IllegalArgumentException(
          "--interval-uncertainty sets what the forecast intervals include; give --forecast H"
              + " with it");
    }
    return switch (intervalUncertainty) {
      case "noise" -> false;
      case "parameters" -> true;
      default ->
          throw new IllegalArgumentException(
              "--interval-uncertainty: '"
                  + intervalUncertainty
                  + "' is not one of noise, parameters");
    };
  }

  /**
   * --simulate N needs --forecast H and --paths-out, N ≥ 1 (a model with regressors needs --future,
   * as the forecast does); --paths-out needs --simulate.
   */
  private void checkSimulation() {
    if (simulatePaths == null) {
      if (pathsOut != null) {
        throw new IllegalArgumentException(
            "--paths-out names the file of --simulate's paths; give --simulate N with it");
      }
      return;
    }
    if (forecastHorizon == null) {
      throw new IllegalArgumentException(
          "--simulate draws paths over the forecast's periods; give --forecast H with it");
    }
    if (simulatePaths < 1) {
      throw new IllegalArgumentException(
          "--simulate takes a positive number of paths, got " + simulatePaths);
    }
    if (pathsOut == null) {
      throw new IllegalArgumentException(
          "--simulate needs --paths-out PATHS.csv, the file its paths are written to");
    }
  }

  /** The fit, its outputs written to {@code outputs} and committed, then the summary. */
  private int run(
      OutputFiles outputs, boolean jsonToStdout, double[] intervalLevels, boolean withParameters) {
    if (modelOptions.severalSeries()) {
      ProgressListener shown = progress();
      return SeveralSeriesFit.run(
          this,
          outputs,
          jsonToStdout,
          intervalLevels,
          shown,
          () -> {
            if (shown instanceof FitProgress p) {
              p.finish();
            }
          });
    }
    List<String> regressors = modelOptions.regressors(dataOptions.exog);
    DataOptions.Loaded loaded = dataOptions.load(data, regressors);
    DMatrixRMaj futureExog =
        future == null
            ? null
            : FutureRegressors.read(
                future, dataOptions.time, loaded.frame(), regressors, forecastHorizon);
    StateSpaceModel model;
    if (AutoModel.NAME.equals(modelOptions.model)) {
      chosen = AutoModel.choose(modelOptions, dataOptions, loaded, spec.commandLine().getErr());
      model = chosen.create(dataOptions.exog);
    } else {
      model = modelOptions.create(dataOptions.exog);
    }
    FitOptions options =
        FitOptions.defaults()
            .withFixed(estimationOptions.fixed())
            .withCovarianceType(estimationOptions.covarianceType());
    if (start != null) {
      options = options.withStart(SavedFits.read(start).startFor(model, start.toString()));
    }
    ProgressListener progress = progress();
    options = options.withProgress(progress);
    FitResult fit;
    try {
      fit = MaximumLikelihood.fit(model, loaded.data(), options);
    } catch (ModelSizeException e) {
      throw e.withSubject(chosen != null ? chosen.spelling() : modelOptions.spelling());
    } finally {
      if (progress instanceof FitProgress shown) {
        shown.finish();
      }
    }

    SeriesForecast forecast;
    if (forecastHorizon == null) {
      forecast = null;
    } else if (withParameters) {
      forecast =
          ParameterUncertainty.forecast(
              model, loaded.data(), options, fit, forecastHorizon, futureExog, intervalLevels);
    } else {
      forecast = fit.forecast(forecastHorizon, futureExog, intervalLevels);
    }
    OriginalScaleForecast original = dataOptions.originalScale(forecast);

    FitOutputs.write(this, outputs, loaded, fit, forecast);
    if (simulatePaths != null) {
      ForecastPaths paths = fit.simulateForecast(forecastHorizon, futureExog, simulatePaths, seed);
      outputs.write(FitOutputs.PATHS, csv -> PathsCsv.write(paths, csv));
    }
    String jsonText = json == null ? null : FitJson.render(fit, forecast, original, withParameters);
    if (outputs.has("--json")) {
      outputs.writeText("--json", jsonText);
    }
    if (save != null) {
      SavedData saved =
          SavedData.of(
              loaded.frame(),
              data.getFileName().toString(),
              dataOptions.untransformed(loaded).name(),
              dataOptions.exog);
      outputs.writeText(
          "--save",
          SavedFit.of(
                  chosen != null ? chosen : modelOptions.spec(),
                  SeriesTransform.parse(dataOptions.transform),
                  estimationOptions.fixed(),
                  saved,
                  dataOptions.exog,
                  fit)
              .toJson());
    }
    String printed = jsonToStdout ? jsonText : summary(fit, forecast, original, withParameters);
    outputs.commit(); // files first: a failure prints nothing
    PrintWriter out = spec.commandLine().getOut();
    out.print(printed);
    out.flush();
    return 0;
  }

  /**
   * What the command prints: the fit's {@linkplain FitResult#summary(String, LocalDateTime)
   * summary} with the model as its options spell it, then the forecast's table (and, with {@code
   * --interval-uncertainty parameters}, a line saying what its intervals include) and, after a
   * logarithm, the forecast on the original scale.
   */
  private String summary(
      FitResult fit,
      SeriesForecast forecast,
      OriginalScaleForecast original,
      boolean withParameters) {
    String text = fit.summary(modelDescription(), LocalDateTime.now().withNano(0));
    if (forecast == null) {
      return text;
    }
    String note =
        withParameters
            ? String.format(
                "Intervals include the parameters' uncertainty (delta method, %s covariance).%n",
                fit.covarianceType().label())
            : "";
    text += forecast.table() + note;
    return original == null ? text : text + original.table();
  }

  /**
   * {@code --future} goes with {@code --exog} (or {@code --exog-varying}) and {@code --forecast},
   * and a forecast with regressors needs it: checked before any work starts.
   */
  private void checkFuture() {
    List<String> regressors = modelOptions.regressors(dataOptions.exog);
    boolean exog = !regressors.isEmpty();
    String option = dataOptions.exog.isEmpty() ? "--exog-varying" : "--exog";
    if (future != null && (!exog || forecastHorizon == null)) {
      throw new IllegalArgumentException(
          "--future gives the regressors' values over the forecast horizon; it goes with --exog"
              + " and --forecast H");
    }
    if (future == null && exog && forecastHorizon != null) {
      throw new IllegalArgumentException(
          "--forecast with "
              + option
              + " needs the regressors' values over the horizon: give --future"
              + " FUTURE.csv, with a time column continuing the data's periods and the columns "
              + String.join(", ", regressors)
              + " for at least "
              + forecastHorizon
              + " rows");
    }
  }

  private String modelDescription() {
    if (chosen != null) {
      StringBuilder s = new StringBuilder("auto ").append(chosen.model());
      if (chosen.order() != null) {
        s.append("(").append(chosen.order()).append(")");
      }
      if (chosen.seasonalOrder() != null) {
        s.append("x(").append(chosen.seasonalOrder()).append(")");
      }
      if (chosen.seasonal() != null) {
        s.append(" s=").append(chosen.seasonal());
      }
      return s.toString();
    }
    StringBuilder s = new StringBuilder(modelOptions.model);
    if (modelOptions.order != null) {
      s.append("(").append(modelOptions.order).append(")");
    }
    if (modelOptions.seasonalOrder != null) {
      s.append("x(").append(modelOptions.seasonalOrder).append(")");
    }
    if (modelOptions.seasonal != null) {
      s.append(" s=")
          .append(
              modelOptions.seasonal.stream()
                  .map(String::valueOf)
                  .collect(java.util.stream.Collectors.joining(",")));
    }
    s.append(modelOptions.componentsDescription());
    if (modelOptions.arLags != null) {
      s.append(" ar lags ").append(modelOptions.arLags);
    }
    if (modelOptions.maLags != null) {
      s.append(" ma lags ").append(modelOptions.maLags);
    }
    if (ModelOptions.APPROXIMATE_DIFFUSE.equals(modelOptions.init)) {
      s.append(" approx. diffuse");
    }
    return s.toString();
  }

  /**
   * Whether standard error is a terminal: as the launcher saw it ({@code gramian.stderr.tty}), or
   * else whether Java has a console.
   */
  static boolean stderrIsTerminal() {
    String seen = System.getProperty("gramian.stderr.tty");
    return seen != null ? Boolean.parseBoolean(seen) : System.console() != null;
  }

  private ProgressListener progress() {
    if (quiet) {
      return ProgressListener.silent();
    }
    return new FitProgress(
        spec.commandLine().getErr(), stderrIsTerminal(), progressInterval, System::nanoTime);
  }
}
