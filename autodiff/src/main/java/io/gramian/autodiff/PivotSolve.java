package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * Triangular solves with the lower-triangular {@code L} that skip pivots at or below their
 * thresholds τ_j. With {@code J = { j : |L_jj| > τ_j }}:
 *
 * <pre>
 *   forward:             K[J,:] = L[J,J]⁻¹ W[J,:],    K[not J,:] = 0
 *   backwardTransposed:  X[J,:] = L[J,J]⁻ᵀ Z[J,:],    X[not J,:] = 0
 * </pre>
 *
 * A {@code null} τ keeps every pivot (the unmasked solve), so a zero pivot divides by zero.
 */
final class PivotSolve {

  private PivotSolve() {}

  /**
   * Forward substitution {@code K = E_J L_JJ⁻¹ E_Jᵀ W}.
   *
   * @param L n × n lower triangular. Not modified.
   * @param W n × p. Not modified.
   * @param K output, reshaped to n × p; must not alias W. Modified.
   * @param tau pivot j is skipped when {@code |L_jj| ≤ tau[j]}; {@code null} keeps all
   */
  static void forward(DMatrixRMaj L, DMatrixRMaj W, DMatrixRMaj K, double[] tau) {
    final int n = L.numRows;
    final int p = W.numCols;
    K.reshape(n, p);
    final double[] l = L.data;
    final double[] k = K.data;
    final double[] w = W.data;
    for (int i = 0; i < n; i++) {
      int rowI = i * p;
      double pivot = l[i * n + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        for (int c = 0; c < p; c++) {
          k[rowI + c] = 0.0;
        }
        continue;
      }
      for (int c = 0; c < p; c++) {
        k[rowI + c] = w[rowI + c];
      }
      for (int j = 0; j < i; j++) {
        double lij = l[i * n + j];
        if (lij == 0.0) {
          continue;
        }
        int rowJ = j * p;
        for (int c = 0; c < p; c++) {
          k[rowI + c] -= lij * k[rowJ + c];
        }
      }
      for (int c = 0; c < p; c++) {
        k[rowI + c] /= pivot;
      }
    }
  }

  /**
   * Backward substitution with the transpose, {@code X = E_J L_JJ⁻ᵀ E_Jᵀ Z}.
   *
   * @param L n × n lower triangular. Not modified.
   * @param Z n × p. Not modified.
   * @param X output, reshaped to n × p; must not alias Z. Modified.
   * @param tau pivot j is skipped when {@code |L_jj| ≤ tau[j]}; {@code null} keeps all
   */
  static void backwardTransposed(DMatrixRMaj L, DMatrixRMaj Z, DMatrixRMaj X, double[] tau) {
    final int n = L.numRows;
    final int p = Z.numCols;
    X.reshape(n, p);
    final double[] l = L.data;
    final double[] x = X.data;
    final double[] z = Z.data;
    for (int i = n - 1; i >= 0; i--) {
      int rowI = i * p;
      double pivot = l[i * n + i];
      if (tau != null && !(Math.abs(pivot) > tau[i])) {
        for (int c = 0; c < p; c++) {
          x[rowI + c] = 0.0;
        }
        continue;
      }
      for (int c = 0; c < p; c++) {
        x[rowI + c] = z[rowI + c];
      }
      for (int j = i + 1; j < n; j++) {
        double lji = l[j * n + i];
        if (lji == 0.0) {
          continue;
        }
        int rowJ = j * p;
        for (int c = 0; c < p; c++) {
          x[rowI + c] -= lji * x[rowJ + c];
        }
      }
      for (int c = 0; c < p; c++) {
        x[rowI + c] /= pivot;
      }
    }
  }
}
