package io.gramian.estimation.saved;

import io.gramian.datasets.InputEcho;
import io.gramian.datasets.TimeSeries;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.results.SeriesForecast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A fit kept for later use, the {@code gramian-fit} JSON file ({@code fit --save FIT.json}): the
 * model's specification by its command-line options, the transform, the data (with its values, so
 * that forecasts need no file), the regressors, the parameters held fixed, and the estimates with
 * their standard errors and covariance, ℓ and the software's version.
 *
 * <p>From it: {@link #evaluate(ModelData)} the model at the saved estimates on any compatible data
 * (no optimisation), {@link #forecast} from the end of the saved data or of new or extended data
 * (statsmodels' {@code apply} and {@code extend}), and the start of a refit ({@link #estimates()}
 * with {@code FitOptions.withStart}).
 *
 * <p>The library reads and writes the format itself ({@link #toJson()}, {@link #fromJson}, {@link
 * #read}, {@link #write}) with a small JSON reader and writer of its own: the estimation library
 * carries no JSON library (it runs in services and on Spark executors that bring their own), and
 * the format is then the same for every user, command line or Java. Doubles are written so that
 * they read back to the same bits: a forecast from the saved file repeats the fit's to the bit.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param software the software that wrote the fit ({@code gramian 0.1.0})
 * @param model the model's specification
 * @param transform applied to the modelled column before fitting
 * @param data the data the fit was estimated on
 * @param exog the regressors' column names (empty for none)
 * @param fixed the parameters held fixed, by name, at their values
 * @param covarianceType how the standard errors and covariance were computed
 * @param parameterNames the parameters, statsmodels' names, in the model's order
 * @param estimates natural-scale estimates, in the order of {@code parameterNames}
 * @param standardErrors standard errors; NaN where undefined (saved as null)
 * @param covariance the estimates' covariance, k × k; NaN where undefined (saved as null)
 * @param logLikelihood ℓ at the estimates
 * @param converged whether the optimiser converged
 * @param iterations the optimiser's iterations
 */
public record SavedFit(
    String software,
    ModelSpec model,
    SeriesTransform transform,
    SavedData data,
    List<String> exog,
    Map<String, Double> fixed,
    CovarianceType covarianceType,
    List<String> parameterNames,
    double[] estimates,
    double[] standardErrors,
    double[][] covariance,
    double logLikelihood,
    boolean converged,
    int iterations) {

  /** The value of the file's {@code format} field. */
  public static final String FORMAT = "gramian-fit";

  /** The format's version this library writes, and the newest it reads. */
  public static final int VERSION = 1;

  /** Copies the collections and arrays and checks that the parameters' counts agree. */
  public SavedFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(covarianceType, "covarianceType");
    exog = List.copyOf(exog);
    fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    parameterNames = List.copyOf(parameterNames);
    estimates = estimates.clone();
    standardErrors = standardErrors.clone();
    covariance = copy(covariance);
    int k = parameterNames.size();
    if (estimates.length != k
        || standardErrors.length != k
        || covariance.length != k
        || java.util.Arrays.stream(covariance).anyMatch(row -> row.length != k)) {
      throw new IllegalArgumentException(
          k
              + " parameter names need "
              + k
              + " estimates, standard errors and a "
              + k
              + " × "
              + k
              + " covariance");
    }
  }

  /**
   * The saved form of {@code fit}.
   *
   * @param model the specification the fit's model was built from
   * @param transform the transform applied to the data's column
   * @param fixed the parameters held fixed ({@code FitOptions.fixed()})
   * @param data the data as read from the file ({@link SavedData#of})
   * @param exog the regressors' names
   */
  public static SavedFit of(
      ModelSpec model,
      SeriesTransform transform,
      Map<String, Double> fixed,
      SavedData data,
      List<String> exog,
      FitResult fit) {
    return new SavedFit(
        currentSoftware(),
        model,
        transform,
        data,
        exog,
        fixed,
        fit.covarianceType(),
        fit.parameterNames(),
        fit.estimates(),
        fit.standardErrors(),
        fit.parameterCovariance(),
        fit.logLikelihood(),
        fit.converged(),
        fit.iterations());
  }

  /** This library's name and version, as saved fits record it: {@code gramian 0.1.0}. */
  public static String currentSoftware() {
    java.util.Properties p = new java.util.Properties();
    try (var in = SavedFit.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "gramian " + p.getProperty("version", "unknown");
  }

  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  @Override
  public double[][] covariance() {
    return copy(covariance);
  }

  /** The {@code gramian-fit} JSON text, ending with a newline. */
  public String toJson() {
    return JsonWriter.write(SavedFitJson.tree(this));
  }

  /**
   * The saved fit that {@code text} holds.
   *
   * @param source how messages name the text (the file's name)
   * @throws JsonFormatException for text that is not valid JSON (naming the line and column), not a
   *     gramian-fit, of a newer version, or with a field missing or of the wrong kind (naming it)
   */
  public static SavedFit fromJson(String text, String source) {
    return SavedFitJson.fit(JsonReader.parse(text, source), source);
  }

  /** Writes {@link #toJson()} to {@code file} (UTF-8). */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /**
   * Reads a saved fit; messages name {@code file} as given.
   *
   * @throws IOException if the file cannot be read
   * @throws JsonFormatException as {@link #fromJson}
   */
  public static SavedFit read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** The model, built from the saved specification with the saved regressors. */
  public StateSpaceModel createModel() {
    StateSpaceModel created = model.create(exog);
    if (!created.parameterNames().equals(parameterNames)) {
      throw new IllegalArgumentException(
          "the saved model ("
              + model.spelling()
              + ") has parameters "
              + parameterNames
              + " but this version builds it with "
              + created.parameterNames());
    }
    return created;
  }

  /** The saved data as the fit modelled them: transformed, with the regressors. */
  public ModelData savedData() {
    return modelData(data.frame());
  }

  /**
   * The data of {@code frame} as the saved model takes them: the saved column, transformed, with
   * the saved regressors.
   *
   * @throws IllegalArgumentException naming the frame's source when it lacks the saved column or a
   *     regressor, or its frequency is not the saved one
   */
  public ModelData modelData(TimeSeriesFrame frame) {
    String source = frame.source();
    if (!frame.frequency().displayName().equals(data.frequency())) {
      throw new IllegalArgumentException(
          source
              + " has "
              + frame.frequency().displayName()
              + " periods but the fit was saved from "
              + data.frequency()
              + " data ("
              + data.file()
              + ")");
    }
    for (String name : concat(data.column(), exog)) {
      if (!frame.hasColumn(name)) {
        throw new IllegalArgumentException(
            source
                + " has no column "
                + InputEcho.quoted(name)
                + ", which the saved fit models"
                + (name.equals(data.column()) ? "" : " as a regressor")
                + "; its columns are "
                + InputEcho.plainList(frame.columnNames()));
      }
    }
    TimeSeries series = transform.apply(frame.column(data.column()));
    DMatrixRMaj x = new DMatrixRMaj(frame.length(), exog.size());
    for (int j = 0; j < exog.size(); j++) {
      TimeSeries regressor = frame.column(exog.get(j));
      for (int t = 0; t < frame.length(); t++) {
        x.set(t, j, regressor.value(t));
      }
    }
    return new ModelData(series, x, exog);
  }

  /**
   * The data a forecast from {@code frame} starts from: the saved data followed by the frame's
   * periods when they continue the saved ones (the frame's first period is the one after the saved
   * data's last: statsmodels' {@code extend}), otherwise the frame alone (new data, or the saved
   * data extended: statsmodels' {@code apply}).
   */
  public ModelData modelDataFrom(TimeSeriesFrame frame) {
    return modelData(frameFrom(frame));
  }

  /**
   * The frame a forecast from {@code frame} starts from, as {@link #modelDataFrom}: the saved data
   * followed by {@code frame} when it continues them, else {@code frame}.
   *
   * @throws IllegalArgumentException as {@link #modelData}, naming {@code frame}'s source
   */
  public TimeSeriesFrame frameFrom(TimeSeriesFrame frame) {
    modelData(frame); // the checks, naming the frame
    return continues(frame) ? data.followedBy(frame) : frame;
  }

  /** Whether {@code frame}'s first period is the one after the saved data's last. */
  public boolean continues(TimeSeriesFrame frame) {
    if (data.timeColumn() == null || frame.length() == 0 || data.nobs() == 0) {
      return false;
    }
    TimeSeriesFrame saved = data.frame();
    try {
      return saved.index().nextPeriods(1).label(0).equals(frame.index().label(0));
    } catch (IllegalStateException unknownSpacing) {
      return false;
    }
  }

  /**
   * The model at the saved estimates on {@code data}, every parameter held at its saved value (no
   * optimisation): the filter, ℓ and diagnostics of these data, for forecasts from their end.
   */
  public FitResult evaluate(ModelData data) {
    StateSpaceModel created = createModel();
    Map<String, Double> all = new LinkedHashMap<>();
    for (int i = 0; i < estimates.length; i++) {
      all.put(parameterNames.get(i), estimates[i]);
    }
    return MaximumLikelihood.fit(
        created, data, FitOptions.defaults().withFixed(all).withCovarianceType(covarianceType));
  }

  /**
   * The forecast of {@code horizon} periods after the end of {@code data} at the saved estimates,
   * with an interval at each level in percent (none: 95).
   */
  public SeriesForecast forecast(ModelData data, int horizon, double... levels) {
    return forecast(data, horizon, null, levels);
  }

  /**
   * As {@link #forecast(ModelData, int, double...)} for a model with regressors: their values over
   * the horizon, {@code horizon} rows (or more) in the order of {@link #exog()} ({@code
   * FitResult.forecast(int, DMatrixRMaj, double...)}).
   */
  public SeriesForecast forecast(
      ModelData data, int horizon, DMatrixRMaj futureExog, double... levels) {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "a forecast needs a positive number of periods, got " + horizon);
    }
    return evaluate(data).forecast(horizon, futureExog, levels);
  }

  /**
   * The start of a refit of {@code model}: the saved estimates, when {@code model} has the saved
   * model's parameters.
   *
   * @throws IllegalArgumentException naming both lists of parameters when they differ
   */
  public double[] startFor(StateSpaceModel model, String source) {
    if (!model.parameterNames().equals(parameterNames)) {
      throw new IllegalArgumentException(
          source
              + " was saved from "
              + this.model.spelling()
              + " with parameters "
              + parameterNames
              + "; this model's parameters are "
              + model.parameterNames());
    }
    return estimates.clone();
  }

  private static List<String> concat(String first, List<String> rest) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  static double[][] copy(double[][] matrix) {
    double[][] c = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      c[i] = matrix[i].clone();
    }
    return c;
  }
}
