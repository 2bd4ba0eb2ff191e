package io.gramian.estimation.optim;

import java.util.Locale;
import java.util.Objects;

/**
 * Minimises a smooth f : ℝⁿ → ℝ by the BFGS quasi-Newton method (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., Algorithm 6.1):
 *
 * <pre>
 *   p_k = −H_k ∇f(x_k),   x_{k+1} = x_k + α_k p_k,   H_{k+1} = BFGS(H_k, s_k, y_k)
 * </pre>
 *
 * with α_k from a strong-Wolfe line search (c₁ = 1e-4, c₂ = 0.9; Algorithms 3.5–3.6) and H_k the
 * inverse-Hessian approximation: H₀ = I, rescaled to (sᵀy / yᵀy) I before the first update, the
 * update skipped when sᵀy ≤ 1e-8 ‖s‖ ‖y‖ (see {@link InverseHessian}).
 *
 * <p>The first step from H = I tries α = min(1, 1/‖∇f‖₂), a unit-length move; later ones try the
 * quasi-Newton step α = 1. A trial point where f throws {@link ArithmeticException} (or is not
 * finite) is treated as too far, and the step is shortened.
 *
 * <p>Stopping ({@link BfgsOptions}): converged when the relative gradient g_rel = max_i |∂f/∂x_i| ·
 * max(|x_i|, 1) ≤ gtol · max(1, |f|), or when the relative change of f stays below its tolerance on
 * two consecutive iterations while g_rel is within {@link #STALL_GRADIENT_FACTOR} of its criterion.
 * Not converged when the iteration or evaluation limit is reached first, or when the line search
 * fails. A failed line search is first retried from the same point with H reset to I (steepest
 * descent); when that fails too, the search stops. It then reports converged only if the gradient
 * is already at the tolerance scale, g_rel ≤ 100 · gtol · max(1, |f|) (round-off in f then hides
 * any further decrease), and says so in the message.
 *
 * <p>Allocates a few length-n arrays per iteration and the n × n matrix H once per call; an
 * instance holds only its options and may be shared between threads.
 */
public final class Bfgs {

  /**
   * A stalled line search still counts as converged when g_rel is within this factor of the
   * gradient tolerance: the remaining decrease, about ‖∇f‖² / (2λ), is then below f's round-off.
   */
  static final double STALL_GRADIENT_FACTOR = 100;

  /** Relative changes of f at most the tolerance on this many consecutive iterations converge. */
  static final int SMALL_CHANGES_TO_CONVERGE = 2;

  private final BfgsOptions options;

  /** BFGS with {@link BfgsOptions#defaults()}. */
  public Bfgs() {
    this(BfgsOptions.defaults());
  }

  public Bfgs(BfgsOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public BfgsOptions options() {
    return options;
  }

  /**
   * Minimises f from {@code start}, silently.
   *
   * @see #minimize(DifferentiableFunction, double[], ProgressListener)
   */
  public OptimizationResult minimize(DifferentiableFunction f, double[] start) {
    return minimize(f, start, ProgressListener.silent());
  }

  /**
   * Minimises f from {@code start}.
   *
   * @param f the objective with its gradient
   * @param start x₀, length n ≥ 1. Not modified.
   * @param listener called at x₀ and after each accepted step
   * @return the lowest point found and why the search stopped
   * @throws ArithmeticException when f cannot be evaluated at x₀ (thrown, or not finite)
   * @throws IllegalArgumentException when start is empty
   */
  public OptimizationResult minimize(
      DifferentiableFunction f, double[] start, ProgressListener listener) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(listener, "listener");
    if (start.length == 0) {
      throw new IllegalArgumentException("the starting point is empty: nothing to minimise");
    }
    CountedObjective objective = new CountedObjective(f, options.maxEvaluations());
    StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(objective);
    InverseHessian inverseHessian = new InverseHessian(start.length);

    EvaluatedPoint current = objective.evaluateStart(start);
    listener.onIteration(0, current.value(), Vectors.normInf(current.gradient()));
    if (gradientConverged(current)) {
      return stop(
          current,
          0,
          objective,
          true,
          "gradient criterion met at the starting point: " + gradientSummary(current));
    }

    int iterations = 0;
    int smallChanges = 0;
    while (true) {
      if (iterations >= options.maxIterations()) {
        return stop(
            current,
            iterations,
            objective,
            false,
            String.format(
                Locale.ROOT,
                "stopped at the iteration limit (%d) before convergence: %s",
                options.maxIterations(),
                gradientSummary(current)));
      }
      double[] direction = inverseHessian.searchDirection(current.gradient());
      if (!(Vectors.dot(direction, current.gradient()) < 0)) {
        inverseHessian.reset(); // H lost positive definiteness to round-off
        direction = inverseHessian.searchDirection(current.gradient());
      }
      double initialStep =
          inverseHessian.isUnscaledIdentity()
              ? Math.min(1, 1 / Vectors.norm2(current.gradient()))
              : 1;
      LineSearchOutcome outcome = lineSearch.search(current, direction, initialStep);
      EvaluatedPoint next = outcome.best();
      if (outcome.status() == LineSearchOutcome.Status.FAILED
          && inverseHessian.isUnscaledIdentity()
          && withinStallTolerance(current)) {
        // Even steepest descent finds no Wolfe point, and the gradient is already at the
        // tolerance scale: a lower trial is a decrease within f's round-off, often at a larger
        // gradient (a 6000-step tracking fit moved from g_rel 4e-8 to 2e-6 this way, then
        // stalled there). Stop here rather than step to it.
        return lineSearchFailure(current, iterations, objective, outcome.reason());
      }

      if (next == null) {
        if (outcome.status() == LineSearchOutcome.Status.EVALUATIONS_EXHAUSTED) {
          return evaluationLimit(current, iterations, objective);
        }
        if (!inverseHessian.isUnscaledIdentity()) {
          inverseHessian.reset(); // retry along steepest descent
          continue;
        }
        return lineSearchFailure(current, iterations, objective, outcome.reason());
      }

      if (outcome.status() == LineSearchOutcome.Status.WOLFE_POINT) {
        inverseHessian.update(
            Vectors.subtract(next.x(), current.x()),
            Vectors.subtract(next.gradient(), current.gradient()));
      } else {
        inverseHessian.reset(); // a decrease without a Wolfe point: keep it, distrust H
      }
      double previousValue = current.value();
      current = next;
      iterations++;
      listener.onIteration(iterations, current.value(), Vectors.normInf(current.gradient()));

      if (gradientConverged(current)) {
        return stop(
            current,
            iterations,
            objective,
            true,
            "gradient criterion met: " + gradientSummary(current));
      }
      double change = Math.abs(previousValue - current.value());
      // A small change of f counts only near the gradient criterion: far from it, a badly
      // scaled parameter can crawl while f barely moves (an ARMA mean of order 1e3 beside
      // coefficients of order 1 stopped 0.45 short of its maximum this way).
      boolean nearStationary = withinStallTolerance(current);
      boolean smallChange =
          nearStationary && change <= options.relativeValueTolerance() * scale(current);
      smallChanges = smallChange ? smallChanges + 1 : 0;
      if (smallChanges >= SMALL_CHANGES_TO_CONVERGE) {
        return stop(
            current,
            iterations,
            objective,
            true,
            String.format(
                Locale.ROOT,
                "relative change of f at most %.3g on %d consecutive iterations; %s",
                options.relativeValueTolerance(),
                SMALL_CHANGES_TO_CONVERGE,
                gradientSummary(current)));
      }
      if (outcome.status() == LineSearchOutcome.Status.EVALUATIONS_EXHAUSTED) {
        return evaluationLimit(current, iterations, objective);
      }
    }
  }

  /** g_rel ≤ {@link #STALL_GRADIENT_FACTOR} · gtol · max(1, |f|). */
  private boolean withinStallTolerance(EvaluatedPoint point) {
    return relativeGradient(point)
        <= STALL_GRADIENT_FACTOR * options.gradientTolerance() * scale(point);
  }

  private boolean gradientConverged(EvaluatedPoint point) {
    return relativeGradient(point) <= options.gradientTolerance() * scale(point);
  }

  /**
   * max_i |∂f/∂x_i| · max(|x_i|, 1): the change of f for a relative change of x_i where |x_i| ≥ 1
   * (so it does not depend on the units of a large x_i), the plain gradient where |x_i| ≤ 1.
   */
  static double relativeGradient(EvaluatedPoint point) {
    double[] x = point.x();
    double[] g = point.gradient();
    double max = 0;
    for (int i = 0; i < g.length; i++) {
      max = Math.max(max, Math.abs(g[i]) * Math.max(Math.abs(x[i]), 1));
    }
    return max;
  }

  /** max(1, |f|), the scale of both tests. */
  private static double scale(EvaluatedPoint point) {
    return Math.max(1, Math.abs(point.value()));
  }

  private String gradientSummary(EvaluatedPoint point) {
    return String.format(
        Locale.ROOT,
        "relative gradient %.3g (tolerance %.3g = %.3g · max(1, |f|)), gradient norm %.3g",
        relativeGradient(point),
        options.gradientTolerance() * scale(point),
        options.gradientTolerance(),
        Vectors.normInf(point.gradient()));
  }

  private OptimizationResult evaluationLimit(
      EvaluatedPoint current, int iterations, CountedObjective objective) {
    return stop(
        current,
        iterations,
        objective,
        false,
        String.format(
            Locale.ROOT,
            "stopped at the evaluation limit (%d) before convergence: %s",
            options.maxEvaluations(),
            gradientSummary(current)));
  }

  private OptimizationResult lineSearchFailure(
      EvaluatedPoint current, int iterations, CountedObjective objective, String reason) {
    double gradientNorm = relativeGradient(current);
    double stallTolerance = STALL_GRADIENT_FACTOR * options.gradientTolerance() * scale(current);
    if (withinStallTolerance(current)) {
      return stop(
          current,
          iterations,
          objective,
          true,
          String.format(
              Locale.ROOT,
              "line search could not improve further (%s); relative gradient %.3g is at the tolerance "
                  + "scale (≤ %.0f × %.3g · max(1, |f|) = %.3g)",
              reason,
              gradientNorm,
              STALL_GRADIENT_FACTOR,
              options.gradientTolerance(),
              stallTolerance));
    }
    return stop(
        current,
        iterations,
        objective,
        false,
        String.format(
            Locale.ROOT,
            "line search failed (%s) with relative gradient %.3g, above %.0f × the tolerance = %.3g; "
                + "check the gradient against finite differences, or the scaling of the parameters",
            reason,
            gradientNorm,
            STALL_GRADIENT_FACTOR,
            stallTolerance));
  }

  private static OptimizationResult stop(
      EvaluatedPoint point,
      int iterations,
      CountedObjective objective,
      boolean converged,
      String message) {
    return new OptimizationResult(
        point.x(),
        point.value(),
        point.gradient(),
        iterations,
        objective.evaluations(),
        Vectors.normInf(point.gradient()),
        converged,
        message);
  }
}
