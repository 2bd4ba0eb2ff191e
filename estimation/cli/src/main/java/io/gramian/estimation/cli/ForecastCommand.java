package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.InputEcho;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.plot.OriginalScalePanel;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.saved.SavedData;
import io.gramian.estimation.saved.SavedFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian forecast FIT.json [DATA.csv] --forecast H [--level L1,L2] [--json OUT.json]
 * [--plot OUT.png] [--future FUTURE.csv]}: the forecast of a saved fit ({@code fit --save}) at its
 * saved estimates, without refitting: from the end of the saved data, or of DATA.csv when given.
 * DATA.csv may continue the saved data (its first period follows the saved last: the saved data are
 * extended by it, statsmodels' {@code extend}) or be data of its own, such as the saved data with
 * more periods (the model is run on it alone, statsmodels' {@code apply}); either way it needs the
 * saved column, regressors and frequency.
 */
@Command(
    name = "forecast",
    header = "Forecast from a saved fit without refitting.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs the saved model at its saved estimates over the saved data, or over DATA.csv (new"
          + " data, or data that continue or extend the saved data), and forecasts H periods"
          + " from the end: the same table and JSON entries as fit --forecast.",
      ""
    },
    footer = {"", "Exit status: 0 on success, 2 for bad input, 1 when the computation fails."})
final class ForecastCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FIT.json", description = "A fit saved by fit --save.")
  Path fitFile;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DATA.csv",
      description =
          "Data to forecast from (default: the data saved in the fit): the saved column (and"
              + " regressors) at the saved frequency.")
  Path data;

  @Option(
      names = "--forecast",
      required = true,
      paramLabel = "H",
      description = "Forecast H periods ahead.")
  int horizon;

  @Option(
      names = "--future",
      paramLabel = "FUTURE.csv",
      description =
          "With a saved fit that has regressors: their values over the horizon, a time column"
              + " continuing the data's periods and the saved regressor columns, at least H rows.")
  Path future;

  @Option(
      names = "--level",
      split = ",",
      paramLabel = "L1,L2",
      description =
          "Forecast interval levels in percent, each strictly between 0 and 100 (default: 95).")
  List<String> levels;

  @Option(
      names = "--json",
      paramLabel = "OUT.json",
      description =
          "Also write the forecast as JSON ('-' for standard output, instead of the table).")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "OUT.png",
      description = "Plot the data with the smoothed components and the forecast.")
  Path plot;

  @Override
  public Integer call() {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "--forecast takes a positive number of periods, got " + horizon);
    }
    double[] intervalLevels = ForecastLevels.parse(levels, true);
    boolean jsonToStdout = json != null && json.toString().equals("-");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("FIT.json", fitFile);
      outputs.input("DATA.csv", data);
      outputs.input("--future", future);
      outputs.output("--json", jsonToStdout ? null : json);
      outputs.output(FitOutputs.PLOT, plot);
      outputs.check();
      return run(outputs, jsonToStdout, intervalLevels);
    }
  }

  private int run(OutputFiles outputs, boolean jsonToStdout, double[] intervalLevels) {
    SavedFit saved = SavedFits.read(fitFile);
    TimeSeriesFrame frame;
    String start;
    String source;
    if (data == null) {
      frame = saved.data().frame();
      start = "saved";
      source = saved.data().file();
    } else {
      TimeSeriesFrame read = read(saved.data(), data);
      start = saved.continues(read) ? "extend" : "apply";
      frame = saved.frameFrom(read);
      source = data.getFileName().toString();
    }
    ModelData modelData = saved.modelData(frame);
    DMatrixRMaj futureExog = futureRegressors(saved, frame);
    FitResult at = saved.evaluate(modelData);
    SeriesForecast forecast = at.forecast(horizon, futureExog, intervalLevels);
    OptionalDouble base = saved.transform().logBase();
    OriginalScaleForecast original =
        base.isPresent() ? forecast.originalScale(base.getAsDouble()) : null;

    if (plot != null) {
      String title = "extend".equals(start) ? saved.data().file() + " + " + source : source;
      OriginalScalePanel panel =
          original == null
              ? null
              : OriginalScalePanel.of(
                  frame.column(saved.data().column()), original, saved.transform().spelling());
      FitOutputs.writeComponentPlot(
          outputs,
          FitOutputs.PLOT,
          modelData.series(),
          title,
          at,
          forecast,
          panel,
          saved.model().components().exogVarying());
    }
    String jsonText = json == null ? null : json(saved, start, source, at, forecast, original);
    if (outputs.has("--json")) {
      outputs.writeText("--json", jsonText);
    }
    String printed =
        jsonToStdout
            ? jsonText
            : summary(saved, start, modelData.series(), at)
                + forecast.table()
                + (original == null ? "" : original.table());
    outputs.commit(); // files first: a failure prints nothing
    PrintWriter out = spec.commandLine().getOut();
    out.print(printed);
    out.flush();
    return 0;
  }

  /**
   * The regressors over the horizon from {@code --future}, after the periods of {@code frame}; null
   * for a saved fit without regressors.
   */
  private DMatrixRMaj futureRegressors(SavedFit saved, TimeSeriesFrame frame) {
    if (saved.exog().isEmpty()) {
      if (future != null) {
        throw new IllegalArgumentException(
            "--future gives regressors' values over the horizon, but "
                + fitFile
                + " has no regressors");
      }
      return null;
    }
    if (future == null) {
      throw new IllegalArgumentException(
          fitFile
              + " has regressors ("
              + InputEcho.plainList(saved.exog())
              + "); give their values over the horizon with --future FUTURE.csv");
    }
    String timeColumn = saved.data().timeColumn();
    return FutureRegressors.read(
        future, timeColumn, frame.index(), timeColumn == null, saved.exog(), horizon);
  }

  /** DATA.csv, with the saved time column when the fit had one. */
  private static TimeSeriesFrame read(SavedData saved, Path file) {
    return saved.timeColumn() == null
        ? CsvTimeSeriesReader.read(file)
        : CsvTimeSeriesReader.read(file, saved.timeColumn());
  }

  /** What the forecast starts from and at which parameters. */
  private String summary(SavedFit saved, String start, TimeSeries series, FitResult at) {
    StringBuilder s = new StringBuilder();
    s.append("Forecast from the saved fit ")
        .append(fitFile)
        .append(" (")
        .append(saved.software())
        .append(")\n");
    s.append("Model:          ").append(saved.model().spelling());
    if (!"none".equals(saved.transform().spelling())) {
      s.append(", --transform ").append(saved.transform().spelling());
    }
    s.append('\n');
    String periods =
        series.length()
            + " periods, "
            + series.label(0)
            + " to "
            + series.label(series.length() - 1);
    String from =
        switch (start) {
          case "saved" -> "the saved data (" + saved.data().file() + ", " + periods + ")";
          case "extend" ->
              "the saved data extended by "
                  + data.getFileName()
                  + " ("
                  + (series.length() - saved.data().nobs())
                  + " periods; "
                  + periods
                  + ")";
          default -> data.getFileName() + " (" + periods + ")";
        };
    s.append("Data:           ").append(from).append('\n');
    s.append("Parameters:     the saved estimates (not refitted)\n");
    for (int i = 0; i < saved.parameterNames().size(); i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-22s %14.6g%n",
              saved.parameterNames().get(i),
              saved.estimates()[i]));
    }
    s.append(
        String.format(Locale.ROOT, "Log-likelihood: %.4f on these data%n", at.logLikelihood()));
    return s.toString();
  }

  private String json(
      SavedFit saved,
      String start,
      String source,
      FitResult at,
      SeriesForecast forecast,
      OriginalScaleForecast original) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("fit", fitFile.toString());
    root.put("model", saved.model().spelling());
    root.put("transform", saved.transform().spelling());
    root.put("data", source);
    root.put("start", start);
    root.put("nobs", at.nobs());
    root.put("loglikelihood", at.logLikelihood());
    FitJson.putForecast(root, forecast, original);
    try {
      return new JsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON forecast", e);
    }
  }
}
