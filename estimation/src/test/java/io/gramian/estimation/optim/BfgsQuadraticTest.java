package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.optim.TestFunctions.Quadratic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * f(x) = ½ (x − x*)ᵀ A (x − x*) in 10 dimensions with the eigenvalues of A log-spaced from 1 to
 * 1e6, in the coordinate axes and in a random basis.
 */
class BfgsQuadraticTest {

  private static final int N = 10;
  private static final double CONDITION = 1e6;
  private static final long SEED = 20240611L;

  /**
   * ‖∇f‖_∞ ≤ 1e-9 (f* = 0, so the scale is 1). The gradient A (x − x*) carries round-off of about
   * ulp · ‖A‖ ‖x − x*‖ ≲ 1e-10, so this is reachable; f near 0 has full relative precision, so the
   * line search can still see every decrease.
   */
  private static final double TIGHT_GRADIENT_TOLERANCE = 1e-9;

  private static final BfgsOptions TIGHT =
      BfgsOptions.defaults()
          .withGradientTolerance(TIGHT_GRADIENT_TOLERANCE)
          .withRelativeValueTolerance(0);

  /** ‖x − x*‖₂ ≤ ‖∇f‖₂ / λ_min ≤ √10 · 1e-9 ≈ 3.2e-9 with λ_min = 1; with room for round-off. */
  private static final double MINIMIZER_TOLERANCE = 1e-8;

  /** f − f* ≤ ½ ‖∇f‖₂² / λ_min ≤ 5e-18. */
  private static final double MINIMUM_TOLERANCE = 1e-17;

  /**
   * BFGS with exact line searches ends in n = 10 steps on a quadratic. With Wolfe steps and the
   * first-step scaling H₀ = (sᵀy / yᵀy) I, which the large eigenvalues set near 1e-6, the small
   * eigenvalues of H are corrected one direction at a time: about 100 iterations and 100
   * evaluations were measured (scipy's BFGS, which leaves H₀ = I, takes 15 here, but 46 when the
   * eigenvalues are scaled by 1e-3; the scaled H₀ makes the count independent of that scale).
   */
  private static final int MAX_ITERATIONS = 130;

  private static final int MAX_EVALUATIONS = 130;

  /** Relative slack on the exact bound ‖x − x*‖₂ ≤ ‖∇f‖₂ / λ_min for round-off in ∇f. */
  private static final double BOUND_SLACK = 1e-6;

  @ParameterizedTest(name = "rotated = {0}")
  @ValueSource(booleans = {false, true})
  void badlyScaledQuadraticReachesItsClosedFormMinimum(boolean rotated) {
    Quadratic quadratic = Quadratic.illConditioned(N, CONDITION, rotated, 0.0, SEED);

    OptimizationResult result = new Bfgs(TIGHT).minimize(quadratic, new double[N]);

    assertTrue(result.converged(), result.message());
    assertTrue(
        TestFunctions.distance(result.x(), quadratic.minimizer()) <= MINIMIZER_TOLERANCE,
        result.toString());
    assertEquals(quadratic.minimum(), result.value(), MINIMUM_TOLERANCE);
    assertTrue(result.iterations() <= MAX_ITERATIONS, result.toString());
    assertTrue(result.evaluations() <= MAX_EVALUATIONS, result.toString());
  }

  @ParameterizedTest(name = "rotated = {0}")
  @ValueSource(booleans = {false, true})
  void withDefaultOptionsTheGradientBoundsTheError(boolean rotated) {
    Quadratic quadratic = Quadratic.illConditioned(N, CONDITION, rotated, 3.0, SEED);

    OptimizationResult result = new Bfgs().minimize(quadratic, new double[N]);

    // For a quadratic, x − x* = A⁻¹ ∇f exactly, so ‖x − x*‖₂ ≤ ‖∇f‖₂ / λ_min.
    assertTrue(result.converged(), result.message());
    double bound = TestFunctions.norm(result.gradient()) / quadratic.smallestEigenvalue();
    assertTrue(
        TestFunctions.distance(result.x(), quadratic.minimizer()) <= bound * (1 + BOUND_SLACK),
        result.toString());
  }
}
