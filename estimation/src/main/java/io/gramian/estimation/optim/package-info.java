/**
 * Unconstrained minimisation of a smooth function with an exact gradient: the learner behind
 * maximum-likelihood fitting, which minimises f(θ) = −ℓ(θ) over the unconstrained parameters θ (see
 * {@code io.gramian.estimation.transform} for the maps to natural-scale parameters).
 *
 * <ul>
 *   <li>{@link io.gramian.estimation.optim.DifferentiableFunction}: f(x) and ∇f(x) in one call; an
 *       {@link java.lang.ArithmeticException} marks an infeasible point.
 *   <li>{@link io.gramian.estimation.optim.Bfgs}: the BFGS quasi-Newton method with a strong-Wolfe
 *       line search (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., §6.1, Algorithms
 *       3.5–3.6), configured by {@link io.gramian.estimation.optim.BfgsOptions}.
 *   <li>{@link io.gramian.estimation.optim.OptimizationResult}: where it stopped and why; {@code
 *       converged} is true only when a convergence criterion was met.
 *   <li>{@link io.gramian.estimation.optim.ProgressListener}: one call per iteration, for a
 *       progress display.
 * </ul>
 */
package io.gramian.estimation.optim;
