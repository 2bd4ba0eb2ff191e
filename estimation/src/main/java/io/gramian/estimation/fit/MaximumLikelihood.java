package io.gramian.estimation.fit;

import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.diagnostics.InformationCriteria;
import io.gramian.estimation.diagnostics.ResidualDiagnostics;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.optim.Bfgs;
import io.gramian.estimation.optim.OptimizationResult;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximum-likelihood estimation: BFGS on the unconstrained θ of the free parameters, minimising
 * {@code −ℓ(θ)/n} with the exact analytic gradient (filter reverse sweep + model tape), then
 * standard errors, information criteria and residual diagnostics at the estimate.
 *
 * <p>Dividing by the number of observations n (as statsmodels does) makes the gradient
 * tolerance independent of the series' length. Variances that go to their zero boundary are a
 * normal outcome: σ² = θ² reaches zero at θ = 0, where the estimate is reported with a missing
 * standard error.
 */
public final class MaximumLikelihood {

  private MaximumLikelihood() {}

  /** Fits {@code model} to {@code data}. */
  public static FitResult fit(StateSpaceModel model, ModelData data, FitOptions options) {
    LogLikelihood likelihood =
        new LogLikelihood(model, data, options.fixed(), options.rule());
    ParameterLayout layout = likelihood.layout();
    ModelData prepared = likelihood.data();
    int observed = prepared.observedCount();
    if (observed == 0) {
      throw new IllegalArgumentException("the series has no observed values");
    }
    int k = layout.freeCount();
    if (observed <= k) {
      throw new IllegalArgumentException(
          "too few observations: " + observed + " observed values for " + k
              + " free parameters of model " + model.name());
    }
    double[] startNatural = options.start() != null ? options.start() : start(model, prepared, options);
    double[] theta0 = layout.unconstrained(startNatural);
    double n = observed;
    OptimizationResult opt;
    List<String> warnings = new ArrayList<>();
    if (k == 0) {
      opt = new OptimizationResult(theta0, -likelihood.value(theta0) / n, new double[0], 0, 1, 0, true,
          "no free parameters");
    } else {
      opt =
          new Bfgs(options.optimizer())
              .minimize(
                  (theta, gradient) -> {
                    double ll = likelihood.valueAndGradient(theta, gradient);
                    for (int i = 0; i < gradient.length; i++) {
                      gradient[i] = -gradient[i] / n;
                    }
                    return -ll / n;
                  },
                  theta0,
                  options.progress());
    }
    if (!opt.converged()) {
      warnings.add("the optimiser did not converge: " + opt.message());
    }
    double[] theta = opt.x();
    double[] natural = layout.natural(theta);
    double ll = likelihood.value(theta);

    Double[] se = new Double[natural.length];
    boolean[] free = new boolean[natural.length];
    if (k > 0) {
      ParameterCovariance.Result cov =
          ParameterCovariance.compute(likelihood, theta, options.covarianceType());
      if (cov.problem() != null) {
        warnings.add(cov.problem());
      }
      for (int i = 0; i < natural.length; i++) {
        int j = layout.freeIndex(i);
        free[i] = j >= 0;
        se[i] = j >= 0 ? cov.standardErrors()[j] : null;
      }
    }
    for (int i = 0; i < natural.length; i++) {
      if (free[i] && layout.isVariance(i) && natural[i] == 0.0) {
        warnings.add(layout.names().get(i) + " is estimated at its zero boundary");
      }
    }

    FilterResult filter = likelihood.filter(natural);
    int nobs = prepared.length();
    StateSpace system = likelihood.system(natural);
    int diffuseStates = system.d();
    int diffuseSteps = filter.diffuseSteps();
    double[] residuals = standardizedResiduals(filter);
    // statsmodels skips max(loglikelihood_burn, nobs_diffuse) periods in its residual tests
    int burn = likelihood.loglikelihoodBurn();
    int skipped = Math.max(diffuseSteps, burn);
    ResidualDiagnostics diagnostics = null;
    if (nobs - skipped >= 3) {
      try {
        diagnostics = ResidualDiagnostics.of(residuals, skipped);
      } catch (IllegalArgumentException tooFew) {
        warnings.add("residual diagnostics unavailable: " + tooFew.getMessage());
      }
    }
    InformationCriteria criteria = InformationCriteria.of(ll, k, diffuseStates, nobs, burn);
    return new FitResult(
        model.name(),
        layout.names(),
        natural,
        free,
        se,
        options.covarianceType(),
        ll,
        nobs,
        observed,
        diffuseStates,
        diffuseSteps,
        criteria,
        opt.converged(),
        opt.iterations(),
        opt.evaluations(),
        opt.gradientNorm(),
        opt.message(),
        diagnostics,
        residuals,
        filter,
        system,
        warnings);
  }

  /** The model's start values with the fixed parameters' values put in. */
  private static double[] start(StateSpaceModel model, ModelData data, FitOptions options) {
    double[] start = model.startParameters(data);
    List<String> names = model.parameterNames();
    for (int i = 0; i < names.size(); i++) {
      Double fixed = options.fixed().get(names.get(i));
      if (fixed != null) {
        start[i] = fixed;
      }
    }
    return start;
  }

  /**
   * z_t of the first observed entry of each step (NaN where missing or diffuse): the
   * standardized one-step residual e_t / √F_t for a univariate series.
   */
  static double[] standardizedResiduals(FilterResult filter) {
    double[] r = new double[filter.steps()];
    for (int t = 0; t < r.length; t++) {
      r[t] = filter.whitenedInnovation(t)[0];
    }
    return r;
  }
}
