package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.optim.TestFunctions.Quadratic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way the search can end, and that each is reported for what it is. */
class BfgsStoppingTest {

  private static final int N = 10;
  private static final double CONDITION = 1e6;
  private static final long SEED = 20240611L;

  /**
   * A quadratic whose minimum value f* = 3 is resolved only to ulp(3) ≈ 4.4e-16: the line search
   * loses sight of decreases near ‖∇f‖ ≈ √(2 λ ulp) ≈ 3e-8 (λ = 1), so gradient tolerances below
   * that end in a stall.
   */
  private static final double HIDDEN_MINIMUM = 3.0;

  /** Tolerance 1e-9 · 3: the stall (≈ 3e-8 to 1e-7) falls within 100 × this, i.e. 3e-7. */
  private static final double STALL_WITHIN_SCALE_TOLERANCE = 1e-9;

  /** Tolerance 1e-12 · 3: 100 × this is 3e-10, far below where the stall happens. */
  private static final double STALL_ABOVE_SCALE_TOLERANCE = 1e-12;

  private static Quadratic hiddenMinimumQuadratic() {
    return Quadratic.illConditioned(N, CONDITION, false, HIDDEN_MINIMUM, SEED);
  }

  @Test
  void theIterationLimitIsNotConvergence() {
    Bfgs bfgs = new Bfgs(BfgsOptions.defaults().withMaxIterations(5));

    OptimizationResult result =
        bfgs.minimize(TestFunctions::rosenbrock, TestFunctions.rosenbrockStart(2));

    assertFalse(result.converged());
    assertEquals(5, result.iterations());
    assertTrue(result.message().contains("iteration limit (5)"), result.message());
  }

  @Test
  void theEvaluationLimitIsNotConvergence() {
    Bfgs bfgs = new Bfgs(BfgsOptions.defaults().withMaxEvaluations(10));

    OptimizationResult result =
        bfgs.minimize(TestFunctions::rosenbrock, TestFunctions.rosenbrockStart(2));

    assertFalse(result.converged());
    assertTrue(result.evaluations() <= 10, result.toString());
    assertTrue(result.message().contains("evaluation limit (10)"), result.message());
    // The point returned is the lowest found: below the start's f = 24.2.
    assertTrue(result.value() < 24.2, result.toString());
  }

  @Test
  void aWrongGradientEndsInALineSearchFailureNotConvergence() {
    // f = ½ ‖x − (1, 2)‖² reporting −∇f: every "descent" direction climbs.
    DifferentiableFunction wrongSign =
        (x, gradient) -> {
          gradient[0] = -(x[0] - 1);
          gradient[1] = -(x[1] - 2);
          return 0.5 * ((x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2));
        };

    OptimizationResult result = new Bfgs().minimize(wrongSign, new double[] {5, 5});

    assertFalse(result.converged());
    assertTrue(result.message().startsWith("line search failed"), result.message());
    assertEquals(0, result.iterations());
    assertArrayEquals(new double[] {5, 5}, result.x());
  }

  @Test
  void aStallWithTheGradientAtTheToleranceScaleIsReportedAsSuch() {
    Bfgs bfgs =
        new Bfgs(
            BfgsOptions.defaults()
                .withGradientTolerance(STALL_WITHIN_SCALE_TOLERANCE)
                .withRelativeValueTolerance(0));

    OptimizationResult result = bfgs.minimize(hiddenMinimumQuadratic(), new double[N]);

    double tolerance = STALL_WITHIN_SCALE_TOLERANCE * HIDDEN_MINIMUM;
    assertTrue(result.converged(), result.message());
    assertTrue(
        result.message().startsWith("line search could not improve further"), result.message());
    assertTrue(result.message().contains("at the tolerance scale"), result.message());
    assertTrue(result.gradientNorm() > tolerance, "the gradient criterion itself was not met");
    assertTrue(result.gradientNorm() <= Bfgs.STALL_GRADIENT_FACTOR * tolerance);
  }

  @Test
  void aStallWithTheGradientAboveTheToleranceScaleIsNotConvergence() {
    Bfgs bfgs =
        new Bfgs(
            BfgsOptions.defaults()
                .withGradientTolerance(STALL_ABOVE_SCALE_TOLERANCE)
                .withRelativeValueTolerance(0));

    OptimizationResult result = bfgs.minimize(hiddenMinimumQuadratic(), new double[N]);

    assertFalse(result.converged());
    assertTrue(result.message().startsWith("line search failed"), result.message());
  }

  @Test
  void theValueChangeCriterionConvergesWhereProgressIsSlow() {
    // f = Σ x_i⁴ has a singular Hessian at 0, so BFGS converges only linearly and f creeps down
    // (exactly representable near f* = 0, so the line search never stalls). With a tight
    // gradient tolerance (1e-8), f's changes fall below 1e-10 while ‖∇f‖ is still above it but
    // within the 100× band where the value-change criterion may end the search.
    DifferentiableFunction quartic =
        (x, gradient) -> {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            f += x[i] * x[i] * x[i] * x[i];
            gradient[i] = 4 * x[i] * x[i] * x[i];
          }
          return f;
        };
    Bfgs bfgs = new Bfgs(BfgsOptions.defaults().withGradientTolerance(1e-8));

    OptimizationResult result = bfgs.minimize(quartic, new double[] {1, -2, 0.5});

    assertTrue(result.converged(), result.message());
    assertTrue(result.message().startsWith("relative change of f"), result.message());
  }

  /** Far from a stationary point a small change of f does not stop the search. */
  @Test
  void theValueChangeCriterionNeedsAGradientNearItsTolerance() {
    DifferentiableFunction quartic =
        (x, gradient) -> {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            f += x[i] * x[i] * x[i] * x[i];
            gradient[i] = 4 * x[i] * x[i] * x[i];
          }
          return f;
        };
    Bfgs bfgs = new Bfgs(BfgsOptions.defaults().withGradientTolerance(0).withMaxIterations(60));
    OptimizationResult result = bfgs.minimize(quartic, new double[] {1, -2, 0.5});
    assertFalse(result.converged(), result.message());
  }

  @Test
  void aStartAtTheMinimumTakesNoStep() {
    Quadratic quadratic = Quadratic.illConditioned(N, CONDITION, true, 0.0, SEED);

    OptimizationResult result = new Bfgs().minimize(quadratic, quadratic.minimizer());

    assertTrue(result.converged(), result.message());
    assertEquals(0, result.iterations());
    assertEquals(1, result.evaluations());
    assertTrue(result.message().contains("starting point"), result.message());
  }

  @Test
  void theListenerSeesEveryIterationWithDecreasingValues() {
    List<double[]> calls = new ArrayList<>();
    OptimizationResult result =
        new Bfgs()
            .minimize(
                TestFunctions::rosenbrock,
                TestFunctions.rosenbrockStart(2),
                (iteration, value, gradientNorm) ->
                    calls.add(new double[] {iteration, value, gradientNorm}));

    assertEquals(result.iterations() + 1, calls.size());
    for (int k = 0; k < calls.size(); k++) {
      assertEquals(k, calls.get(k)[0]);
      if (k > 0) {
        assertTrue(calls.get(k)[1] < calls.get(k - 1)[1], "f decreases at every accepted step");
      }
    }
    double[] last = calls.get(calls.size() - 1);
    assertEquals(result.value(), last[1]);
    assertEquals(result.gradientNorm(), last[2]);
  }

  @Test
  void theResultIsImmutable() {
    OptimizationResult result =
        new Bfgs().minimize(TestFunctions::rosenbrock, TestFunctions.rosenbrockStart(2));

    double[] x = result.x();
    x[0] = Double.NaN;
    assertNotSame(x, result.x());
    assertFalse(Double.isNaN(result.x()[0]));
  }

  @Test
  void theStartIsNotModified() {
    double[] start = TestFunctions.rosenbrockStart(2);

    new Bfgs().minimize(TestFunctions::rosenbrock, start);

    assertArrayEquals(TestFunctions.rosenbrockStart(2), start);
  }

  @Test
  void invalidOptionsAndAnEmptyStartAreRejected() {
    BfgsOptions defaults = BfgsOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxIterations(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxEvaluations(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withGradientTolerance(-1));
    assertThrows(
        IllegalArgumentException.class, () -> defaults.withRelativeValueTolerance(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Bfgs().minimize(TestFunctions::rosenbrock, new double[0]));
  }
}
