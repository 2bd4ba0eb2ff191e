package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * A sum of outer products added to a block of a matrix in groups:
 *
 * <pre>
 *   T[r0 + i, c0 + j] += α Σ_b u_b,i v_b,j       u_b: rows,  v_b: cols,  α = ±1
 * </pre>
 *
 * The reverse sweep's steady-state steps each add one outer product to F̄, H̄ and the frozen C̄_Σ;
 * added one by one, each reads and writes every entry of its target (rows × cols loads and stores
 * per step for rows × cols products). Here up to {@link #GROUP} of them are kept and added as one
 * product {@code U V} ({@link BlockProduct#denseMultAdd}, four rows by four columns of sums in
 * flight), which reads and writes the target once per group. The sum is the same up to rounding
 * (its terms are grouped differently). A change of target adds the kept products first. Allocates
 * nothing per step. Not thread-safe.
 */
final class OuterProductSum {

  /** Outer products kept before they are added. */
  static final int GROUP = 16;

  private final int rows;
  private final int cols;
  private final double alpha;
  private final double[] u; // rows × GROUP: column b is u_b
  private final double[] v; // GROUP × cols: row b is v_b
  private int count;
  private int[] entries;
  private DMatrixRMaj target;
  private int targetOffset;
  private int targetStride;

  /**
   * @param rows the length of each u
   * @param cols the length of each v
   * @param alpha 1 or −1
   */
  OuterProductSum(int rows, int cols, double alpha) {
    if (alpha != 1.0 && alpha != -1.0) {
      throw new IllegalArgumentException("α must be 1 or −1, not " + alpha);
    }
    this.rows = rows;
    this.cols = cols;
    this.alpha = alpha;
    u = new double[Math.max(rows, 1) * GROUP];
    v = new double[GROUP * Math.max(cols, 1)];
  }

  /**
   * Adds {@code α u vᵀ} to the block of {@code target} whose entry (i, j) is {@code
   * target.data[offset + i · stride + j]}, now or with the next group.
   *
   * @param uData u's entries from {@code uOffset}, {@code rows} of them. Not modified.
   * @param vData v's entries from {@code vOffset}, {@code cols} of them. Not modified.
   */
  void add(
      DMatrixRMaj target,
      int offset,
      int stride,
      double[] uData,
      int uOffset,
      double[] vData,
      int vOffset) {
    add(target, offset, stride, uData, uOffset, vData, vOffset, null);
  }

  /**
   * As {@link #add(DMatrixRMaj, int, int, double[], int, double[], int)}, for the block's entries
   * {@code i · cols + j} listed in {@code entries} alone (null: all of them): each listed entry
   * gets the same terms in the same order as when all are formed, so the same bits.
   *
   * @param entries row-major indices into the block, or null. Not modified; kept until the flush.
   */
  void add(
      DMatrixRMaj target,
      int offset,
      int stride,
      double[] uData,
      int uOffset,
      double[] vData,
      int vOffset,
      int[] entries) {
    if (count > 0
        && (target != this.target
            || offset != targetOffset
            || stride != targetStride
            || entries != this.entries)) {
      flush();
    }
    this.entries = entries;
    this.target = target;
    targetOffset = offset;
    targetStride = stride;
    for (int i = 0; i < rows; i++) {
      u[i * GROUP + count] = uData[uOffset + i];
    }
    System.arraycopy(vData, vOffset, v, count * cols, cols);
    if (++count == GROUP) {
      flush();
    }
  }

  /** Adds the kept outer products to their target. */
  void flush() {
    if (count == 0) {
      return;
    }
    if (entries == null) {
      BlockProduct.denseMultAdd(
          alpha,
          rows,
          count,
          cols,
          u,
          0,
          GROUP,
          v,
          0,
          cols,
          target.data,
          targetOffset,
          targetStride);
    } else {
      multAddAtEntries(
          alpha,
          entries,
          cols,
          count,
          u,
          0,
          GROUP,
          v,
          cols,
          target.data,
          targetOffset,
          targetStride);
    }
    count = 0;
  }

  /**
   * C += α U V at the listed entries of C alone (U rows × inner, V inner × cols, α = ±1), each with
   * {@link BlockProduct#denseMultAdd}'s sum: from the entry, the terms in increasing b (for α = −1
   * on the negated entry, negated back), so the same bits as the whole product gives it.
   *
   * @param entries row-major indices {@code i · cols + j} into C. Not modified.
   */
  static void multAddAtEntries(
      double alpha,
      int[] entries,
      int cols,
      int inner,
      double[] u,
      int uOffset,
      int uStride,
      double[] v,
      int vStride,
      double[] c,
      int cOffset,
      int cStride) {
    for (int e : entries) {
      final int i = e / cols;
      final int j = e % cols;
      final int at = cOffset + i * cStride + j;
      final int row = uOffset + i * uStride;
      double sum = alpha < 0 ? -c[at] : c[at];
      for (int b = 0; b < inner; b++) {
        sum += u[row + b] * v[b * vStride + j];
      }
      c[at] = alpha < 0 ? -sum : sum;
    }
  }

  /** Drops the kept outer products (a sweep starting over after an exception). */
  void clear() {
    count = 0;
    target = null;
    entries = null;
  }
}
