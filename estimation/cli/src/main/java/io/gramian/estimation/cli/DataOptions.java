package io.gramian.estimation.cli;

import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.InputEcho;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.SeriesForecast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The data options of {@code fit} and {@code loglik --model}: which column, which time column, a
 * transform, and regressors. Turns a CSV file into the series (with its time index, for labels and
 * plots) and the model's data.
 */
final class DataOptions {

  @Option(
      names = "--column",
      paramLabel = "NAME",
      description = "The value column to model (required when the file has more than one).")
  String column;

  @Option(
      names = "--time",
      paramLabel = "NAME",
      description =
          "The date/time column (default: the first column when it holds dates or periods, or is"
              + " named date, time, year, month, quarter, period or index).")
  String time;

  @Option(
      names = "--transform",
      paramLabel = "T",
      defaultValue = "none",
      description = "Transform the series first: none, log or log10 (default: ${DEFAULT-VALUE}).")
  String transform;

  @Option(
      names = "--exog",
      split = ",",
      paramLabel = "A,B",
      hideParamSyntax = true,
      description = "Regressor columns (coefficients estimated as diffuse states or parameters).")
  List<String> exog = new ArrayList<>();

  /** The command these options belong to: for its standard error. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The loaded series and the model data. */
  record Loaded(TimeSeries series, ModelData data, TimeSeriesFrame frame) {}

  Loaded load(Path file) {
    TimeSeriesFrame frame =
        time == null ? CsvTimeSeriesReader.read(file) : CsvTimeSeriesReader.read(file, time);
    TimeSeries series = transformed(valueColumn(frame, file.getFileName().toString()));
    series.spacingWarning().ifPresent(this::warn);
    if (series.observedCount() == 0) {
      throw new IllegalArgumentException(
          "column "
              + InputEcho.quoted(series.name())
              + " of "
              + file.getFileName()
              + " has no observed value");
    }
    DMatrixRMaj x = new DMatrixRMaj(frame.length(), exog.size());
    for (int j = 0; j < exog.size(); j++) {
      TimeSeries regressor = frame.column(exog.get(j));
      for (int t = 0; t < frame.length(); t++) {
        x.set(t, j, regressor.value(t));
      }
    }
    return new Loaded(series, new ModelData(series, x, exog), frame);
  }

  /** The modelled column as the file gives it, before any transform. */
  TimeSeries untransformed(Loaded loaded) {
    return valueColumn(loaded.frame(), loaded.frame().source());
  }

  /** The value column to model: {@code --column}, or the one column that is not a regressor. */
  private TimeSeries valueColumn(TimeSeriesFrame frame, String fileName) {
    List<String> values = new ArrayList<>(frame.columnNames());
    values.removeAll(exog);
    if (column != null) {
      return frame.column(column);
    }
    if (values.size() == 1) {
      return frame.column(values.get(0));
    }
    throw new IllegalArgumentException(
        fileName
            + " has "
            + values.size()
            + " value columns ("
            + InputEcho.plainList(values)
            + "); choose one with --column");
  }

  /**
   * After {@code --transform log} or {@code log10}, the forecast carried back to the original scale
   * (median, log-normal mean, bounds); null without a logarithm or without a forecast.
   */
  OriginalScaleForecast originalScale(SeriesForecast forecast) {
    if (forecast == null) {
      return null;
    }
    OptionalDouble base = SeriesTransform.parse(transform).logBase();
    return base.isPresent() ? forecast.originalScale(base.getAsDouble()) : null;
  }

  /** One line on standard error: the run goes on. */
  private void warn(String warning) {
    if (command != null) {
      command.commandLine().getErr().println("gramian: warning: " + warning);
      command.commandLine().getErr().flush();
    }
  }

  private TimeSeries transformed(TimeSeries series) {
    return SeriesTransform.parse(transform).apply(series);
  }
}
