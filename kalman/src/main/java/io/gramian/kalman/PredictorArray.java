package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * The one-step predictor's array of {@code docs/filter.md} ("One step"): the update of step t and
 * the predict to t + 1 as one triangularisation, for a sweep that needs neither the filtered
 * moments nor the derivatives of the two blocks (ℓ alone):
 *
 * <pre>
 *   M_a = [[H S⁻, cholR, 0], [F S⁻, 0, cholQ]]            (p + nx) × (s + r + q)
 *   tria(M_a) = [[A, 0], [K̄, S⁻_{t+1}]]
 *   W = A⁻¹ E,   X⁻_{t+1} = F X⁻ + [c, 0] + K̄ W
 * </pre>
 *
 * Its Gramian is {@code [[H P⁻ Hᵀ + R, H P⁻ Fᵀ], [F P⁻ Hᵀ, F P⁻ Fᵀ + Q]] = [[A Aᵀ, A K̄ᵀ], [K̄ Aᵀ,
 * K̄ K̄ᵀ + S⁻_{t+1} S⁻_{t+1}ᵀ]]}: A is the update block's innovation factor ({@link UpdateBlock}),
 * {@code K̄ = F P⁻ Hᵀ A⁻ᵀ = F C} its gain block carried through F, and {@code S⁻_{t+1} S⁻_{t+1}ᵀ =
 * F (P⁻ − C Cᵀ) Fᵀ + Q = F P⁺ Fᵀ + Q}, the predict's. H and cholR keep only the observed rows
 * {@code index[0..p)} (H ny × nx, cholR ny × r, F nx × nx, cholQ nx × q, S⁻ nx × s). Allocates
 * nothing.
 */
final class PredictorArray {

  private PredictorArray() {}

  /**
   * Writes M_a: the observed rows' {@code H S⁻} as dot products for a mostly nonzero H ({@link
   * BlockProduct#denseMultInto}) or by the general product, and {@code F S⁻} at the listed nonzeros
   * of F or as dot products ({@link TransitionNonzeros}), or by the general product for an F listed
   * at no sweep.
   *
   * @param hDense whether H is known to be mostly nonzero
   * @param fNonzeros F's nonzeros, listed, or null to form {@code F S⁻} by the general product
   * @param S S⁻, nx × s. Not modified.
   * @param sLower whether S⁻ is known to be lower triangular (a triangularisation's factor: every
   *     step's after the first), so that the dot products need not scan it
   * @param M reshaped to (p + nx) × (s + r + q). Modified.
   */
  static void build(
      DMatrixRMaj H,
      boolean hDense,
      DMatrixRMaj cholR,
      int[] index,
      int p,
      DMatrixRMaj F,
      TransitionNonzeros fNonzeros,
      DMatrixRMaj S,
      boolean sLower,
      DMatrixRMaj cholQ,
      DMatrixRMaj M) {
    final int nx = F.numRows;
    final int s = S.numCols;
    final int r = cholR.numCols;
    final int q = cholQ.numCols;
    final int cols = s + r + q;
    M.reshape(p + nx, cols, false);
    final double[] m = M.data;
    // [H S⁻, cholR, 0] on the observed rows
    if (hDense) {
      BlockProduct.denseMultInto(
          p, nx, s, H.data, index, 0, 0, nx, S.data, 0, s, m, 0, cols, sLower);
    } else {
      BlockProduct.multInto(p, nx, s, H.data, index, 0, 0, nx, S.data, 0, s, m, 0, cols);
    }
    for (int i = 0; i < p; i++) {
      final int row = i * cols;
      System.arraycopy(cholR.data, index[i] * r, m, row + s, r);
      java.util.Arrays.fill(m, row + s + r, row + cols, 0.0);
    }
    // [F S⁻, 0, cholQ]
    final int state = p * cols;
    if (fNonzeros == null) {
      BlockProduct.multInto(nx, nx, s, F.data, null, 0, 0, nx, S.data, 0, s, m, state, cols);
    } else if (fNonzeros.dense()) {
      BlockProduct.denseMultInto(
          nx, nx, s, F.data, null, 0, 0, nx, S.data, 0, s, m, state, cols, sLower);
    } else {
      fNonzeros.timesInto(S.data, s, s, m, state, cols);
    }
    for (int i = 0; i < nx; i++) {
      final int row = state + i * cols;
      java.util.Arrays.fill(m, row + s, row + s + r, 0.0);
      System.arraycopy(cholQ.data, i * q, m, row + s + r, q);
    }
  }
}
