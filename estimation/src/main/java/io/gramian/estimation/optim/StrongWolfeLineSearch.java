package io.gramian.estimation.optim;

import java.util.Optional;

/**
 * A step length α along a descent direction p from x meeting the strong Wolfe conditions on φ(α) =
 * f(x + α p):
 *
 * <pre>
 *   sufficient decrease   φ(α) ≤ φ(0) + c₁ α φ'(0)        c₁ = 1e-4
 *   curvature             |φ'(α)| ≤ c₂ |φ'(0)|             c₂ = 0.9
 * </pre>
 *
 * Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 3.5 (bracketing, with
 * safeguarded cubic extrapolation) and Algorithm 3.6 (zoom, with cubic interpolation falling back
 * to quadratic, then to bisection).
 *
 * <p>Infeasible points: when f cannot be evaluated at a trial step (it throws {@link
 * ArithmeticException} or is not finite), the step is too far. In the bracketing phase the step is
 * halved towards the last feasible one and later extrapolation stays below the infeasible step; in
 * zoom the infeasible step becomes the upper end of the bracket and the next trial is its midpoint
 * (there is no value there to interpolate).
 */
final class StrongWolfeLineSearch {

  /** c₁ of the sufficient-decrease (Armijo) condition. */
  static final double SUFFICIENT_DECREASE = 1e-4;

  /** c₂ of the curvature condition; 0.9 is the usual choice for quasi-Newton methods. */
  static final double CURVATURE = 0.9;

  /** Extrapolated steps lie in [α + 1.1 (α − α₋), α + 4 (α − α₋)] (Moré &amp; Thuente's bounds). */
  private static final double EXTRAPOLATION_MIN = 1.1;

  private static final double EXTRAPOLATION_MAX = 4.0;

  /** An interpolated step keeps this fraction of the bracket's width from either end. */
  private static final double INTERPOLATION_SAFEGUARD = 0.1;

  /** The factor by which a step landing on an infeasible point is shortened. */
  private static final double INFEASIBLE_BACKTRACK = 0.5;

  /**
   * Two steps are indistinguishable when they move x by less than this relative amount (a few ulp):
   * the bracket can shrink no further in floating point.
   */
  private static final double STEP_RESOLUTION = 1e-15;

  /**
   * The relative round-off assumed in f (about 4.5 ulp). When even the linear model's decrease over
   * the whole bracket, α_max |φ'(0)|, is below this times |φ(0)|, no trial can show a decrease that
   * is not noise, and zoom gives up at once instead of shrinking the bracket to the resolution of x
   * (which costs dozens of evaluations at the end of every run that stalls).
   */
  private static final double VALUE_RESOLUTION = 1e-15;

  private static final int MAX_BRACKETING_TRIALS = 60;
  private static final int MAX_ZOOM_TRIALS = 60;

  private final CountedObjective objective;

  StrongWolfeLineSearch(CountedObjective objective) {
    this.objective = objective;
  }

  /** A trial step with φ and φ' there; {@code point} null when infeasible (φ NaN). */
  private record Trial(double step, double value, double slope, EvaluatedPoint point) {
    boolean feasible() {
      return point != null;
    }

    static Trial infeasible(double step) {
      return new Trial(step, Double.NaN, Double.NaN, null);
    }
  }

  /** The quantities fixed for one search: x, p, φ(0), φ'(0). */
  private record Line(EvaluatedPoint start, double[] direction, double value0, double slope0) {
    boolean sufficientDecrease(Trial t) {
      return t.value <= value0 + SUFFICIENT_DECREASE * t.step * slope0;
    }

    boolean curvature(Trial t) {
      return Math.abs(t.slope) <= -CURVATURE * slope0;
    }

    /** True when the linear model's decrease up to step max(a, b) is below f's round-off. */
    boolean decreaseBelowRoundOff(double a, double b) {
      return Math.max(a, b) * -slope0 <= VALUE_RESOLUTION * Math.abs(value0);
    }

    /** True when steps a and b give the same x up to round-off. */
    boolean indistinguishable(double a, double b) {
      double pNorm = Vectors.normInf(direction);
      double reach = Math.max(Math.abs(a), Math.abs(b)) * pNorm;
      double scale = Math.max(Vectors.normInf(start.x()), reach);
      return Math.abs(a - b) * pNorm <= STEP_RESOLUTION * scale;
    }
  }

  /**
   * Searches along p from the evaluated start.
   *
   * @param start x with f(x), ∇f(x). Not modified.
   * @param direction p, with ∇f(x)ᵀp &lt; 0. Not modified.
   * @param initialStep the first trial α &gt; 0
   */
  LineSearchOutcome search(EvaluatedPoint start, double[] direction, double initialStep) {
    double slope0 = Vectors.dot(start.gradient(), direction);
    Line line = new Line(start, direction, start.value(), slope0);
    Trial previous = new Trial(0, start.value(), slope0, start);
    double infeasibleStep = Double.POSITIVE_INFINITY;
    double step = initialStep;
    for (int trialCount = 0; trialCount < MAX_BRACKETING_TRIALS; trialCount++) {
      if (objective.exhausted()) {
        return LineSearchOutcome.exhausted(bestOf(previous));
      }
      Trial trial = evaluate(line, step);
      if (!trial.feasible()) {
        infeasibleStep = step;
        step = previous.step + INFEASIBLE_BACKTRACK * (step - previous.step);
        if (line.indistinguishable(step, previous.step)) {
          return LineSearchOutcome.failed(
              bestOf(previous), "every step beyond the current point is infeasible");
        }
        continue;
      }
      if (!line.sufficientDecrease(trial) || trial.value >= previous.value) {
        return zoom(line, previous, trial);
      }
      if (line.curvature(trial)) {
        return LineSearchOutcome.wolfePoint(trial.point);
      }
      if (trial.slope >= 0) {
        return zoom(line, trial, previous);
      }
      double next = extrapolate(previous, trial);
      if (infeasibleStep < Double.POSITIVE_INFINITY) {
        next = Math.min(next, trial.step + INFEASIBLE_BACKTRACK * (infeasibleStep - trial.step));
      }
      previous = trial;
      step = next;
    }
    return LineSearchOutcome.failed(
        bestOf(previous),
        "no bracket after " + MAX_BRACKETING_TRIALS + " trials (f may be unbounded below)");
  }

  /**
   * Algorithm 3.6: shrinks the bracket [lo, hi] (either order) that holds a Wolfe point. lo meets
   * sufficient decrease and has the lowest φ so far; φ'(lo) (hi − lo) &lt; 0.
   */
  private LineSearchOutcome zoom(Line line, Trial lo, Trial hi) {
    for (int trialCount = 0; trialCount < MAX_ZOOM_TRIALS; trialCount++) {
      if (line.decreaseBelowRoundOff(lo.step, hi.step)) {
        return LineSearchOutcome.failed(
            bestOf(lo), "the decrease left along the search direction is below f's round-off");
      }
      if (line.indistinguishable(lo.step, hi.step)) {
        return LineSearchOutcome.failed(
            bestOf(lo),
            "the bracket shrank to the resolution of x without meeting the Wolfe conditions");
      }
      if (objective.exhausted()) {
        return LineSearchOutcome.exhausted(bestOf(lo));
      }
      Trial trial = evaluate(line, interpolate(lo, hi));
      if (!trial.feasible()) {
        hi = trial;
      } else if (!line.sufficientDecrease(trial) || trial.value >= lo.value) {
        hi = trial;
      } else {
        if (line.curvature(trial)) {
          return LineSearchOutcome.wolfePoint(trial.point);
        }
        if (trial.slope * (hi.step - lo.step) >= 0) {
          hi = lo;
        }
        lo = trial;
      }
    }
    return LineSearchOutcome.failed(
        bestOf(lo), "zoom found no Wolfe point in " + MAX_ZOOM_TRIALS + " trials");
  }

  private Trial evaluate(Line line, double step) {
    double[] x = Vectors.addScaled(line.start.x(), step, line.direction);
    Optional<EvaluatedPoint> point = objective.tryEvaluate(x);
    if (point.isEmpty()) {
      return Trial.infeasible(step);
    }
    EvaluatedPoint p = point.get();
    return new Trial(step, p.value(), Vectors.dot(p.gradient(), line.direction), p);
  }

  /**
   * The next bracketing step beyond the current one: the cubic's minimiser through the last two
   * trials, clamped to [α + 1.1 (α − α₋), α + 4 (α − α₋)] (the upper end when there is none).
   */
  private static double extrapolate(Trial previous, Trial current) {
    double width = current.step - previous.step;
    double low = current.step + EXTRAPOLATION_MIN * width;
    double high = current.step + EXTRAPOLATION_MAX * width;
    double cubic =
        LineSearchInterpolation.cubicMinimizer(
            previous.step,
            previous.value,
            previous.slope,
            current.step,
            current.value,
            current.slope);
    if (!(cubic > current.step)) {
      return high;
    }
    return Math.max(low, Math.min(high, cubic));
  }

  /**
   * A trial step inside the bracket, at least a tenth of its width from either end: the cubic's
   * minimiser, else the quadratic's (φ(lo), φ'(lo), φ(hi)), else the midpoint, which is also used
   * when hi is infeasible.
   */
  private static double interpolate(Trial lo, Trial hi) {
    double width = Math.abs(hi.step - lo.step);
    double low = Math.min(lo.step, hi.step) + INTERPOLATION_SAFEGUARD * width;
    double high = Math.max(lo.step, hi.step) - INTERPOLATION_SAFEGUARD * width;
    if (hi.feasible()) {
      double cubic =
          LineSearchInterpolation.cubicMinimizer(
              lo.step, lo.value, lo.slope, hi.step, hi.value, hi.slope);
      if (cubic >= low && cubic <= high) {
        return cubic;
      }
      double quadratic =
          LineSearchInterpolation.quadraticMinimizer(
              lo.step, lo.value, lo.slope, hi.step, hi.value);
      if (quadratic >= low && quadratic <= high) {
        return quadratic;
      }
    }
    return 0.5 * (lo.step + hi.step);
  }

  /** The trial's point when it is a real step (α &gt; 0, so it met sufficient decrease). */
  private static EvaluatedPoint bestOf(Trial trial) {
    return trial.step > 0 ? trial.point : null;
  }
}
