package io.gramian.estimation.optim;

/**
 * A smooth objective f : ℝⁿ → ℝ with its exact gradient, evaluated together (a reverse-mode sweep
 * gives both for the price of about one).
 */
@FunctionalInterface
public interface DifferentiableFunction {

  /**
   * Computes f(x) and writes ∇f(x) into {@code gradientOut}.
   *
   * @param x the point, length n. Not modified.
   * @param gradientOut receives ∂f/∂x_i, length n. Modified (overwritten, not accumulated).
   * @return f(x)
   * @throws ArithmeticException when f cannot be evaluated at x (an infeasible point, such as a
   *     singular innovation covariance). {@link Bfgs} treats such a point as a step too far and
   *     shortens the step; it propagates the exception only from the starting point.
   */
  double valueAndGradient(double[] x, double[] gradientOut);
}
