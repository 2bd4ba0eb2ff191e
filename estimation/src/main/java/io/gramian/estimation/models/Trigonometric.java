package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Var;

/**
 * cos λ and sin λ of a 1 × 1 tape value λ, for the rotation of a stochastic cycle whose frequency
 * is a parameter. The tape has no trigonometric operation, so each is recorded as its first-order
 * expansion at the current value λ₀:
 *
 * <pre>
 *   cos λ  ≐  cos λ₀ − sin λ₀ · (λ − λ₀)
 *   sin λ  ≐  sin λ₀ + cos λ₀ · (λ − λ₀)
 * </pre>
 *
 * At λ = λ₀ the value is exactly cos λ₀ (λ − λ₀ is exactly 0 in floating point) and the derivative
 * exactly −sin λ₀, which is all a reverse pass or a tangent sweep reads: a tape is built anew at
 * every evaluation, so the expansion point is always the point of evaluation. It would be wrong
 * only for second derivatives taken on one tape, which nothing in Gramian does (observed
 * information differentiates the analytic gradient by finite differences, one tape per point).
 */
final class Trigonometric {

  private Trigonometric() {}

  /** cos λ, with the exact first derivative −sin λ. */
  static Var cos(Var lambda) {
    double l0 = lambda.scalar();
    return lambda.add(-l0).mul(-Math.sin(l0)).add(Math.cos(l0));
  }

  /** sin λ, with the exact first derivative cos λ. */
  static Var sin(Var lambda) {
    double l0 = lambda.scalar();
    return lambda.add(-l0).mul(Math.cos(l0)).add(Math.sin(l0));
  }
}
