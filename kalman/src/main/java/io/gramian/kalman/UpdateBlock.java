package io.gramian.kalman;

import io.gramian.autodiff.BlockProduct;
import org.ejml.data.DMatrixRMaj;

/**
 * The update block of {@code docs/filter.md} ("One step") on the p observed entries {@code
 * index[0..p)} of y, written once for the filter and its tangent sweep:
 *
 * <pre>
 *   M_u  = [[H S⁻, cholR], [S⁻, 0]]                 (p + nx) × (s + r)
 *   dM_u = [[dH S⁻ + H dS⁻, dcholR], [dS⁻, 0]]
 * </pre>
 *
 * where H and cholR keep only the observed rows (H ny × nx, cholR ny × r, S⁻ nx × s). Its
 * triangularisation is {@code [[A, 0], [C, D]]}: {@code A Aᵀ} the innovation covariance (p × p),
 * {@code C = P⁻ Hᵀ A⁻ᵀ} the gain block, {@code D Dᵀ = P⁺}. Allocates nothing.
 */
final class UpdateBlock {

  private UpdateBlock() {}

  /**
   * M_u for the observed rows {@code index[0 .. p)} (the primal {@link #tangent}), for a caller
   * that knows whether H is mostly nonzero, and that learns whether the block's last nx rows have
   * the shape rotations need: for a dense H, {@code H S} as dot products ({@link
   * BlockProduct#denseMultInto}, without the scan of H for zeros or the per-term tests of the
   * general product, whose result it equals up to the sign of an exact zero); and S⁻ is checked
   * lower triangular and finite as it is copied below them.
   *
   * @param S S⁻, nx × s. Not modified.
   * @param M reshaped to (p + nx) × (s + r). Modified.
   * @return whether the last nx rows are {@code [S⁻, 0]} with S⁻ square, lower triangular and
   *     finite (for {@code AppendedRowsTria.decompose(factors, p, lowerRowsKnown)})
   */
  static boolean build(
      DMatrixRMaj H,
      boolean hDense,
      DMatrixRMaj cholR,
      int[] index,
      int p,
      DMatrixRMaj S,
      DMatrixRMaj M) {
    final int nx = H.numCols;
    final int s = S.numCols;
    final int r = cholR.numCols;
    final int cols = s + r;
    M.reshape(p + nx, cols, false);
    final double[] m = M.data;
    if (hDense) {
      BlockProduct.denseMultInto(p, nx, s, H.data, index, 0, 0, nx, S.data, 0, s, m, 0, cols);
      noiseColumns(cholR, index, 0, p, M, s);
    } else {
      observationRows(H, null, cholR, index, 0, p, S, null, M);
    }
    return lowerRows(S, M, p);
  }

  /**
   * M's last nx rows = [S, 0], copied row by row; returns whether S is square, zero above its
   * diagonal and finite on and below it (checked in the same pass).
   */
  private static boolean lowerRows(DMatrixRMaj S, DMatrixRMaj M, int p) {
    final int nx = S.numRows;
    final int s = S.numCols;
    final int cols = M.numCols;
    final double[] m = M.data;
    final double[] sd = S.data;
    boolean shape = s == nx;
    for (int i = 0; i < nx; i++) {
      final int out = (p + i) * cols;
      final int in = i * s;
      for (int j = 0; j < s; j++) {
        final double v = sd[in + j];
        m[out + j] = v;
        if (j <= i ? !Double.isFinite(v) : v != 0.0) {
          shape = false;
        }
      }
      java.util.Arrays.fill(m, out + s, out + cols, 0.0);
    }
    return shape;
  }

  /**
   * dM_u for the observed rows {@code index[offset .. offset + p)}.
   *
   * @param dH tangent of H, or {@code null} for none
   * @param dcholR tangent of cholR (or cholR itself, for the primal block)
   * @param dS dS⁻ (nx × s), or {@code null} for the primal block (then the lower rows are S⁻)
   * @param dM reshaped to (p + nx) × (s + r). Modified.
   */
  static void tangent(
      DMatrixRMaj H,
      DMatrixRMaj dH,
      DMatrixRMaj dcholR,
      int[] index,
      int offset,
      int p,
      DMatrixRMaj S,
      DMatrixRMaj dS,
      DMatrixRMaj dM) {
    final int nx = H.numCols;
    final int s = S.numCols;
    final int cols = s + dcholR.numCols;
    dM.reshape(p + nx, cols, false);
    observationRows(H, dH, dcholR, index, offset, p, S, dS, dM);
    final double[] m = dM.data;
    DMatrixRMaj lower = dS == null ? S : dS;
    for (int i = 0; i < nx; i++) {
      final int out = (p + i) * cols;
      System.arraycopy(lower.data, i * s, m, out, s);
      java.util.Arrays.fill(m, out + s, out + cols, 0.0);
    }
  }

  /**
   * The top p rows alone, {@code [H S, cholR]} on the observed rows (or their tangent {@code [dH S
   * + H dS, dcholR]}, arguments as {@link #tangent}): the block whose triangularisation is the
   * innovation factor A, for the forecaster and the filter's results.
   *
   * @param M its first p rows are written; M must have s + r columns. Modified.
   */
  static void observationRows(
      DMatrixRMaj H,
      DMatrixRMaj dH,
      DMatrixRMaj dcholR,
      int[] index,
      int offset,
      int p,
      DMatrixRMaj S,
      DMatrixRMaj dS,
      DMatrixRMaj M) {
    final int s = S.numCols;
    final int r = dcholR.numCols;
    final int cols = s + r;
    final double[] m = M.data;
    final int nx = H.numCols;
    if (dS == null && dH == null) {
      // H S on the observed rows of H
      BlockProduct.multInto(p, nx, s, H.data, index, offset, 0, nx, S.data, 0, s, m, 0, cols);
    } else {
      // H dS (or H S), to which dH S is added below
      for (int i = 0; i < p; i++) {
        java.util.Arrays.fill(m, i * cols, i * cols + s, 0.0);
      }
      DMatrixRMaj first = dS == null ? S : dS;
      BlockProduct.multAdd(
          1.0, p, nx, s, H.data, index, offset, 0, nx, first.data, 0, s, m, 0, cols);
    }
    if (dH != null) {
      BlockProduct.multAdd(1.0, p, nx, s, dH.data, index, offset, 0, nx, S.data, 0, s, m, 0, cols);
    }
    noiseColumns(dcholR, index, offset, p, M, s);
  }

  /** M's first p rows, columns s .. s + r = the observed rows of cholR (or of its tangent). */
  private static void noiseColumns(
      DMatrixRMaj cholR, int[] index, int offset, int p, DMatrixRMaj M, int s) {
    final int r = cholR.numCols;
    final int cols = M.numCols;
    for (int i = 0; i < p; i++) {
      System.arraycopy(cholR.data, index[offset + i] * r, M.data, i * cols + s, r);
    }
  }
}
