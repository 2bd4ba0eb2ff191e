package io.gramian.estimation.fit;

import io.gramian.estimation.diagnostics.InformationCriteria;
import io.gramian.estimation.diagnostics.ResidualDiagnostics;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.ModelSizeRule;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.estimation.optim.Bfgs;
import io.gramian.estimation.optim.OptimizationResult;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Maximum-likelihood estimation: BFGS on the unconstrained θ of the free parameters, minimising
 * {@code −ℓ(θ)/n} with the exact analytic gradient (filter reverse sweep + model tape), then
 * standard errors, information criteria and residual diagnostics at the estimate.
 *
 * <p>The optimiser works in scale-free coordinates ({@link ScaledProblem}): variances in units of
 * the data's robust scale, real coefficients in units set by their curvature at the start, and −ℓ/n
 * shifted to the log-likelihood of the data in those units. Its estimates and its convergence
 * verdict therefore do not depend on the units of the data or of the regressors. ℓ, the standard
 * errors and the information criteria are computed on the data as given, at the estimates mapped
 * back to the natural scale.
 *
 * <p>Dividing by the number of observations n (as statsmodels does) makes the gradient tolerance
 * independent of the series' length. Variances that go to their zero boundary are a normal outcome:
 * σ² = θ² reaches zero at θ = 0, where the estimate is reported with an undefined (NaN) standard
 * error.
 *
 * <p>Thread-safe: {@link #fit} keeps no state between calls and shares none; each call builds its
 * own likelihood, filter workspaces and optimiser, so calls on different threads run independently
 * and give, bit for bit, what the same calls give one after another. The model and data are only
 * read (the library's models are immutable values); the options' progress listener is called on the
 * calling thread. To fit many series at once, see {@link io.gramian.estimation.batch.BatchFit}.
 */
public final class MaximumLikelihood {

  private MaximumLikelihood() {}

  /**
   * Fits {@code model} to {@code data}.
   *
   * @throws ModelSizeException before anything is built, when the model is larger than the data can
   *     estimate or than Java's heap can hold ({@link ModelSizeRule})
   */
  public static FitResult fit(StateSpaceModel model, ModelData data, FitOptions options) {
    ModelSizeRule.requireFit(model, data, options.fixed().size());
    LogLikelihood likelihood = new LogLikelihood(model, data, options.fixed(), options.rule());
    ParameterLayout layout = likelihood.layout();
    ModelData prepared = likelihood.data();
    int observed = prepared.observedCount();
    if (observed == 0) {
      throw new IllegalArgumentException("the series has no observed values");
    }
    int k = layout.freeCount();
    if (observed <= k) {
      throw new IllegalArgumentException(
          "too few observations: "
              + observed
              + " observed values for "
              + k
              + " free parameters of model "
              + model.name());
    }
    double[] startNatural =
        options.start() != null
            ? checkedStart(model, options.start())
            : start(model, prepared, options);
    double[] theta0 = layout.unconstrained(startNatural);
    double n = observed;
    OptimizationResult opt;
    List<String> warnings = new ArrayList<>();
    double[] theta;
    double[] units;
    OptionalDouble optimumLogLikelihood = OptionalDouble.empty();
    if (k == 0) {
      opt =
          new OptimizationResult(
              theta0,
              -likelihood.value(theta0) / n,
              new double[0],
              0,
              1,
              0,
              true,
              "no free parameters");
      theta = theta0;
      units = new double[0];
    } else {
      ScaledProblem own = ScaledProblem.at(likelihood, theta0);
      // a cheaper model with the same ℓ up to a constant, evaluated by the optimiser only
      ScaledProblem problem =
          model
              .likelihoodEquivalent(data)
              .map(
                  e ->
                      own.evaluatingEquivalent(
                          new LogLikelihood(e.model(), data, options.fixed(), options.rule()),
                          e.offset()))
              .orElse(own);
      opt =
          new Bfgs(options.optimizer())
              .minimize(
                  problem,
                  problem.scaled(theta0),
                  (iteration, value, gradientNorm) ->
                      options
                          .progress()
                          .onIteration(iteration, problem.logLikelihood(value), gradientNorm));
      theta = problem.theta(opt.x());
      units = problem.units();
      optimumLogLikelihood = problem.evaluatedLogLikelihood(opt.x());
    }
    double[] natural = layout.natural(theta);
    String constant = ConstantSeries.warning(data, layout, natural, opt.converged());
    if (constant != null) {
      warnings.add(constant);
    } else if (!opt.converged()) {
      warnings.add("the optimiser did not converge: " + opt.message());
    }
    // the optimiser evaluated ℓ at its answer: no second filter pass for it
    double ll = optimumLogLikelihood.orElseGet(() -> likelihood.value(theta));

    double[] se = new double[natural.length];
    java.util.Arrays.fill(se, Double.NaN); // undefined until computed: see ParameterEstimate
    boolean[] free = new boolean[natural.length];
    double[][] covariance = new double[natural.length][natural.length];
    for (double[] row : covariance) {
      java.util.Arrays.fill(row, Double.NaN); // undefined unless both have a standard error
    }
    if (k > 0) {
      ParameterCovariance.Result cov =
          ParameterCovariance.compute(likelihood, theta, units, options.covarianceType());
      if (cov.problem() != null) {
        warnings.add(cov.problem());
      }
      for (int i = 0; i < natural.length; i++) {
        int j = layout.freeIndex(i);
        free[i] = j >= 0;
        Double computed = j >= 0 ? cov.standardErrors()[j] : null;
        se[i] = computed == null ? Double.NaN : computed;
      }
      for (int i = 0; i < natural.length; i++) {
        for (int j = 0; j < natural.length; j++) {
          if (!Double.isNaN(se[i]) && !Double.isNaN(se[j])) {
            covariance[i][j] = cov.covariance().get(layout.freeIndex(i), layout.freeIndex(j));
          }
        }
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
    int diffuseStates = system.diffuseRank();
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
        data.series(),
        model.stateNames(filter.nx()),
        warnings,
        covariance);
  }

  /**
   * The start values a caller gave ({@link FitOptions#withStart}), checked against the model.
   *
   * @throws IllegalArgumentException naming the argument, the count expected and the parameter when
   *     there are too few or too many values or one is not finite
   */
  private static double[] checkedStart(StateSpaceModel model, double[] start) {
    List<String> names = model.parameterNames();
    if (start.length != names.size()) {
      throw new IllegalArgumentException(
          "FitOptions.withStart: "
              + start.length
              + " value"
              + (start.length == 1 ? "" : "s")
              + " given, but model "
              + model.name()
              + " has "
              + names.size()
              + " parameter"
              + (names.size() == 1 ? "" : "s")
              + " ("
              + String.join(", ", names)
              + "); give one start value for each, fixed ones included");
    }
    for (int i = 0; i < start.length; i++) {
      if (!Double.isFinite(start[i])) {
        throw new IllegalArgumentException(
            "FitOptions.withStart: the start value of "
                + names.get(i)
                + " is "
                + start[i]
                + "; start values must be finite");
      }
    }
    return start;
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
   * z_t of the first observed entry of each step (NaN where missing or diffuse): the standardized
   * one-step residual e_t / √F_t for a univariate series.
   */
  static double[] standardizedResiduals(FilterResult filter) {
    double[] r = new double[filter.steps()];
    for (int t = 0; t < r.length; t++) {
      r[t] = filter.whitenedInnovation(t)[0];
    }
    return r;
  }
}
