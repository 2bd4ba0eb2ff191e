package io.gramian.autodiff.tape;

import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Solves with a lower-triangular L (n × n, only its lower triangle is read) and their adjoints:
 *
 * <pre>
 *   X = L⁻¹ B   (n × m):   G = L⁻ᵀ X̄,   B̄ += G,   L̄ −= tril(G Xᵀ)
 *   X = L⁻ᵀ B   (n × m):   G = L⁻¹ X̄,   B̄ += G,   L̄ −= tril(X Gᵀ)
 * </pre>
 *
 * and their tangents {@code Ẋ = L⁻¹ (Ḃ − tril(L̇) X)} and {@code Ẋ = L⁻ᵀ (Ḃ − tril(L̇)ᵀ X)} (from
 * {@code L dX = dB − dL X} and {@code Lᵀ dX = dB − dLᵀ X}). Entries of L above the diagonal get no
 * adjoint. A zero pivot, or a solution that is not finite, is an {@link ArithmeticException} naming
 * the operation.
 */
final class TriangularSolves {

  private TriangularSolves() {}

  static Var lower(Var l, Var b) {
    return solve("solveLower", l, b, false);
  }

  static Var lowerTransposed(Var l, Var b) {
    return solve("solveLowerTransposed", l, b, true);
  }

  private static Var solve(String op, Var l, Var b, boolean transposed) {
    final DMatrixRMaj L = l.value;
    final DMatrixRMaj B = b.value;
    if (L.numRows != L.numCols || B.numRows != L.numRows) {
      throw new IllegalArgumentException(
          op
              + ": L is "
              + L.numRows
              + " × "
              + L.numCols
              + " and B "
              + B.numRows
              + " × "
              + B.numCols
              + "; L must be square with as many rows as B");
    }
    for (int i = 0; i < L.numRows; i++) {
      if (!(L.unsafe_get(i, i) != 0.0) || !Double.isFinite(L.unsafe_get(i, i))) {
        throw new ArithmeticException(
            op + ": pivot " + i + " of the triangular factor is " + L.unsafe_get(i, i));
      }
    }
    final DMatrixRMaj X = B.copy();
    solveInPlace(L, X, transposed);
    for (double v : X.data) {
      if (!Double.isFinite(v)) {
        throw new ArithmeticException(
            op + ": the solution is not finite (L is too ill-conditioned)");
      }
    }
    Pullback pullback =
        XBar -> {
          DMatrixRMaj G = XBar.copy();
          solveInPlace(L, G, !transposed); // G = L⁻ᵀ X̄ (or L⁻¹ X̄)
          DMatrixRMaj BBar = b.adjointToUpdate();
          if (BBar != null) {
            CommonOps_DDRM.addEquals(BBar, G);
          }
          DMatrixRMaj LBar = l.adjointToUpdate();
          if (LBar != null) {
            final int n = L.numRows;
            final int m = X.numCols;
            // lower: L̄_ij −= Σ_c G_ic X_jc;  transposed: L̄_ij −= Σ_c X_ic G_jc   (i ≥ j)
            DMatrixRMaj left = transposed ? X : G;
            DMatrixRMaj right = transposed ? G : X;
            for (int i = 0; i < n; i++) {
              for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int c = 0; c < m; c++) {
                  v += left.data[i * m + c] * right.data[j * m + c];
                }
                LBar.data[i * n + j] -= v;
              }
            }
          }
        };
    Pushforward pushforward =
        XDot -> {
          final int n = L.numRows;
          final int m = X.numCols;
          if (b.tangent != null) {
            XDot.setTo(b.tangent);
          }
          if (l.tangent != null) {
            final double[] lDot = l.tangent.data;
            // lower: Ẋ_ic −= Σ_{j ≤ i} L̇_ij X_jc;  transposed: Ẋ_ic −= Σ_{j ≥ i} L̇_ji X_jc
            for (int i = 0; i < n; i++) {
              for (int c = 0; c < m; c++) {
                double v = 0;
                if (transposed) {
                  for (int j = i; j < n; j++) {
                    v += lDot[j * n + i] * X.data[j * m + c];
                  }
                } else {
                  for (int j = 0; j <= i; j++) {
                    v += lDot[i * n + j] * X.data[j * m + c];
                  }
                }
                XDot.data[i * m + c] -= v;
              }
            }
          }
          solveInPlace(L, XDot, transposed);
        };
    return l.tape.record(op, X, pullback, pushforward, l, b);
  }

  private static void solveInPlace(DMatrixRMaj L, DMatrixRMaj X, boolean transposed) {
    if (transposed) {
      TriangularSolve.lowerTransposed(L, X, null);
    } else {
      TriangularSolve.lower(L, X, null);
    }
  }
}
