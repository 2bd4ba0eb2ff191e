package io.gramian.estimation.optim;

import java.util.Arrays;

/**
 * Where a minimisation stopped and why, an immutable value (arrays are copied in and out).
 *
 * @param x the final point (the lowest f found), length n
 * @param value f(x)
 * @param gradient ∇f(x), length n
 * @param iterations accepted steps
 * @param evaluations calls of the function, the start and infeasible trial points included
 * @param gradientNorm ‖∇f(x)‖_∞
 * @param converged true only when a convergence criterion of {@link BfgsOptions} was met (or the
 *     line search stalled with the gradient at the tolerance scale, which {@code message} says);
 *     false after an iteration or evaluation limit or a line-search failure
 * @param message which criterion ended the search, in words
 */
public record OptimizationResult(
    double[] x,
    double value,
    double[] gradient,
    int iterations,
    int evaluations,
    double gradientNorm,
    boolean converged,
    String message) {

  public OptimizationResult {
    x = x.clone();
    gradient = gradient.clone();
  }

  /** A copy of the final point. */
  @Override
  public double[] x() {
    return x.clone();
  }

  /** A copy of the gradient at the final point. */
  @Override
  public double[] gradient() {
    return gradient.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OptimizationResult that
        && Arrays.equals(x, that.x)
        && Double.compare(value, that.value) == 0
        && Arrays.equals(gradient, that.gradient)
        && iterations == that.iterations
        && evaluations == that.evaluations
        && Double.compare(gradientNorm, that.gradientNorm) == 0
        && converged == that.converged
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + message.hashCode();
  }

  @Override
  public String toString() {
    return "OptimizationResult[x="
        + Arrays.toString(x)
        + ", value="
        + value
        + ", gradientNorm="
        + gradientNorm
        + ", iterations="
        + iterations
        + ", evaluations="
        + evaluations
        + ", converged="
        + converged
        + ", message="
        + message
        + "]";
  }
}
