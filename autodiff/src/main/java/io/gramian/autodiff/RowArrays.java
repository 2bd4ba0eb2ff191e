package io.gramian.autodiff;

/**
 * A workspace of row arrays (a matrix kept one array per row, all of one width), grown and never
 * shrunk: the kernels that keep their working copy so ({@link SparseHouseholderTria}, {@link
 * AppendedRowsTria}, {@link BlockProduct}'s row updates) do, because a loop over two arrays indexed
 * alike compiles to vector instructions where one over a flat array at two offsets does not.
 */
final class RowArrays {

  private RowArrays() {}

  /**
   * {@code a} if it holds at least {@code rows} arrays of at least {@code cols} entries, else a new
   * workspace of the larger of each dimension (at least 1 × 1). The entries of a new one are zero.
   *
   * @param a the workspace so far, or {@code null} for none
   */
  static double[][] atLeast(double[][] a, int rows, int cols) {
    final int haveRows = a == null ? 0 : a.length;
    final int haveCols = haveRows == 0 ? 0 : a[0].length;
    if (haveRows >= rows && haveCols >= cols && haveRows > 0) {
      return a;
    }
    return new double[Math.max(Math.max(rows, haveRows), 1)][Math.max(Math.max(cols, haveCols), 1)];
  }
}
