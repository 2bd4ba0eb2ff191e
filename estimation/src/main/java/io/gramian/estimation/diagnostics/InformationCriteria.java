package io.gramian.estimation.diagnostics;

/**
 * AIC = −2ℓ + 2k, BIC = −2ℓ + k log n*, HQIC = −2ℓ + 2k log log n*: statsmodels 0.13.5's {@code
 * MLEResults.aic}, {@code bic} and {@code hqic} ({@code tools.eval_measures} with {@code
 * nobs_effective} and {@code df_model}).
 *
 * <p>The counts, as statsmodels sets them in {@code MLEResults.__init__}:
 *
 * <ul>
 *   <li>k = {@code df_model} = free (estimated, not fixed) parameters + diffuse states ({@code
 *       k_diffuse_states}, Durbin &amp; Koopman 2012 §7.4) + 1 when the scale is concentrated out
 *       of the likelihood (pass that 1 among the free parameters).
 *   <li>n* = {@code nobs_effective} = nobs − {@code loglikelihood_burn}: only periods burned
 *       explicitly (the approximate-diffuse convention) are removed. Exact-diffuse periods are
 *       <em>not</em> removed ({@code loglikelihood_burn} = 0 under {@code use_exact_diffuse=True}),
 *       since the exact-diffuse likelihood stays valid there. The residual tests, by contrast, skip
 *       the diffuse periods too (see {@link LjungBox}).
 * </ul>
 *
 * <p>Nile local level, exact diffuse, at the MLE: ℓ = −633.4645636362, k = 2 + 1, n* = 100: AIC =
 * 1272.9291, BIC = 1272.9291 + 3 log 100 = 1280.7446, HQIC = 1276.0922, which is what statsmodels
 * 0.13.5 prints (its {@code nobs_effective} is 100 there, not 99).
 *
 * @param aic −2ℓ + 2k
 * @param bic −2ℓ + k log n*
 * @param hqic −2ℓ + 2k log log n*
 * @param parameterCount k
 * @param nobsEffective n*
 */
public record InformationCriteria(
    double aic, double bic, double hqic, int parameterCount, int nobsEffective) {

  /**
   * The criteria by statsmodels' counting rule.
   *
   * @param logLikelihood ℓ (finite)
   * @param freeParameters estimated parameters (not those held fixed), plus 1 if the scale is
   *     concentrated out
   * @param diffuseStates states with an exactly (or approximately) diffuse initial distribution
   * @param nobs number of periods T (missing ones included, as statsmodels' {@code nobs})
   * @param loglikelihoodBurn periods explicitly left out of the likelihood (0 for the exact diffuse
   *     likelihood)
   */
  public static InformationCriteria of(
      double logLikelihood,
      int freeParameters,
      int diffuseStates,
      int nobs,
      int loglikelihoodBurn) {
    if (freeParameters < 0 || diffuseStates < 0) {
      throw new IllegalArgumentException(
          "parameter counts must be non-negative: free parameters "
              + freeParameters
              + ", diffuse states "
              + diffuseStates);
    }
    if (loglikelihoodBurn < 0 || loglikelihoodBurn > nobs) {
      throw new IllegalArgumentException(
          "log-likelihood burn " + loglikelihoodBurn + " is outside 0.." + nobs);
    }
    return of(logLikelihood, freeParameters + diffuseStates, nobs - loglikelihoodBurn);
  }

  /**
   * The criteria for a given k and n*.
   *
   * @throws IllegalArgumentException when ℓ is not finite, k &lt; 0 or n* &lt; 2 (log log n* needs
   *     n* &gt; 1)
   */
  public static InformationCriteria of(
      double logLikelihood, int parameterCount, int nobsEffective) {
    if (!Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException(
          "information criteria need a finite log-likelihood, got " + logLikelihood);
    }
    if (parameterCount < 0) {
      throw new IllegalArgumentException("parameter count " + parameterCount + " is negative");
    }
    if (nobsEffective < 2) {
      throw new IllegalArgumentException(
          "information criteria need at least 2 effective observations, got " + nobsEffective);
    }
    double deviance = -2 * logLikelihood;
    double logN = Math.log(nobsEffective);
    return new InformationCriteria(
        deviance + 2.0 * parameterCount,
        deviance + parameterCount * logN,
        deviance + 2.0 * parameterCount * Math.log(logN),
        parameterCount,
        nobsEffective);
  }
}
