package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line search on one-dimensional test functions of Moré &amp; Thuente (1994, §5), searched from
 * x = 0 along p = 1 with initial steps from far too short to far too long.
 */
class StrongWolfeLineSearchTest {

  /** φ(α) = −α / (α² + β), β = 2: minimum at √2, φ'(0) = −1/2. */
  private static final DifferentiableFunction MORE_THUENTE_1 =
      (x, gradient) -> {
        double a = x[0];
        double beta = 2;
        gradient[0] = (a * a - beta) / ((a * a + beta) * (a * a + beta));
        return -a / (a * a + beta);
      };

  /** φ(α) = (α + β)⁵ − 2 (α + β)⁴, β = 0.004: minimum at 1.6 − β, φ'(0) ≈ −5e-7 (very flat). */
  private static final DifferentiableFunction MORE_THUENTE_2 =
      (x, gradient) -> {
        double t = x[0] + 0.004;
        gradient[0] = 5 * Math.pow(t, 4) - 8 * Math.pow(t, 3);
        return Math.pow(t, 5) - 2 * Math.pow(t, 4);
      };

  private static final int BUDGET = 100;

  private static LineSearchOutcome search(
      DifferentiableFunction f, double initialStep, int budget) {
    CountedObjective objective = new CountedObjective(f, budget);
    EvaluatedPoint start = objective.evaluateStart(new double[] {0});
    return new StrongWolfeLineSearch(objective).search(start, new double[] {1}, initialStep);
  }

  private static void assertStrongWolfe(DifferentiableFunction f, LineSearchOutcome outcome) {
    assertEquals(LineSearchOutcome.Status.WOLFE_POINT, outcome.status(), outcome.reason());
    double[] g0 = new double[1];
    double f0 = f.valueAndGradient(new double[] {0}, g0);
    double alpha = outcome.best().x()[0];
    double slope = outcome.best().gradient()[0];
    assertTrue(alpha > 0);
    assertTrue(
        outcome.best().value() <= f0 + StrongWolfeLineSearch.SUFFICIENT_DECREASE * alpha * g0[0],
        "sufficient decrease at α = " + alpha);
    assertTrue(
        Math.abs(slope) <= StrongWolfeLineSearch.CURVATURE * Math.abs(g0[0]),
        "curvature at α = " + alpha);
  }

  @ParameterizedTest(name = "α₀ = {0}")
  @ValueSource(doubles = {1e-3, 1e-1, 1, 10, 1e3})
  void findsAStrongWolfePointOnMoreThuente1(double initialStep) {
    assertStrongWolfe(MORE_THUENTE_1, search(MORE_THUENTE_1, initialStep, BUDGET));
  }

  @ParameterizedTest(name = "α₀ = {0}")
  @ValueSource(doubles = {1e-3, 1e-1, 1, 10, 1e3})
  void findsAStrongWolfePointOnMoreThuente2(double initialStep) {
    assertStrongWolfe(MORE_THUENTE_2, search(MORE_THUENTE_2, initialStep, BUDGET));
  }

  @ParameterizedTest(name = "α₀ = {0}")
  @ValueSource(doubles = {2, 10, 1e6})
  void backsOffInfeasibleSteps(double initialStep) {
    // φ(α) = (α − 0.9)², infeasible for α ≥ 1.
    DifferentiableFunction wall =
        (x, gradient) -> {
          if (x[0] >= 1) {
            throw new ArithmeticException("infeasible");
          }
          gradient[0] = 2 * (x[0] - 0.9);
          return (x[0] - 0.9) * (x[0] - 0.9);
        };
    LineSearchOutcome outcome = search(wall, initialStep, BUDGET);

    assertStrongWolfe(wall, outcome);
    assertTrue(outcome.best().x()[0] < 1);
  }

  @Test
  void reportsAnExhaustedBudgetWithTheBestPointSoFar() {
    // φ(α) = −α is unbounded below; budget 3 = the start and the trials α = 1 and α = 5.
    DifferentiableFunction line =
        (x, gradient) -> {
          gradient[0] = -1;
          return -x[0];
        };
    LineSearchOutcome outcome = search(line, 1, 3);

    assertEquals(LineSearchOutcome.Status.EVALUATIONS_EXHAUSTED, outcome.status());
    assertTrue(outcome.best().value() < -1, "the lower of the two trial points, α = 5");
  }

  @Test
  void failsWithoutAPointWhenNoStepDecreasesF() {
    // Reports φ'(0) = −1, but φ increases: no step meets sufficient decrease.
    DifferentiableFunction liar =
        (x, gradient) -> {
          gradient[0] = -1;
          return x[0] * x[0] + x[0];
        };
    LineSearchOutcome outcome = search(liar, 1, BUDGET);

    assertEquals(LineSearchOutcome.Status.FAILED, outcome.status());
    assertNull(outcome.best());
  }
}
