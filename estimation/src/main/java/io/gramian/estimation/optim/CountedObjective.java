package io.gramian.estimation.optim;

import java.util.Optional;

/**
 * A {@link DifferentiableFunction} behind an evaluation budget. Every call counts, feasible or not.
 * A point is infeasible when the function throws {@link ArithmeticException} or returns a
 * non-finite value or gradient.
 */
final class CountedObjective {

  private final DifferentiableFunction function;
  private final int maxEvaluations;
  private int evaluations;

  CountedObjective(DifferentiableFunction function, int maxEvaluations) {
    this.function = function;
    this.maxEvaluations = maxEvaluations;
  }

  /** Calls made so far. */
  int evaluations() {
    return evaluations;
  }

  /** True when the budget is spent and no further call may be made. */
  boolean exhausted() {
    return evaluations >= maxEvaluations;
  }

  /**
   * Evaluates the starting point, which must be feasible.
   *
   * @throws ArithmeticException when f throws at x (rethrown as is) or returns a non-finite value
   *     or gradient
   */
  EvaluatedPoint evaluateStart(double[] x) {
    double[] gradient = new double[x.length];
    evaluations++;
    double value = function.valueAndGradient(x.clone(), gradient);
    if (!Double.isFinite(value) || !Vectors.allFinite(gradient)) {
      throw new ArithmeticException(
          "the objective is not finite at the starting point (value " + value + ")");
    }
    return new EvaluatedPoint(x.clone(), value, gradient);
  }

  /**
   * Evaluates a trial point; empty when it is infeasible. The caller checks {@link #exhausted()}
   * first.
   */
  Optional<EvaluatedPoint> tryEvaluate(double[] x) {
    double[] gradient = new double[x.length];
    evaluations++;
    double value;
    try {
      value = function.valueAndGradient(x.clone(), gradient);
    } catch (ArithmeticException infeasible) {
      return Optional.empty();
    }
    if (!Double.isFinite(value) || !Vectors.allFinite(gradient)) {
      return Optional.empty();
    }
    return Optional.of(new EvaluatedPoint(x, value, gradient));
  }
}
