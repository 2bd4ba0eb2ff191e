package io.gramian.estimation.optim;

/**
 * When {@link Bfgs} stops. With the scale s = max(1, |f|) at the current point:
 *
 * <pre>
 *   gradient criterion        max_i |∂f/∂x_i| · max(|x_i|, 1) ≤ gradientTolerance · s
 *   value-change criterion    |f_{k−1} − f_k| ≤ relativeValueTolerance · s
 *                             on 2 consecutive iterations
 * </pre>
 *
 * Either criterion met means converged; running into {@code maxIterations} (accepted steps) or
 * {@code maxEvaluations} (calls of the function, feasible or not, the start included) means not.
 *
 * <p>Why these defaults. For f = −ℓ both f and ∇f are sums over the observations, so scaling the
 * gradient test by |f| makes it roughly independent of the series length, much like statsmodels,
 * which minimises the average −ℓ/n with scipy's {@code gtol = 1e-5}. Our default is a decade
 * tighter, 1e-6, because our gradient is exact rather than finite-differenced, and BFGS converges
 * superlinearly near the optimum, so the extra decade costs an iteration or two. The floor 1 in s
 * keeps the test meaningful when f happens to be near 0. Weighting each partial derivative by
 * max(|x_i|, 1) (Dennis &amp; Schnabel's relative gradient) makes the test independent of the units
 * of a coordinate whose value is large: x_i = σ of 10⁸ and of 1 are judged alike. The value-change
 * default 1e-10 (about 5·10⁵ ulp) catches a stall on a flat ridge; it must hold twice in a row so
 * that one short step does not end the search.
 *
 * @param maxIterations the most accepted steps (≥ 1); default 500
 * @param maxEvaluations the most function evaluations (≥ 1); default 5000
 * @param gradientTolerance the gradient criterion's tolerance (≥ 0); default 1e-6
 * @param relativeValueTolerance the value-change criterion's tolerance (≥ 0; 0 turns it off except
 *     for an exact stall); default 1e-10
 */
public record BfgsOptions(
    int maxIterations,
    int maxEvaluations,
    double gradientTolerance,
    double relativeValueTolerance) {

  public static final int DEFAULT_MAX_ITERATIONS = 500;
  public static final int DEFAULT_MAX_EVALUATIONS = 5000;
  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;
  public static final double DEFAULT_RELATIVE_VALUE_TOLERANCE = 1e-10;

  /**
   * @throws IllegalArgumentException when a limit is below 1 or a tolerance negative or NaN
   */
  public BfgsOptions {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException(
          "maxEvaluations must be at least 1, got " + maxEvaluations);
    }
    if (!(gradientTolerance >= 0)) {
      throw new IllegalArgumentException("gradientTolerance must be ≥ 0, got " + gradientTolerance);
    }
    if (!(relativeValueTolerance >= 0)) {
      throw new IllegalArgumentException(
          "relativeValueTolerance must be ≥ 0, got " + relativeValueTolerance);
    }
  }

  /** The defaults listed above. */
  public static BfgsOptions defaults() {
    return new BfgsOptions(
        DEFAULT_MAX_ITERATIONS,
        DEFAULT_MAX_EVALUATIONS,
        DEFAULT_GRADIENT_TOLERANCE,
        DEFAULT_RELATIVE_VALUE_TOLERANCE);
  }

  public BfgsOptions withMaxIterations(int value) {
    return new BfgsOptions(value, maxEvaluations, gradientTolerance, relativeValueTolerance);
  }

  public BfgsOptions withMaxEvaluations(int value) {
    return new BfgsOptions(maxIterations, value, gradientTolerance, relativeValueTolerance);
  }

  public BfgsOptions withGradientTolerance(double value) {
    return new BfgsOptions(maxIterations, maxEvaluations, value, relativeValueTolerance);
  }

  public BfgsOptions withRelativeValueTolerance(double value) {
    return new BfgsOptions(maxIterations, maxEvaluations, gradientTolerance, value);
  }
}
