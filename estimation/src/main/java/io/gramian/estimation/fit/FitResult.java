package io.gramian.estimation.fit;

import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.diagnostics.InformationCriteria;
import io.gramian.estimation.diagnostics.ResidualDiagnostics;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.StateSpace;
import java.util.List;

/**
 * A maximum-likelihood fit, an immutable value: estimates on the natural scale, their standard
 * errors ({@code null} where undefined: a fixed parameter, or a variance on its zero boundary), the
 * log-likelihood and information criteria, how the optimiser ended, residual diagnostics the
 * filter's output at the estimates, and the system at the estimates (for smoothing and
 * forecasting).
 */
public record FitResult(
    String model,
    List<String> parameterNames,
    double[] estimates,
    boolean[] free,
    Double[] standardErrors,
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
    List<String> warnings) {

  public FitResult {
    parameterNames = List.copyOf(parameterNames);
    estimates = estimates.clone();
    free = free.clone();
    standardErrors = standardErrors.clone();
    standardizedResiduals = standardizedResiduals.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  @Override
  public boolean[] free() {
    return free.clone();
  }

  @Override
  public Double[] standardErrors() {
    return standardErrors.clone();
  }

  @Override
  public double[] standardizedResiduals() {
    return standardizedResiduals.clone();
  }

  /** The estimate of a parameter by name. */
  public double estimate(String name) {
    int i = parameterNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no parameter " + name + "; the model's parameters are " + parameterNames);
    }
    return estimates[i];
  }
}
