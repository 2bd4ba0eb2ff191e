package io.gramian.autodiff;

/**
 * The single rank policy of {@code tria}'s derivatives: which pivots (or singular values) of
 * {@code L} count as zero.
 *
 * <pre>
 *   τ = SAFETY_FACTOR · max(n, k) · ε · s_max
 * </pre>
 *
 * where {@code n × n} is the size of {@code L}, {@code k = min(n, m)} the number of Householder
 * steps, {@code ε} the double-precision machine epsilon and {@code s_max} the largest pivot
 * magnitude {@code max_j |L_jj|} (masked rule) or the largest singular value of {@code L}
 * (pseudoinverse rule). A value {@code s} is treated as non-zero when {@code s > τ}.
 *
 * <p>Why this value: a Householder QR is backward stable, so a pivot that is exactly zero in exact
 * arithmetic comes out at most about {@code max(n, k) · ε · ‖M‖} in floating point; the factor
 * {@code 10³} leaves a wide margin above that rounding level while staying far below any pivot
 * that carries information (a pivot of relative size 10⁻¹⁰ is still honoured at n = 50). When
 * {@code s_max = 0} (M = 0) no pivot is non-zero.
 *
 * <p>The scale {@code s_max} is the caller's: the tria rules use the largest pivot of L; the
 * filter's test for a singular innovation covariance and the smoother's test for a dependent
 * row use the norm of that row of the triangularised block (a row is dependent when its pivot is
 * rounding-small relative to the row itself, whatever the other rows' scale).
 */
public final class RankThreshold {

  /** Margin above the backward-error bound {@code max(n, k) · ε · s_max}. */
  public static final double SAFETY_FACTOR = 1e3;

  private RankThreshold() {}

  /**
   * The threshold τ for an {@code n × n} factor obtained from {@code k} Householder steps.
   *
   * @param n rows (and columns) of L
   * @param k min(n, m), the number of Householder steps
   * @param largest the largest pivot magnitude or singular value, ≥ 0
   * @return τ; values strictly greater than τ are non-zero
   */
  public static double tau(int n, int k, double largest) {
    return SAFETY_FACTOR * Math.max(n, k) * Math.ulp(1.0) * largest;
  }
}
