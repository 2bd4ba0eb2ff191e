package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * The adjoints of H and F of the steps taken as the predictor's array ({@link PredictorArray}),
 * summed over time in groups of steps:
 *
 * <pre>
 *   [H̄; F̄] += Σ_t U_t V_t
 *   U_t = [[(K J)[:p], −Ē], [(K J)[p:], X̄⁻_{t+1}]]    (ny + nx) × (nx + w), H's rows at their index
 *   V_t = [S⁻_t S⁻_tᵀ; X⁻_tᵀ]                          (nx + w) × nx
 * </pre>
 *
 * which is {@code H̄ += M̄_a[:p, :s] S⁻ᵀ − Ē X⁻ᵀ} and {@code F̄ += M̄_a[p:, :s] S⁻ᵀ + X̄⁻_{t+1}
 * X⁻ᵀ} with {@code M̄_a[:, :s] = (K J) S⁻} ({@link ReverseSweep}'s array step), the product {@code
 * (K J) S⁻ S⁻ᵀ} taken through P⁻ = S⁻ S⁻ᵀ. Step by step, the two products {@code (K J) S⁻} and
 * {@code M̄ S⁻ᵀ} are small and short (at nx = 5, five-term sums); here each step adds a block of
 * columns to U and of rows to V, and a group is added as one product {@code U V} ({@link
 * BlockProduct#denseMultAdd}) with sums as long as the group, reading and writing H̄ and F̄ once
 * per group. The observed rows of H take their step's entries; the others take zeros. Only for an
 * accumulator that sums over time ({@link AdjointAccumulator#sumsOverTime}): a step's additions
 * land after the steps before it are walked back. The sum is that of the step-by-step products up
 * to rounding (its terms are grouped differently). Allocates nothing per step. Not thread-safe.
 */
final class ArrayAdjointSum {

  /** Inner entries (columns of U, rows of V) kept before a group is added: ten steps at nx = 5. */
  static final int CAPACITY = 64;

  private final int ny;
  private final int nx;
  private final int capacity;
  private final double[] u; // (ny + nx) × capacity: H's rows, then F's
  private final double[] v; // capacity × nx
  private int used;
  private DMatrixRMaj hBar;
  private DMatrixRMaj fBar;
  private int[] fEntries;

  ArrayAdjointSum(int ny, int nx, int meanCols) {
    this.ny = ny;
    this.nx = nx;
    capacity = Math.max(CAPACITY, nx + meanCols);
    u = new double[(ny + nx) * capacity];
    v = new double[capacity * nx];
  }

  /**
   * Adds step t's U_t and V_t, or first the kept group when the targets change or U is full.
   *
   * @param HBar H̄ (ny × nx), or null when not wanted. Added to at the flush.
   * @param FBar F̄ (nx × nx), or null when not wanted. Added to at the flush.
   * @param fEntries F̄'s entries to form (row-major indices), or null for all. Kept until the
   *     flush.
   * @param kj K J, (p + nx) × nx: the observed rows' p rows first. Not modified.
   * @param index the observed rows of H, {@code index[io .. io + p)}. Not modified.
   * @param eBar Ē, p × w. Not modified.
   * @param xBarNext X̄⁻_{t+1}, nx × w. Not modified.
   * @param sPred S⁻_t, nx × s. Not modified.
   * @param sLower whether S⁻_t is lower triangular (its entries above the diagonal zero)
   * @param xPred X⁻_t, nx × w. Not modified.
   */
  void add(
      DMatrixRMaj HBar,
      DMatrixRMaj FBar,
      int[] fEntries,
      double[] kj,
      int[] index,
      int io,
      int p,
      double[] eBar,
      double[] xBarNext,
      int w,
      DMatrixRMaj sPred,
      boolean sLower,
      double[] xPred) {
    if (HBar == null && FBar == null) {
      return;
    }
    if (used > 0 && (HBar != hBar || FBar != fBar || fEntries != this.fEntries)) {
      flush();
    }
    final int k = nx + w;
    if (used + k > capacity) {
      flush();
    }
    hBar = HBar;
    fBar = FBar;
    this.fEntries = fEntries;
    if (HBar != null) {
      if (p < ny) { // the unobserved rows' entries are zero (an earlier group's are in U)
        for (int r = 0; r < ny; r++) {
          java.util.Arrays.fill(u, r * capacity + used, r * capacity + used + k, 0.0);
        }
      }
      for (int i = 0; i < p; i++) {
        final int at = index[io + i] * capacity + used;
        System.arraycopy(kj, i * nx, u, at, nx);
        for (int c = 0; c < w; c++) {
          u[at + nx + c] = -eBar[i * w + c];
        }
      }
    }
    if (FBar != null) {
      for (int r = 0; r < nx; r++) {
        final int at = (ny + r) * capacity + used;
        System.arraycopy(kj, (p + r) * nx, u, at, nx);
        System.arraycopy(xBarNext, r * w, u, at + nx, w);
      }
    }
    BlockProduct.gramian(nx, sPred.numCols, sPred.data, sLower, v, used * nx); // rows of V: P⁻
    for (int c = 0; c < w; c++) {
      final int at = (used + nx + c) * nx;
      for (int j = 0; j < nx; j++) {
        v[at + j] = xPred[j * w + c];
      }
    }
    used += k;
  }

  /** Adds the kept group to H̄ and F̄. */
  void flush() {
    if (used == 0) {
      return;
    }
    if (hBar != null) {
      BlockProduct.denseMultAdd(1.0, ny, used, nx, u, 0, capacity, v, 0, nx, hBar.data, 0, nx);
    }
    if (fBar != null && fEntries == null) {
      BlockProduct.denseMultAdd(
          1.0, nx, used, nx, u, ny * capacity, capacity, v, 0, nx, fBar.data, 0, nx);
    } else if (fBar != null) {
      OuterProductSum.multAddAtEntries(
          1.0, fEntries, nx, used, u, ny * capacity, capacity, v, nx, fBar.data, 0, nx);
    }
    used = 0;
  }

  /** Drops the kept group (a sweep starting over after an exception). */
  void clear() {
    used = 0;
    hBar = null;
    fBar = null;
    fEntries = null;
  }
}
