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
    return load(file, exog);
  }

  /**
   * The series and the model data with these regressor columns ({@code --exog} and the model's own,
   * such as {@code --exog-varying}'s).
   */
  Loaded load(Path file, List<String> regressors) {
    TimeSeriesFrame frame =
        time == null ? CsvTimeSeriesReader.read(file) : CsvTimeSeriesReader.read(file, time);
    TimeSeries series = transformed(valueColumn(frame, file.getFileName().toString(), regressors));
    series.spacingWarning().ifPresent(this::warn);
    if (series.observedCount() == 0) {
      throw new IllegalArgumentException(
          "column "
              + InputEcho.quoted(series.name())
              + " of "
              + file.getFileName()
              + " has no observed value");
    }
    DMatrixRMaj x = regressorMatrix(frame, regressors);
    return new Loaded(series, new ModelData(series, x, regressors), frame);
  }

  /** The regressor columns of the frame, T × k, in the order named. */
  private static DMatrixRMaj regressorMatrix(TimeSeriesFrame frame, List<String> regressors) {
    DMatrixRMaj x = new DMatrixRMaj(frame.length(), regressors.size());
    for (int j = 0; j < regressors.size(); j++) {
      TimeSeries regressor = frame.column(regressors.get(j));
      for (int t = 0; t < frame.length(); t++) {
        x.set(t, j, regressor.value(t));
      }
    }
    return x;
  }

  /** Several loaded series of one file, in the order asked for, and their model data (T × p). */
  record LoadedColumns(List<TimeSeries> series, ModelData data, TimeSeriesFrame frame) {}

  /**
   * The value columns {@code columns} of the file (each transformed), for a model of several series
   * at once, with the regressor columns {@code regressors} (untransformed, as for one series).
   *
   * @throws IllegalArgumentException naming the file and the column when one is missing, repeats or
   *     has no observed value, or a regressor has a missing value
   */
  LoadedColumns loadColumns(Path file, List<String> columns, List<String> regressors) {
    if (column != null) {
      throw new IllegalArgumentException(
          "a model of several series reads --columns A,B, not --column " + column);
    }
    TimeSeriesFrame frame =
        time == null ? CsvTimeSeriesReader.read(file) : CsvTimeSeriesReader.read(file, time);
    List<TimeSeries> series = new ArrayList<>();
    DMatrixRMaj y = new DMatrixRMaj(frame.length(), columns.size());
    for (int j = 0; j < columns.size(); j++) {
      if (columns.indexOf(columns.get(j)) != j) {
        throw new IllegalArgumentException(
            "--columns names " + InputEcho.quoted(columns.get(j)) + " twice");
      }
      TimeSeries s = transformed(frame.column(columns.get(j)));
      if (s.observedCount() == 0) {
        throw new IllegalArgumentException(
            "column "
                + InputEcho.quoted(s.name())
                + " of "
                + file.getFileName()
                + " has no observed value");
      }
      if (j == 0) {
        s.spacingWarning().ifPresent(this::warn);
      }
      for (int t = 0; t < frame.length(); t++) {
        y.set(t, j, s.value(t));
      }
      series.add(s);
    }
    DMatrixRMaj x = regressorMatrix(frame, regressors);
    return new LoadedColumns(List.copyOf(series), new ModelData(y, x, regressors), frame);
  }

  /** The modelled column as the file gives it, before any transform. */
  TimeSeries untransformed(Loaded loaded) {
    return valueColumn(loaded.frame(), loaded.frame().source(), loaded.data().exogNames());
  }

  /** The value column to model: {@code --column}, or the one column that is not a regressor. */
  private TimeSeries valueColumn(TimeSeriesFrame frame, String fileName, List<String> regressors) {
    List<String> values = new ArrayList<>(frame.columnNames());
    values.removeAll(regressors);
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
    OptionalDouble base = logBase();
    return base.isPresent() ? forecast.originalScale(base.getAsDouble()) : null;
  }

  /** The base of {@code --transform}'s logarithm: e, 10, or empty without one. */
  OptionalDouble logBase() {
    return SeriesTransform.parse(transform).logBase();
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
