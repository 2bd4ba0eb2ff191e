/**
 * Maps between the unconstrained vector θ that the optimiser moves and the natural-scale parameters
 * that models use (docs/models.md), each with its pull-back θ̄ = Jᵀ naturalBar for the chain rule
 * from ∂ℓ/∂(natural) to ∂ℓ/∂θ.
 *
 * <ul>
 *   <li>{@link io.gramian.estimation.transform.Identity}: real-valued parameters (regression
 *       coefficients, a mean).
 *   <li>{@link io.gramian.estimation.transform.Square}: variances, σ² = θ².
 *   <li>{@link io.gramian.estimation.transform.Stationary}: the coefficients of a stationary AR or
 *       invertible MA polynomial, through partial autocorrelations and the Durbin–Levinson
 *       recursion.
 *   <li>{@link io.gramian.estimation.transform.Composite}: transforms side by side over consecutive
 *       slices of the vector of free parameters.
 * </ul>
 *
 * <p>The transforms carry the parameter names (statsmodels' spelling, e.g. {@code sigma2.level},
 * {@code ar.L1}) only to name them in error messages. Fixing a parameter at a value is the model
 * layer's business: a transform sees the free parameters only.
 */
package io.gramian.estimation.transform;
