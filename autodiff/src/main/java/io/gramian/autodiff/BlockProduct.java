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
      int i = 0;
      // Four rows of C at once where their entries of A are all nonzero (a dense A): one read of
      // B's row serves four updates. Rows with a zero entry go one at a time, skipping it.
      for (; i + 3 < rows; i += 4) {
        final double a0 = a[aOffset + row(aRows, aRowsOffset, i) * aStride + k];
        final double a1 = a[aOffset + row(aRows, aRowsOffset, i + 1) * aStride + k];
        final double a2 = a[aOffset + row(aRows, aRowsOffset, i + 2) * aStride + k];
        final double a3 = a[aOffset + row(aRows, aRowsOffset, i + 3) * aStride + k];
        if (a0 == 0.0 || a1 == 0.0 || a2 == 0.0 || a3 == 0.0) {
          for (int r = i; r < i + 4; r++) {
            addRow(
                alpha,
                a,
                aRows,
                aRowsOffset,
                aOffset,
                aStride,
                k,
                r,
                end,
                b,
                rowB,
                c,
                cOffset,
                cStride);
          }
          continue;
        }
        final double s0 = alpha * a0;
        final double s1 = alpha * a1;
        final double s2 = alpha * a2;
        final double s3 = alpha * a3;
        final int c0 = cOffset + i * cStride;
        final int c1 = c0 + cStride;
        final int c2 = c1 + cStride;
        final int c3 = c2 + cStride;
        for (int j = 0; j < end; j++) {
          final double bkj = b[rowB + j];
          c[c0 + j] += s0 * bkj;
          c[c1 + j] += s1 * bkj;
          c[c2 + j] += s2 * bkj;
          c[c3 + j] += s3 * bkj;
        }
      }
      for (; i < rows; i++) {
        addRow(
            alpha,
            a,
            aRows,
            aRowsOffset,
            aOffset,
            aStride,
            k,
            i,
            end,
            b,
            rowB,
            c,
            cOffset,
            cStride);
      }
    }
  }

  private static int row(int[] aRows, int aRowsOffset, int i) {
    return aRows == null ? i : aRows[aRowsOffset + i];
  }

  /** Row i of C += α A_ik B[k, 0..end), skipped when A_ik is zero. */
  private static void addRow(
      double alpha,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      int k,
      int i,
      int end,
      double[] b,
      int rowB,
      double[] c,
      int cOffset,
      int cStride) {
    double aik = a[aOffset + row(aRows, aRowsOffset, i) * aStride + k];
    if (aik == 0.0) {
      return;
    }
    aik *= alpha;
    final int rowC = cOffset + i * cStride;
    for (int j = 0; j < end; j++) {
      c[rowC + j] += aik * b[rowB + j];
    }
  }
}
