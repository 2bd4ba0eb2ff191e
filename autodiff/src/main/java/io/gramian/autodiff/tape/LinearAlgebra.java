package io.gramian.autodiff.tape;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix product and transpose with their adjoints and tangents.
 *
 * <pre>
 *   Y = A B   (n × k)(k × m):   Ā += Ȳ Bᵀ,   B̄ += Aᵀ Ȳ;    Ẏ = Ȧ B + A Ḃ
 *   Y = Aᵀ:                     Ā += Ȳᵀ;                  Ẏ = Ȧᵀ
 * </pre>
 */
final class LinearAlgebra {

  private LinearAlgebra() {}

  static Var times(Var a, Var b) {
    final DMatrixRMaj A = a.value;
    final DMatrixRMaj B = b.value;
    if (A.numCols != B.numRows) {
      throw new IllegalArgumentException(
          "times: ("
              + A.numRows
              + " × "
              + A.numCols
              + ")("
              + B.numRows
              + " × "
              + B.numCols
              + ") do not conform");
    }
    DMatrixRMaj Y = new DMatrixRMaj(A.numRows, B.numCols);
    CommonOps_DDRM.mult(A, B, Y);
    Pullback pullback =
        YBar -> {
          DMatrixRMaj ABar = a.adjointToUpdate();
          if (ABar != null) {
            CommonOps_DDRM.multAddTransB(YBar, B, ABar);
          }
          DMatrixRMaj BBar = b.adjointToUpdate();
          if (BBar != null) {
            CommonOps_DDRM.multAddTransA(A, YBar, BBar);
          }
        };
    Pushforward pushforward =
        YDot -> {
          if (a.tangent != null) {
            CommonOps_DDRM.multAdd(a.tangent, B, YDot);
          }
          if (b.tangent != null) {
            CommonOps_DDRM.multAdd(A, b.tangent, YDot);
          }
        };
    return a.tape.record("times", Y, pullback, pushforward, a, b);
  }

  static Var transpose(Var a) {
    final DMatrixRMaj A = a.value;
    DMatrixRMaj Y = CommonOps_DDRM.transpose(A, null);
    Pullback pullback =
        YBar -> {
          DMatrixRMaj ABar = a.adjointToUpdate();
          for (int i = 0; i < A.numRows; i++) {
            for (int j = 0; j < A.numCols; j++) {
              ABar.unsafe_set(i, j, ABar.unsafe_get(i, j) + YBar.unsafe_get(j, i));
            }
          }
        };
    Pushforward pushforward = YDot -> CommonOps_DDRM.transpose(a.tangent, YDot);
    return a.tape.record("transpose", Y, pullback, pushforward, a);
  }
}
