package io.gramian.estimation.cli;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.fit.ParameterUncertainty;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.optim.ProgressListener;
import io.gramian.estimation.plot.PathsCsv;
import io.gramian.estimation.results.ForecastPaths;
import io.gramian.estimation.results.SeriesForecast;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian fit DATA.csv --model MODEL [model options] [data options] [--json OUT.json]
 * [--plot OUT.png] [--states OUT.csv] [--forecast H [--simulate N --paths-out PATHS.csv]]}:
 * maximum-likelihood estimation with the exact diffuse log-likelihood and its analytic gradient, a
 * statsmodels-style summary, and the filtered, smoothed and forecast estimates.
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
      names = "--level",
      split = ",",
      paramLabel = "L1,L2",
      description =
          "Forecast interval levels in percent, each strictly between 0 and 100 (default: 95).")
  List<String> levels;

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

  @Override
  public Integer call() {
    if (forecastHorizon != null && forecastHorizon < 1) {
      throw new IllegalArgumentException("--forecast takes a positive number of periods");
    }
    if (forecastHorizon != null && !dataOptions.exog.isEmpty()) {
      throw new IllegalArgumentException(
          "--forecast with --exog: forecasting with regressors needs their future values, which"
              + " a later version will read; fit without --forecast");
    }
    double[] intervalLevels = ForecastLevels.parse(levels, forecastHorizon != null);
    checkSimulation();
    boolean withParameters = checkIntervalUncertainty();
    boolean jsonToStdout = json != null && json.toString().equals("-");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output("--json", jsonToStdout ? null : json);
      outputs.output(FitOutputs.PLOT, plot);
      outputs.output(FitOutputs.DIAGNOSTICS_PLOT, diagnosticsPlot);
      outputs.output(FitOutputs.STATES, states);
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

  /** --simulate N needs --forecast H and --paths-out, N ≥ 1; --paths-out needs --simulate. */
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
    DataOptions.Loaded loaded = dataOptions.load(data);
    StateSpaceModel model = modelOptions.create(dataOptions.exog);
    ProgressListener progress = progress();
    FitOptions options =
        FitOptions.defaults()
            .withFixed(estimationOptions.fixed())
            .withCovarianceType(estimationOptions.covarianceType())
            .withProgress(progress);
    FitResult fit;
    try {
      fit = MaximumLikelihood.fit(model, loaded.data(), options);
    } catch (ModelSizeException e) {
      throw e.withSubject(modelOptions.spelling());
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
              model, loaded.data(), options, fit, forecastHorizon, intervalLevels);
    } else {
      forecast = fit.forecast(forecastHorizon, intervalLevels);
    }

    FitOutputs.write(this, outputs, loaded, fit, forecast);
    if (simulatePaths != null) {
      ForecastPaths paths = fit.simulateForecast(forecastHorizon, simulatePaths, seed);
      outputs.write(FitOutputs.PATHS, csv -> PathsCsv.write(paths, csv));
    }
    String jsonText = json == null ? null : FitJson.render(fit, forecast);
    if (outputs.has("--json")) {
      outputs.writeText("--json", jsonText);
    }
    String printed = jsonToStdout ? jsonText : summary(fit, forecast, withParameters);
    outputs.commit(); // files first: a failure prints nothing
    PrintWriter out = spec.commandLine().getOut();
    out.print(printed);
    out.flush();
    return 0;
  }

  /**
   * What the command prints: the fit's {@linkplain FitResult#summary(String, LocalDateTime)
   * summary} with the model as its options spell it, then the forecast's table (and, with {@code
   * --interval-uncertainty parameters}, a line saying what its intervals include).
   */
  private String summary(FitResult fit, SeriesForecast forecast, boolean withParameters) {
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
    return text + forecast.table() + note;
  }

  private String modelDescription() {
    StringBuilder s = new StringBuilder(modelOptions.model);
    if (modelOptions.order != null) {
      s.append("(").append(modelOptions.order).append(")");
    }
    if (modelOptions.seasonalOrder != null) {
      s.append("x(").append(modelOptions.seasonalOrder).append(")");
    }
    if (modelOptions.seasonal != null) {
      s.append(" s=").append(modelOptions.seasonal);
    }
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
