package io.gramian.autodiff;

/**
 * The single rank policy of {@code tria}'s derivatives: which pivots (or singular values) of
 * {@code L} count as zero.
 *
 * <pre>
 *   τ = SAFETY_FACTOR · max(n, k) · ε · s
 * </pre>
 *
 * where {@code n × n} is the size of {@code L}, {@code k = min(n, m)} the number of Householder
 * steps (k ≤ n, so the factor is n), {@code ε} the double-precision machine epsilon and
 * {@code s} a scale: for the masked rule, the norm of row j of L when judging pivot j (equal to
 * the norm of row j of M, since L Lᵀ = M Mᵀ); for the pseudoinverse rule, the largest singular
 * value of L. A value is treated as non-zero when it is greater than τ.
 *
 * <p>Why this value: a Householder QR is backward stable, so a pivot that is exactly zero in exact
 * arithmetic comes out at most about {@code max(n, k) · ε · ‖M‖} in floating point; the factor
 * {@code 10³} leaves a wide margin above that rounding level while staying far below any pivot
 * that carries information (a pivot of relative size 10⁻¹⁰ is still honoured at n = 50). When
 * {@code s = 0} (a zero row) the pivot is dead.
 *
 * <p>Why a row's own norm for a pivot, and not the largest pivot as first specified: pivot j is
 * zero in exact arithmetic when row j of M is a combination of the rows above it, and then
 * rounding leaves it at about ε times that row's size. Measured against the largest pivot, a
 * block whose rows differ in scale (rows of size 1 beside rows of size 1e-4) lets such a
 * rounding pivot pass as live, and the masked derivative grows to 1e15 and loses the Gramian
 * identity ({@code RankPolicyTest}). The filter's test for a singular innovation covariance and
 * the smoother's test for a dependent row use the same per-row scale.
 */
public final class RankThreshold {

  /** Margin above the backward-error bound {@code max(n, k) · ε · s}. */
  public static final double SAFETY_FACTOR = 1e3;

  private RankThreshold() {}

  /**
   * The threshold τ for an {@code n × n} factor obtained from {@code k} Householder steps.
   *
   * @param n rows (and columns) of L
   * @param k min(n, m), the number of Householder steps
   * @param scale the scale s: a row norm of L (masked rule) or the largest singular value, ≥ 0
   * @return τ; values strictly greater than τ are non-zero
   */
  public static double tau(int n, int k, double scale) {
    return SAFETY_FACTOR * Math.max(n, k) * Math.ulp(1.0) * scale;
  }
}
