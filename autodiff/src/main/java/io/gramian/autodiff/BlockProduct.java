package io.gramian.autodiff;

/**
 * The product of the filter's blocks, skipping the zeros they are made of:
 *
 * <pre>
 *   C += α A B        A rows × inner,  B inner × cols,  C rows × cols
 * </pre>
 *
 * on row-major arrays addressed by offset and row stride, so that a block of a larger matrix is
 * read or written in place. A zero entry of A skips its row of B, and each row of B is used only up
 * to its last nonzero: a lower-triangular factor (S, L, cholQ) or a block with a zero right part
 * ({@code [S, 0]}) costs what its nonzeros cost, half of a dense product for a triangle. Each entry
 * of C receives its terms in increasing k, as an i-k-j product adds them, so skipping changes no
 * digit: the skipped terms are exact zeros. (A zero of A times an infinite or NaN entry of B is
 * skipped too, where a dense product would give NaN; the filter's blocks are checked finite where
 * they are triangularised.)
 *
 * <p>Loops run with k outermost, so each row of B is scanned for its last nonzero once. Allocates
 * nothing.
 */
public final class BlockProduct {

  private BlockProduct() {}

  /**
   * C += α A B, A's rows read consecutively.
   *
   * @param a A's storage; row i starts at {@code aOffset + i · aStride}. Not modified.
   * @param b B's storage; row k starts at {@code bOffset + k · bStride}. Not modified.
   * @param c C's storage; row i starts at {@code cOffset + i · cStride}. Modified.
   */
  public static void multAdd(
      double alpha,
      int rows,
      int inner,
      int cols,
      double[] a,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    multAdd(
        alpha, rows, inner, cols, a, null, 0, aOffset, aStride, b, bOffset, bStride, c, cOffset,
        cStride);
  }

  /**
   * C += α A B where row i of A is row {@code aRows[aRowsOffset + i]} of a larger matrix (the
   * observed rows of H), or row i itself when {@code aRows} is null.
   *
   * @param aRows indices of A's rows in {@code a}, or {@code null}. Not modified.
   */
  public static void multAdd(
      double alpha,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    for (int k = 0; k < inner; k++) {
      final int rowB = bOffset + k * bStride;
      int end = cols;
      while (end > 0 && b[rowB + end - 1] == 0.0) {
        end--;
      }
      if (end == 0) {
        continue;
      }
      for (int i = 0; i < rows; i++) {
        int rowA = aRows == null ? i : aRows[aRowsOffset + i];
        double aik = a[aOffset + rowA * aStride + k];
        if (aik == 0.0) {
          continue;
        }
        aik *= alpha;
        final int rowC = cOffset + i * cStride;
        for (int j = 0; j < end; j++) {
          c[rowC + j] += aik * b[rowB + j];
        }
      }
    }
  }
}
