package io.gramian.estimation.fit;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.optim.BfgsOptions;
import io.gramian.estimation.optim.ProgressListener;
import java.util.Map;

/**
 * Options of a maximum-likelihood fit.
 *
 * @param fixed natural values of parameters held fixed (empty for none)
 * @param start natural start values of all parameters, or {@code null} for the model's own
 * @param covarianceType how standard errors are computed (statsmodels' default is OPG)
 * @param rule the tria differentiation rule
 * @param optimizer BFGS options
 * @param progress called once per BFGS iteration with the iteration, the log-likelihood ℓ at the
 *     current point and the optimiser's gradient norm
 */
public record FitOptions(
    Map<String, Double> fixed,
    double[] start,
    CovarianceType covarianceType,
    TriaRule rule,
    BfgsOptions optimizer,
    ProgressListener progress) {

  /**
   * Gradient tolerance of the fit, in its scale-free coordinates θ̃ (see {@link
   * MaximumLikelihood}): max_j |∂f̃/∂θ̃_j| · max(|θ̃_j|, 1) ≤ 1e-8 · max(1, |f̃|), f̃ = −ℓ(y/s)/n.
   * Tight enough that the estimates settle to about 1e-6 relative on the reference cases (they are
   * asked to 1e-4) while BFGS still converges in tens of iterations.
   */
  public static final double GRADIENT_TOLERANCE = 1e-8;

  public FitOptions {
    fixed = Map.copyOf(fixed);
    start = start == null ? null : start.clone();
  }

  /** Defaults: nothing fixed, the model's start values, OPG, the masked rule, silent. */
  public static FitOptions defaults() {
    return new FitOptions(
        Map.of(),
        null,
        CovarianceType.OPG,
        TriaRule.defaultRule(),
        BfgsOptions.defaults().withGradientTolerance(GRADIENT_TOLERANCE),
        ProgressListener.silent());
  }

  public FitOptions withFixed(Map<String, Double> value) {
    return new FitOptions(value, start, covarianceType, rule, optimizer, progress);
  }

  /**
   * Natural start values of all the model's parameters, in {@code parameterNames()} order (fixed
   * ones included). The fit refuses, with an {@link IllegalArgumentException} naming this argument
   * and the count expected, too few or too many values or one that is not finite.
   */
  public FitOptions withStart(double[] value) {
    return new FitOptions(fixed, value, covarianceType, rule, optimizer, progress);
  }

  public FitOptions withCovarianceType(CovarianceType value) {
    return new FitOptions(fixed, start, value, rule, optimizer, progress);
  }

  public FitOptions withProgress(ProgressListener value) {
    return new FitOptions(fixed, start, covarianceType, rule, optimizer, value);
  }

  public FitOptions withOptimizer(BfgsOptions value) {
    return new FitOptions(fixed, start, covarianceType, rule, value, progress);
  }
}
