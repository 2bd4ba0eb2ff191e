package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Moore–Penrose pseudoinverse {@code L⁺ = V Σ⁺ Uᵀ} of a square {@code L} by SVD, with singular
 * values at or below {@link RankThreshold#tau} set to zero. Used only by {@link
 * TriaRule#PSEUDOINVERSE}, the published rule kept for reference.
 */
final class PseudoInverse {

  private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
  private final DMatrixRMaj work;
  private final DMatrixRMaj U;
  private final DMatrixRMaj V;
  private final DMatrixRMaj result;

  PseudoInverse(int maxSize) {
    svd = DecompositionFactory_DDRM.svd(maxSize, maxSize, true, true, false);
    work = new DMatrixRMaj(maxSize, maxSize);
    U = new DMatrixRMaj(maxSize, maxSize);
    V = new DMatrixRMaj(maxSize, maxSize);
    result = new DMatrixRMaj(maxSize, maxSize);
  }

  /** Computes {@code L⁺}; read it with {@link #result()}. {@code L} is not modified. */
  void compute(DMatrixRMaj L) {
    final int n = L.numRows;
    work.setTo(L);
    if (!svd.decompose(work)) {
      throw new ArithmeticException(
          "pseudoinverse: the SVD of an " + n + " × " + n + " factor did not converge");
    }
    svd.getU(U, false);
    svd.getV(V, false);
    double[] s = svd.getSingularValues();
    int count = svd.numberOfSingularValues();
    double largest = 0;
    for (int i = 0; i < count; i++) {
      largest = Math.max(largest, s[i]);
    }
    double tau = RankThreshold.tau(n, n, largest);
    // V Σ⁺: scale columns of V.
    for (int i = 0; i < count; i++) {
      double inv = s[i] > tau ? 1.0 / s[i] : 0.0;
      for (int r = 0; r < n; r++) {
        V.unsafe_set(r, i, V.unsafe_get(r, i) * inv);
      }
    }
    CommonOps_DDRM.multTransB(V, U, result);
  }

  /** {@code L⁺}, n × n, valid until the next {@link #compute}. */
  DMatrixRMaj result() {
    return result;
  }
}
