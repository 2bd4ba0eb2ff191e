package io.gramian.estimation.batch;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a batch keeps of one successful fit: ℓ, the information criteria, how the optimiser ended,
 * the estimates and standard errors by statsmodels' name, and the forecast when one was asked for.
 * Small (no filtered moments), immutable and serialisable. Equality compares every number to the
 * last bit.
 *
 * @param logLikelihood ℓ at the estimates (exact diffuse unless the model says otherwise)
 * @param aic −2ℓ + 2k (statsmodels' counting of k)
 * @param bic −2ℓ + k log n*
 * @param hqic −2ℓ + 2k log log n*
 * @param converged whether BFGS met its convergence test
 * @param iterations BFGS iterations
 * @param parameterNames the model's parameters, statsmodels' names, in its order
 * @param estimates natural-scale estimates (a fixed parameter: its fixed value)
 * @param standardErrors standard errors, NaN where undefined (a fixed parameter, a variance at its
 *     zero boundary), as in {@link io.gramian.estimation.fit.FitResult#standardErrors()}
 * @param forecast one point per step ahead, empty when no forecast was asked for
 */
public record SeriesFit(
    double logLikelihood,
    double aic,
    double bic,
    double hqic,
    boolean converged,
    int iterations,
    List<String> parameterNames,
    double[] estimates,
    double[] standardErrors,
    List<ForecastPoint> forecast)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public SeriesFit {
    parameterNames = List.copyOf(parameterNames);
    estimates = estimates.clone();
    standardErrors = standardErrors.clone();
    forecast = List.copyOf(forecast);
    if (estimates.length != parameterNames.size()
        || standardErrors.length != parameterNames.size()) {
      throw new IllegalArgumentException(
          parameterNames.size()
              + " parameters, "
              + estimates.length
              + " estimates and "
              + standardErrors.length
              + " standard errors");
    }
  }

  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /**
   * The estimate of a parameter by name.
   *
   * @throws IllegalArgumentException naming the parameters there are, when none has that name
   */
  public double estimate(String name) {
    return estimates[index(name)];
  }

  /** The standard error of a parameter by name, NaN where it is undefined. */
  public double standardError(String name) {
    return standardErrors[index(name)];
  }

  private int index(String name) {
    int i = parameterNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no parameter " + name + "; the model's parameters are " + parameterNames);
    }
    return i;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SeriesFit o
        && Double.compare(logLikelihood, o.logLikelihood) == 0
        && Double.compare(aic, o.aic) == 0
        && Double.compare(bic, o.bic) == 0
        && Double.compare(hqic, o.hqic) == 0
        && converged == o.converged
        && iterations == o.iterations
        && parameterNames.equals(o.parameterNames)
        && Arrays.equals(estimates, o.estimates)
        && Arrays.equals(standardErrors, o.standardErrors)
        && forecast.equals(o.forecast);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
            logLikelihood, aic, bic, hqic, converged, iterations, parameterNames, forecast)
        + 31 * Arrays.hashCode(estimates)
        + 961 * Arrays.hashCode(standardErrors);
  }

  @Override
  public String toString() {
    return "SeriesFit[logLikelihood="
        + logLikelihood
        + ", converged="
        + converged
        + ", iterations="
        + iterations
        + ", parameters="
        + parameterNames
        + ", estimates="
        + Arrays.toString(estimates)
        + ", standardErrors="
        + Arrays.toString(standardErrors)
        + ", forecast steps="
        + forecast.size()
        + "]";
  }
}
