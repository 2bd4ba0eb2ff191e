package io.gramian.estimation.transform;

/**
 * A smooth map natural = g(θ) from unconstrained θ ∈ ℝᵏ onto the feasible natural-scale parameters
 * (k = {@link #size()}), with its inverse and its pull-back.
 *
 * <pre>
 *   toNatural        θ ↦ g(θ)
 *   toUnconstrained  natural ↦ θ with g(θ) = natural          (one preimage, for start values)
 *   pullBack         (θ, natural̄) ↦ θ̄ = J(θ)ᵀ natural̄,   J_ij = ∂g_i/∂θ_j
 * </pre>
 *
 * With natural̄ = ∂ℓ/∂natural, the pull-back is ∂ℓ/∂θ. All methods return new arrays and leave
 * their arguments unmodified.
 */
public interface ParameterTransform {

  /** k, the length of θ and of the natural parameters. */
  int size();

  /**
   * g(θ).
   *
   * @param theta θ, length k
   * @throws IllegalArgumentException when the length is not k
   */
  double[] toNatural(double[] theta);

  /**
   * A θ with g(θ) = natural.
   *
   * @param natural natural-scale values, length k
   * @throws IllegalArgumentException naming the parameter when a value is infeasible (a negative
   *     variance, a non-stationary AR polynomial, NaN) or the length is not k
   */
  double[] toUnconstrained(double[] natural);

  /**
   * θ̄ = J(θ)ᵀ natural̄.
   *
   * @param theta θ, length k
   * @param naturalBar natural̄, length k
   * @throws IllegalArgumentException when a length is not k
   */
  double[] pullBack(double[] theta, double[] naturalBar);

  /**
   * Checks that the log-likelihood exists at these natural values, which may lie outside the
   * transform's image: an MA polynomial need not be invertible for its Gaussian likelihood to exist
   * (invertibility only chooses one of the parameter values that give the same likelihood), while a
   * non-stationary AR polynomial has no stationary initial covariance. By default the domain is the
   * image ({@link #toUnconstrained} succeeds).
   *
   * @throws IllegalArgumentException naming the parameter when the likelihood does not exist there
   */
  default void requireLikelihoodExists(double[] natural) {
    toUnconstrained(natural);
  }
}
