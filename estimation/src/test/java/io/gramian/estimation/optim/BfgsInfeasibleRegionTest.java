package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A log-barrier objective that cannot be evaluated for x₀ ≤ 0, with its minimum just inside the
 * boundary:
 *
 * <pre>
 *   f(x) = (x₀ + 1)² − μ log x₀ + (x₁ − 2)²,   minimum at x₀* = (−1 + √(1 + 2μ)) / 2,  x₁* = 2
 * </pre>
 *
 * (∂f/∂x₀ = 2 (x₀ + 1) − μ / x₀ = 0 ⇔ 2x₀² + 2x₀ − μ = 0). With μ = 1e-3, x₀* ≈ 5e-4, and the first
 * steps from x₀ = 1 overshoot into x₀ &lt; 0.
 */
class BfgsInfeasibleRegionTest {

  private static final double MU = 1e-3;
  private static final double X0_STAR = (-1 + Math.sqrt(1 + 2 * MU)) / 2;
  private static final double X1_STAR = 2;

  /**
   * ‖∇f‖_∞ ≤ 1e-8 · max(1, |f|) ≈ 1e-8. Tighter is not reachable: f* ≈ 1.008 is resolved to ulp ≈
   * 2.2e-16, so the line search stops seeing decreases near ‖∇f‖ ≈ √(2 λ ulp) ≈ 1e-7 to 1e-6 (λ = 2
   * and 4000), where it stalls at the tolerance scale and says so.
   */
  private static final double TIGHT_GRADIENT_TOLERANCE = 1e-8;

  /** The value-change criterion is off, so that the gradient criterion decides. */
  private static final BfgsOptions TIGHT =
      BfgsOptions.defaults()
          .withGradientTolerance(TIGHT_GRADIENT_TOLERANCE)
          .withRelativeValueTolerance(0);

  /**
   * The Hessian is diag(2 + μ/x₀*², 2) ≈ diag(4000, 2), so |x_i − x_i*| ≈ |∂f/∂x_i| / λ_i ≤ 1e-6 /
   * 2 at the stall scale (100 × the tolerance); measured: 5e-9.
   */
  private static final double MINIMIZER_TOLERANCE = 5e-7;

  private static final int MAX_EVALUATIONS = 150;

  /** Counts the points where it refused to evaluate. */
  private static final class Barrier implements DifferentiableFunction {
    int infeasibleCalls;

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
      if (x[0] <= 0) {
        infeasibleCalls++;
        throw new ArithmeticException("log of a non-positive number: x0 = " + x[0]);
      }
      gradient[0] = 2 * (x[0] + 1) - MU / x[0];
      gradient[1] = 2 * (x[1] - X1_STAR);
      return (x[0] + 1) * (x[0] + 1) - MU * Math.log(x[0]) + (x[1] - X1_STAR) * (x[1] - X1_STAR);
    }
  }

  @Test
  void backtracksOutOfTheInfeasibleRegionToTheMinimumNearTheBoundary() {
    Barrier barrier = new Barrier();
    Bfgs bfgs = new Bfgs(TIGHT);

    OptimizationResult result = bfgs.minimize(barrier, new double[] {1, 0});

    assertTrue(result.converged(), result.message());
    assertTrue(barrier.infeasibleCalls > 0, "the test must exercise backtracking");
    assertEquals(X0_STAR, result.x()[0], MINIMIZER_TOLERANCE);
    assertEquals(X1_STAR, result.x()[1], MINIMIZER_TOLERANCE);
    assertTrue(result.evaluations() <= MAX_EVALUATIONS, result.toString());
  }

  @Test
  void anInfeasibleStartIsAnError() {
    ArithmeticException error =
        assertThrows(
            ArithmeticException.class,
            () -> new Bfgs().minimize(new Barrier(), new double[] {-1, 0}));
    assertTrue(error.getMessage().contains("x0 = -1"), error.getMessage());
  }

  @Test
  void aNonFiniteStartIsAnError() {
    DifferentiableFunction nanAtStart = (x, gradient) -> Double.NaN;
    ArithmeticException error =
        assertThrows(
            ArithmeticException.class, () -> new Bfgs().minimize(nanAtStart, new double[] {0}));
    assertTrue(error.getMessage().contains("starting point"), error.getMessage());
  }

  @Test
  void nonFiniteTrialPointsAreTreatedAsInfeasible() {
    // f(x) = (x − 0.9)² for x < 1, +∞ beyond: the first unit-length step from 0.05 lands on +∞.
    int[] infiniteCalls = {0};
    DifferentiableFunction wall =
        (x, gradient) -> {
          gradient[0] = 2 * (x[0] - 0.9);
          if (x[0] >= 1) {
            infiniteCalls[0]++;
            return Double.POSITIVE_INFINITY;
          }
          return (x[0] - 0.9) * (x[0] - 0.9);
        };
    OptimizationResult result = new Bfgs(TIGHT).minimize(wall, new double[] {0.05});

    assertTrue(result.converged(), result.message());
    assertTrue(infiniteCalls[0] > 0, "the test must exercise backtracking");
    assertEquals(0.9, result.x()[0], MINIMIZER_TOLERANCE);
  }
}
