package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Triangular solves with the leading {@code n × n} block of a lower-triangular {@code L}, in place,
 * with an optional pivot mask. The four forms, for a right-hand side X:
 *
 * <pre>
 *   lower:                X ← L⁻¹ X     (n × cols, forward substitution)
 *   lowerTransposed:      X ← L⁻ᵀ X     (n × cols, back substitution)
 *   rightLower:           X ← X L⁻¹     (rows × n, back substitution along each row)
 *   rightLowerTransposed: X ← X L⁻ᵀ     (rows × n, forward substitution along each row)
 * </pre>
 *
 * With a mask {@code tau} (one threshold per pivot; {@code null} keeps every pivot), the pivots
 * {@code J = { j : |L_jj| > tau[j] }} are kept and the solve is restricted to them: for the left
 * forms {@code X[J,:] ← L[J,J]⁻¹ X[J,:]} (or {@code L[J,J]⁻ᵀ}) and {@code X[not J,:] ← 0}; for the
 * right forms the same on the columns. This is the masked rule of {@link TriaRule#MASKED} and of
 * the filter's diffuse collapse; without a mask a zero pivot divides by zero, so callers that pass
 * none have checked their pivots.
 *
 * <p>{@code L} is read through its row stride {@code L.numCols}, so the leading block of a larger
 * factor (the innovation factor A in the top-left of the update's L) is solved without a copy. X is
 * a row-major array with row stride {@code ldx} starting at {@code offset}. Allocates nothing.
 */
public final class TriangularSolve {

  private TriangularSolve() {}

  /**
   * X ← L⁻¹ X by forward substitution.
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param n size of the block
   * @param X n × cols right-hand side, overwritten by the solution. Modified.
   * @param offset index of X's first entry
   * @param ldx row stride of X
   * @param cols columns of X
   * @param tau per-pivot thresholds (length ≥ n) or {@code null}
   */
  public static void lower(
      DMatrixRMaj L, int n, double[] X, int offset, int ldx, int cols, double[] tau) {
    final double[] l = L.data;
    final int ldl = L.numCols;
    for (int i = 0; i < n; i++) {
      final int rowI = offset + i * ldx;
      final double pivot = l[i * ldl + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        java.util.Arrays.fill(X, rowI, rowI + cols, 0.0);
        continue;
      }
      for (int j = 0; j < i; j++) {
        final double lij = l[i * ldl + j];
        if (lij == 0.0) {
          continue;
        }
        final int rowJ = offset + j * ldx;
        for (int c = 0; c < cols; c++) {
          X[rowI + c] -= lij * X[rowJ + c];
        }
      }
      for (int c = 0; c < cols; c++) {
        X[rowI + c] /= pivot;
      }
    }
  }

  /**
   * X ← L⁻ᵀ X by back substitution with the upper-triangular Lᵀ.
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param X n × cols right-hand side, overwritten by the solution. Modified.
   * @see #lower
   */
  public static void lowerTransposed(
      DMatrixRMaj L, int n, double[] X, int offset, int ldx, int cols, double[] tau) {
    final double[] l = L.data;
    final int ldl = L.numCols;
    for (int i = n - 1; i >= 0; i--) {
      final int rowI = offset + i * ldx;
      final double pivot = l[i * ldl + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        java.util.Arrays.fill(X, rowI, rowI + cols, 0.0);
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        final double lji = l[j * ldl + i];
        if (lji == 0.0) {
          continue;
        }
        final int rowJ = offset + j * ldx;
        for (int c = 0; c < cols; c++) {
          X[rowI + c] -= lji * X[rowJ + c];
        }
      }
      for (int c = 0; c < cols; c++) {
        X[rowI + c] /= pivot;
      }
    }
  }

  /**
   * The strictly upper triangle of L⁻¹ X, for any X (n × n), in place: row i of the forward
   * substitution reads rows j &lt; i only in columns c &gt; i, which are strictly upper in both, so
   * the triangle is {@link #lower}'s to the bit at about a third of its work. The entries on and
   * below the diagonal are set to zero.
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param X n × n right-hand side; its strictly upper triangle is overwritten by that of L⁻¹ X and
   *     the rest by zeros. Modified.
   * @param tau per-pivot thresholds (length ≥ n) or {@code null}
   */
  public static void lowerStrictlyUpperPart(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    final int n = L.numRows;
    final double[] l = L.data;
    final double[] x = X.data;
    final int ldl = L.numCols;
    final int ldx = X.numCols;
    for (int i = 0; i < n; i++) {
      final int rowI = i * ldx;
      java.util.Arrays.fill(x, rowI, rowI + i + 1, 0.0);
      final double pivot = l[i * ldl + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        java.util.Arrays.fill(x, rowI, rowI + n, 0.0);
        continue;
      }
      for (int j = 0; j < i; j++) {
        final double lij = l[i * ldl + j];
        if (lij == 0.0) {
          continue;
        }
        final int rowJ = j * ldx;
        for (int c = i + 1; c < n; c++) {
          x[rowI + c] -= lij * x[rowJ + c];
        }
      }
      for (int c = i + 1; c < n; c++) {
        x[rowI + c] /= pivot;
      }
    }
  }

  /**
   * X ← L⁻ᵀ X for a strictly upper-triangular X (n × n): the solution is strictly upper too (L⁻ᵀ is
   * upper triangular), so row i reads rows j &gt; i only from column j + 1 on and divides only
   * columns c &gt; i: about a third of {@link #lowerTransposed}'s work, with the same result (the
   * operations skipped would subtract or divide exact zeros).
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param X n × n, zero on and below the diagonal, overwritten by the solution. Modified.
   * @param tau per-pivot thresholds (length ≥ n) or {@code null}
   */
  public static void lowerTransposedStrictlyUpper(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    final int n = L.numRows;
    final double[] l = L.data;
    final double[] x = X.data;
    final int ldl = L.numCols;
    final int ldx = X.numCols;
    for (int i = n - 1; i >= 0; i--) {
      final int rowI = i * ldx;
      final double pivot = l[i * ldl + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        java.util.Arrays.fill(x, rowI, rowI + n, 0.0);
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        final double lji = l[j * ldl + i];
        if (lji == 0.0) {
          continue;
        }
        final int rowJ = j * ldx;
        for (int c = j + 1; c < n; c++) {
          x[rowI + c] -= lji * x[rowJ + c];
        }
      }
      for (int c = i + 1; c < n; c++) {
        x[rowI + c] /= pivot;
      }
    }
  }

  /**
   * X ← X L⁻¹: each row x of X solves {@code x L = b}, by back substitution over the columns.
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param X rows × n right-hand side, overwritten by the solution. Modified.
   * @param rows rows of X
   * @see #lower
   */
  public static void rightLower(
      DMatrixRMaj L, int n, double[] X, int offset, int ldx, int rows, double[] tau) {
    final double[] l = L.data;
    final int ldl = L.numCols;
    int r = 0;
    // Four rows at a time: each row's divisions wait on its own updates only, so four chains of
    // them overlap. Every row gets the same operations in the same order as alone.
    for (; r + 3 < rows; r += 4) {
      final int row0 = offset + r * ldx;
      final int row1 = row0 + ldx;
      final int row2 = row1 + ldx;
      final int row3 = row2 + ldx;
      for (int j = n - 1; j >= 0; j--) {
        final double pivot = l[j * ldl + j];
        if (tau != null && !(Math.abs(pivot) > tau[j])) {
          X[row0 + j] = 0.0;
          X[row1 + j] = 0.0;
          X[row2 + j] = 0.0;
          X[row3 + j] = 0.0;
          continue;
        }
        final double x0 = X[row0 + j] / pivot;
        final double x1 = X[row1 + j] / pivot;
        final double x2 = X[row2 + j] / pivot;
        final double x3 = X[row3 + j] / pivot;
        X[row0 + j] = x0;
        X[row1 + j] = x1;
        X[row2 + j] = x2;
        X[row3 + j] = x3;
        final int rowL = j * ldl;
        for (int k = 0; k < j; k++) {
          final double lk = l[rowL + k];
          X[row0 + k] -= x0 * lk;
          X[row1 + k] -= x1 * lk;
          X[row2 + k] -= x2 * lk;
          X[row3 + k] -= x3 * lk;
        }
      }
    }
    for (; r < rows; r++) {
      final int row = offset + r * ldx;
      for (int j = n - 1; j >= 0; j--) {
        final double pivot = l[j * ldl + j];
        if (tau != null && !(Math.abs(pivot) > tau[j])) {
          X[row + j] = 0.0;
          continue;
        }
        final double x = X[row + j] / pivot;
        X[row + j] = x;
        if (x == 0.0) {
          continue;
        }
        final int rowL = j * ldl;
        for (int k = 0; k < j; k++) {
          X[row + k] -= x * l[rowL + k];
        }
      }
    }
  }

  /**
   * X ← X L⁻ᵀ: each row x of X solves {@code L xᵀ = bᵀ}, by forward substitution over the columns.
   *
   * @param L factor whose leading n × n block is lower triangular. Not modified.
   * @param X rows × n right-hand side, overwritten by the solution. Modified.
   * @param rows rows of X
   * @see #lower
   */
  public static void rightLowerTransposed(
      DMatrixRMaj L, int n, double[] X, int offset, int ldx, int rows, double[] tau) {
    final double[] l = L.data;
    final int ldl = L.numCols;
    for (int r = 0; r < rows; r++) {
      final int row = offset + r * ldx;
      for (int j = 0; j < n; j++) {
        final double pivot = l[j * ldl + j];
        if (tau != null && !(Math.abs(pivot) > tau[j])) {
          X[row + j] = 0.0;
          continue;
        }
        final int rowL = j * ldl;
        double v = X[row + j];
        for (int k = 0; k < j; k++) {
          v -= l[rowL + k] * X[row + k];
        }
        X[row + j] = v / pivot;
      }
    }
  }

  /** X ← L⁻¹ X for a whole matrix X (n × cols, n = L's size). */
  public static void lower(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    lower(L, L.numRows, X.data, 0, X.numCols, X.numCols, tau);
  }

  /** X ← L⁻ᵀ X for a whole matrix X (n × cols, n = L's size). */
  public static void lowerTransposed(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    lowerTransposed(L, L.numRows, X.data, 0, X.numCols, X.numCols, tau);
  }

  /** X ← X L⁻¹ for a whole matrix X (rows × n, n = L's size). */
  public static void rightLower(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    rightLower(L, L.numRows, X.data, 0, X.numCols, X.numRows, tau);
  }

  /** X ← X L⁻ᵀ for a whole matrix X (rows × n, n = L's size). */
  public static void rightLowerTransposed(DMatrixRMaj L, DMatrixRMaj X, double[] tau) {
    rightLowerTransposed(L, L.numRows, X.data, 0, X.numCols, X.numRows, tau);
  }
}
