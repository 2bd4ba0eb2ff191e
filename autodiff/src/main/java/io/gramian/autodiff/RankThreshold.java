package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The single rank policy of {@code tria}'s derivatives (public through {@link Tria#rankThreshold}
 * and {@link Tria#rowRankThreshold}): which pivots (or singular values) of {@code L} count as zero.
 *
 * <pre>
 *   τ = SAFETY_FACTOR · max(n, k) · ε · s
 * </pre>
 *
 * where {@code n × n} is the size of {@code L}, {@code k = min(n, m)} the number of Householder
 * steps (k ≤ n, so the factor is n), {@code ε} the double-precision machine epsilon and {@code s} a
 * scale: for the masked rule, the largest row norm of L (equal to the largest row norm of M, since
 * L Lᵀ = M Mᵀ); for the pseudoinverse rule, the largest singular value of L. A value is treated as
 * non-zero when it is greater than τ.
 *
 * <p>Why this value: a Householder QR is backward stable, so a pivot that is exactly zero in exact
 * arithmetic comes out at most about {@code max(n, k) · ε · ‖M‖} in floating point; the factor
 * {@code 10³} leaves a wide margin above that rounding level while staying far below any pivot that
 * carries information (a pivot of relative size 10⁻¹⁰ is still honoured at n = 50). When {@code s =
 * 0} (a zero row) the pivot is dead.
 *
 * <p>Why the largest row norm, and not the largest pivot as first specified: the rounding a dead
 * pivot carries is about ε times the size of M, and the largest pivot can be far smaller than M
 * (rows of size 1 whose pivots are all about 1e-4). Measured against the largest pivot, such a
 * rounding pivot passed as live and the masked derivative reached 1e15 ({@code RankPolicyTest}).
 * Nor may each pivot be judged against its own row alone: a row of M that is pure rounding residue
 * (a state whose variance should be exactly zero) has a pivot as large as the row, and dividing by
 * it blew a filter gradient up to 1e13.
 *
 * <p>The filter's test for a singular innovation covariance and the smoother's test for a dependent
 * row do use each row's own norm: there the rows carry different units (observations beside
 * states), and a row of an exactly zero innovation variance is exactly zero.
 */
final class RankThreshold {

  /** Margin above the backward-error bound {@code max(n, k) · ε · s}. */
  static final double SAFETY_FACTOR = 1e3;

  private RankThreshold() {}

  /**
   * The threshold τ for an {@code n × n} factor obtained from {@code k} Householder steps.
   *
   * @param n rows (and columns) of L
   * @param k min(n, m), the number of Householder steps
   * @param scale the scale s: a row norm of L (masked rule) or the largest singular value, ≥ 0
   * @return τ; values strictly greater than τ are non-zero
   */
  static double tau(int n, int k, double scale) {
    return SAFETY_FACTOR * Math.max(n, k) * Math.ulp(1.0) * scale;
  }

  /**
   * The threshold for pivot {@code j} of {@code tria(M)} judged against row j of M alone: {@code
   * tau(n, min(n, m), ‖M[j,:]‖)} for M n × m. The filter's test for a singular innovation
   * covariance and the smoother's test for a dependent row use it.
   *
   * @param M the block that was triangularised, n × m. Not modified.
   * @param j row (and pivot) index
   */
  static double forRow(DMatrixRMaj M, int j) {
    final int cols = M.numCols;
    final double[] data = M.data;
    double sq = 0;
    for (int c = j * cols, end = c + cols; c < end; c++) {
      sq += data[c] * data[c];
    }
    return tau(M.numRows, Math.min(M.numRows, cols), Math.sqrt(sq));
  }
}
