package io.gramian.estimation.optim;

/**
 * How a line search ended.
 *
 * @param status what happened
 * @param best the accepted point when {@code status} is {@link Status#WOLFE_POINT}; otherwise the
 *     lowest trial point that met the sufficient-decrease condition, or null when none did
 * @param reason for a failure, why, in words (empty for a Wolfe point)
 */
record LineSearchOutcome(Status status, EvaluatedPoint best, String reason) {

  enum Status {
    /** A point meeting the strong Wolfe conditions was found. */
    WOLFE_POINT,
    /** The evaluation budget ran out first. */
    EVALUATIONS_EXHAUSTED,
    /** No Wolfe point could be found (round-off, a wrong gradient, an unbounded or odd f). */
    FAILED
  }

  static LineSearchOutcome wolfePoint(EvaluatedPoint point) {
    return new LineSearchOutcome(Status.WOLFE_POINT, point, "");
  }

  static LineSearchOutcome exhausted(EvaluatedPoint best) {
    return new LineSearchOutcome(Status.EVALUATIONS_EXHAUSTED, best, "evaluation budget spent");
  }

  static LineSearchOutcome failed(EvaluatedPoint best, String reason) {
    return new LineSearchOutcome(Status.FAILED, best, reason);
  }
}
