package io.gramian.autodiff;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Seeded random matrices and small helpers for the tria tests. */
final class TestMatrices {

  private TestMatrices() {}

  static DMatrixRMaj gaussian(Random rng, int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = rng.nextGaussian();
    }
    return A;
  }

  /** A random n × m matrix of exact rank r, as a product (n × r)(r × m) of Gaussians. */
  static DMatrixRMaj ofRank(Random rng, int n, int m, int r) {
    if (r == 0) {
      return new DMatrixRMaj(n, m);
    }
    return CommonOps_DDRM.mult(gaussian(rng, n, r), gaussian(rng, r, m), null);
  }

  static double inner(DMatrixRMaj A, DMatrixRMaj B) {
    double s = 0;
    for (int i = 0; i < A.getNumElements(); i++) {
      s += A.data[i] * B.data[i];
    }
    return s;
  }

  static double norm(DMatrixRMaj A) {
    return Math.sqrt(inner(A, A));
  }

  static DMatrixRMaj gram(DMatrixRMaj M) {
    return CommonOps_DDRM.multTransB(M, M, null);
  }

  /** {@code A Bᵀ + B Aᵀ}. */
  static DMatrixRMaj symmetricProduct(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj S = CommonOps_DDRM.multTransB(A, B, null);
    CommonOps_DDRM.multAddTransB(B, A, S);
    return S;
  }

  /** ‖A − B‖_F / ‖B‖_F (or the absolute error when B = 0). */
  static double relativeError(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj D = CommonOps_DDRM.subtract(A, B, null);
    double scale = norm(B);
    return scale == 0 ? norm(D) : norm(D) / scale;
  }

  static boolean allFinite(DMatrixRMaj A) {
    for (int i = 0; i < A.getNumElements(); i++) {
      if (!Double.isFinite(A.data[i])) {
        return false;
      }
    }
    return true;
  }

  static DMatrixRMaj of(double[][] rows) {
    return new DMatrixRMaj(rows);
  }
}
