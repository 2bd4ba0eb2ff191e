package io.gramian.estimation.fit;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.diagnostics.InformationCriteria;
import io.gramian.estimation.diagnostics.ResidualDiagnostics;
import io.gramian.estimation.model.RegressionStateSpace;
import io.gramian.estimation.results.ForecastPaths;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.results.StateEstimates;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.Forecast;
import io.gramian.kalman.ForecastSimulator;
import io.gramian.kalman.Forecaster;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SimulatedPath;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A maximum-likelihood fit, an immutable value: estimates on the natural scale, their standard
 * errors, the log-likelihood and information criteria, how the optimiser ended, residual
 * diagnostics, the filter's output and the system at the estimates, the data's series and the
 * states' names. From these it gives what {@code gramian fit} prints and writes: the {@link
 * #summary()}, the {@link #parameters()} with z, p and intervals, the filtered and smoothed {@link
 * #states()} and the {@link #forecast(int, double...)}.
 *
 * <p>Standard errors are never null: <b>NaN means undefined</b> (a fixed parameter, a variance on
 * its zero boundary, or a parameter covariance that could not be computed; see {@link
 * ParameterEstimate}).
 *
 * @param series the observed series as given (its name and time labels head the summary and label
 *     the states and forecasts)
 * @param stateNames the states' names, one per state ({@code StateSpaceModel#stateNames})
 * @param parameterCovariance the estimates' covariance on the natural scale, k × k in the order of
 *     {@link #parameterNames()}; NaN in the rows and columns of parameters without a standard error
 *     (fixed, on a zero boundary, or no covariance computed)
 */
public record FitResult(
    String model,
    List<String> parameterNames,
    double[] estimates,
    boolean[] free,
    double[] standardErrors,
    CovarianceType covarianceType,
    double logLikelihood,
    int nobs,
    int observed,
    int diffuseStates,
    int diffuseSteps,
    InformationCriteria criteria,
    boolean converged,
    int iterations,
    int evaluations,
    double gradientNorm,
    String optimizerMessage,
    ResidualDiagnostics diagnostics,
    double[] standardizedResiduals,
    FilterResult filter,
    StateSpace system,
    TimeSeries series,
    List<String> stateNames,
    List<String> warnings,
    double[][] parameterCovariance) {

  /** Copies the arrays and lists and checks that their lengths agree. */
  public FitResult {
    parameterNames = List.copyOf(parameterNames);
    estimates = estimates.clone();
    free = free.clone();
    standardErrors = standardErrors.clone();
    standardizedResiduals = standardizedResiduals.clone();
    stateNames = List.copyOf(stateNames);
    warnings = List.copyOf(warnings);
    parameterCovariance = copy(parameterCovariance);
    int k = parameterNames.size();
    if (parameterCovariance.length != k
        || java.util.Arrays.stream(parameterCovariance).anyMatch(row -> row.length != k)) {
      throw new IllegalArgumentException(
          "the parameter covariance must be " + k + " × " + k + " for " + k + " parameters");
    }
    if (estimates.length != k || free.length != k || standardErrors.length != k) {
      throw new IllegalArgumentException(
          k
              + " parameter names, "
              + estimates.length
              + " estimates, "
              + free.length
              + " free flags and "
              + standardErrors.length
              + " standard errors");
    }
    if (stateNames.size() != filter.nx()) {
      throw new IllegalArgumentException(
          stateNames.size() + " state names for " + filter.nx() + " states");
    }
    if (series.length() < filter.steps()) {
      throw new IllegalArgumentException(
          "the series has "
              + series.length()
              + " periods but the filter ran over "
              + filter.steps());
    }
  }

  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  @Override
  public boolean[] free() {
    return free.clone();
  }

  /**
   * The standard errors in the order of {@link #parameterNames()}; NaN where undefined (a fixed
   * parameter, a variance on its zero boundary, or no parameter covariance), never null.
   */
  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /**
   * The estimates' covariance on the natural scale, k × k in the order of {@link
   * #parameterNames()}: Σ = J Σ_θ Jᵀ of the {@link #covarianceType()}; NaN in the rows and columns
   * of parameters without a standard error.
   */
  @Override
  public double[][] parameterCovariance() {
    return copy(parameterCovariance);
  }

  private static double[][] copy(double[][] matrix) {
    double[][] c = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      c[i] = matrix[i].clone();
    }
    return c;
  }

  /**
   * The covariance of k estimates none of which has a standard error: k × k, every entry NaN (for a
   * fit whose covariance was not computed).
   */
  public static double[][] undefinedCovariance(int k) {
    double[][] c = new double[k][k];
    for (double[] row : c) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return c;
  }

  @Override
  public double[] standardizedResiduals() {
    return standardizedResiduals.clone();
  }

  /** The estimate of a parameter by name. */
  public double estimate(String name) {
    return estimates[indexOf(name)];
  }

  /** The standard error of a parameter by name; NaN where undefined. */
  public double standardError(String name) {
    return standardErrors[indexOf(name)];
  }

  /** Each parameter with its estimate, standard error, z, p and intervals, in order. */
  public List<ParameterEstimate> parameters() {
    List<ParameterEstimate> rows = new ArrayList<>(estimates.length);
    for (int i = 0; i < estimates.length; i++) {
      rows.add(
          new ParameterEstimate(parameterNames.get(i), estimates[i], standardErrors[i], free[i]));
    }
    return rows;
  }

  /** A parameter by name, with its standard error, z, p and intervals. */
  public ParameterEstimate parameter(String name) {
    return parameters().get(indexOf(name));
  }

  /**
   * The text {@code gramian fit} prints (without {@code --forecast}): the statsmodels-style summary
   * with header, parameter table, residual diagnostics and numbered warnings, then how the
   * optimiser ended. The model line is {@link #model()}; the date and time are now.
   */
  public String summary() {
    return summary(model, LocalDateTime.now().withNano(0));
  }

  /**
   * The summary with the caller's description of the model (the command line prints the model as
   * its options spelled it, such as {@code arima(0,1,1)x(0,1,1,12)}) and date, for reproducible
   * text.
   */
  public String summary(String modelDescription, LocalDateTime date) {
    return FitSummary.render(this, modelDescription, date);
  }

  /**
   * The filtered and smoothed states at the estimates: per period, the prediction, the signal and
   * each named state's mean and standard deviation ({@link StateEstimates#of}). The smoother runs
   * at each call.
   */
  public StateEstimates states() {
    SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, filter);
    return StateEstimates.of(fittedSeries(), system, filter, smoothed, stateNames);
  }

  /**
   * The forecast of the next {@code horizon} periods after the data, with an interval at each level
   * in percent (none given: 95), labelled with the periods that follow the series'. For a model
   * without regressors; with regressors, {@link #forecast(int, DMatrixRMaj, double...)}.
   *
   * @throws IllegalArgumentException if the horizon is not positive, a level is outside (0, 100),
   *     or the model has regressors (their future values are needed)
   */
  public SeriesForecast forecast(int horizon, double... levels) {
    return forecast(horizon, null, levels);
  }

  /**
   * The forecast of the next {@code horizon} periods after the data of a model with regressors,
   * from their values over those periods (statsmodels' {@code get_forecast(h, exog=…)}): at horizon
   * h the observation row is H + x_{T+h}ᵀ E (see {@link RegressionStateSpace}), x_{T+h} the h-th
   * row of {@code futureExog}. The coefficients carry on from the filter: as diffuse states they
   * enter with their filtered mean and uncertainty, as parameters (known states) without
   * uncertainty.
   *
   * @param futureExog at least {@code horizon} rows (the first {@code horizon} are used) of the k
   *     regressors in the model's order, all finite; null (or no columns) for a model without
   *     regressors. Not modified.
   * @throws IllegalArgumentException if the horizon is not positive, a level is outside (0, 100),
   *     the model has regressors and {@code futureExog} is missing, has another number of columns,
   *     fewer than {@code horizon} rows or a value that is not finite, or the model has none and
   *     {@code futureExog} has columns
   */
  public SeriesForecast forecast(int horizon, DMatrixRMaj futureExog, double... levels) {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "a forecast needs a positive number of periods, got " + horizon);
    }
    StateSpace ahead = ahead(horizon, futureExog);
    Forecast moments = Forecaster.forSystem(ahead).forecast(ahead, filter, horizon);
    return SeriesForecast.of(moments, series.index().nextPeriods(horizon).labels(), levels);
  }

  /**
   * The system over the data and the horizon: the fitted one, or for a model with regressors the
   * regression system continued with the future values.
   */
  private StateSpace ahead(int horizon, DMatrixRMaj futureExog) {
    if (system instanceof RegressionStateSpace regression) {
      return continued(regression, futureExog, horizon);
    }
    if (futureExog != null && futureExog.numCols > 0) {
      throw new IllegalArgumentException(
          "this fit has no regressors, but future values of " + futureExog.numCols + " were given");
    }
    return system;
  }

  /** The regression system continued over the horizon with the first H rows of the future x. */
  private RegressionStateSpace continued(
      RegressionStateSpace regression, DMatrixRMaj futureExog, int horizon) {
    int k = regression.regressors();
    if (futureExog == null) {
      throw new IllegalArgumentException(
          "this fit has "
              + k
              + " regressor"
              + (k == 1 ? "" : "s")
              + ": a forecast needs their values over the "
              + horizon
              + " periods ahead (forecast(horizon, futureExog, levels…))");
    }
    if (futureExog.numRows < horizon) {
      throw new IllegalArgumentException(
          "the regressors' future values cover "
              + futureExog.numRows
              + " period"
              + (futureExog.numRows == 1 ? "" : "s")
              + ", fewer than the "
              + horizon
              + " to forecast");
    }
    if (series.length() != filter.steps()) {
      throw new IllegalArgumentException(
          "the model filtered "
              + filter.steps()
              + " of the data's "
              + series.length()
              + " periods (it differenced the series and regressors first): a forecast with"
              + " regressors needs the model of the whole series (the exactly diffuse integration)");
    }
    DMatrixRMaj ahead = CommonOps_DDRM.extract(futureExog, 0, horizon, 0, futureExog.numCols);
    return regression.continuedWith(ahead);
  }

  /**
   * {@code paths} simulated future paths over the next {@code horizon} periods, drawn from the
   * fitted model given the data (the future states and observation noises, starting from the
   * filtered state at the end of the data; {@link ForecastSimulator}), on the modelled scale. Their
   * mean and quantiles at each horizon estimate the {@link #forecast(int, double...)}'s mean and
   * bounds, within Monte Carlo error.
   *
   * @param seed the seed of the normals ({@link Random}): the same seed gives the same paths
   * @throws IllegalArgumentException if the horizon or the number of paths is not positive, or the
   *     model has regressors (their future values are needed: {@link #simulateForecast(int,
   *     DMatrixRMaj, int, long)})
   */
  public ForecastPaths simulateForecast(int horizon, int paths, long seed) {
    return simulateForecast(horizon, null, paths, seed);
  }

  /**
   * Simulated future paths of a model with regressors, given their values over the horizon (as
   * {@link #forecast(int, DMatrixRMaj, double...)} takes them): the paths are drawn from the
   * regression system continued with {@code futureExog}, so their mean and quantiles estimate that
   * forecast's.
   *
   * @param futureExog at least {@code horizon} rows of the k regressors; null for a model without
   * @throws IllegalArgumentException as {@link #simulateForecast(int, int, long)} and {@link
   *     #forecast(int, DMatrixRMaj, double...)}
   */
  public ForecastPaths simulateForecast(int horizon, DMatrixRMaj futureExog, int paths, long seed) {
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "a forecast needs a positive number of periods, got " + horizon);
    }
    if (paths < 1) {
      throw new IllegalArgumentException(
          "a simulation needs a positive number of paths, got " + paths);
    }
    StateSpace ahead = ahead(horizon, futureExog);
    Forecast moments = Forecaster.forSystem(ahead).forecast(ahead, filter, horizon);
    SimulatedPath[] drawn = ForecastSimulator.simulate(ahead, moments, paths, new Random(seed));
    double[][] values = new double[paths][horizon];
    for (int i = 0; i < paths; i++) {
      DMatrixRMaj y = drawn[i].observations();
      for (int h = 0; h < horizon; h++) {
        values[i][h] = y.get(h, 0);
      }
    }
    return new ForecastPaths(series.index().nextPeriods(horizon).labels(), values, seed);
  }

  /** The periods the filter ran over: the series, less any leading periods the model drops. */
  TimeSeries fittedSeries() {
    int n = series.length();
    return n == filter.steps() ? series : series.slice(n - filter.steps(), n);
  }

  private int indexOf(String name) {
    int i = parameterNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no parameter " + name + "; the model's parameters are " + parameterNames);
    }
    return i;
  }
}
