package io.gramian.autodiff.testing;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The blocks the filter triangularises, built from their parts for the kernels' tests: the predict
 * block {@code [F S, cholQ]}, the update block {@code [[H S, cholR], [S, 0]]}, and the factors they
 * are made of.
 */
public final class FilterBlocks {

  private FilterBlocks() {}

  /** [F S, cholQ]. */
  public static DMatrixRMaj predictBlock(DMatrixRMaj F, DMatrixRMaj S, DMatrixRMaj cholQ) {
    int nx = F.numRows;
    DMatrixRMaj M = new DMatrixRMaj(nx, S.numCols + cholQ.numCols);
    CommonOps_DDRM.insert(CommonOps_DDRM.mult(F, S, null), M, 0, 0);
    CommonOps_DDRM.insert(cholQ, M, 0, S.numCols);
    return M;
  }

  /** [[H S, cholR], [S, 0]]. */
  public static DMatrixRMaj updateBlock(DMatrixRMaj H, DMatrixRMaj S, DMatrixRMaj cholR) {
    int p = H.numRows;
    int nx = S.numRows;
    DMatrixRMaj M = new DMatrixRMaj(p + nx, S.numCols + cholR.numCols);
    CommonOps_DDRM.insert(CommonOps_DDRM.mult(H, S, null), M, 0, 0);
    CommonOps_DDRM.insert(cholR, M, 0, S.numCols);
    CommonOps_DDRM.insert(S, M, p, 0);
    return M;
  }

  /** An n × n lower-triangular factor with pivots in [0.5, ∞) and Gaussian entries below. */
  public static DMatrixRMaj lowerTriangular(Random rng, int n) {
    DMatrixRMaj S = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        S.set(i, j, i == j ? 0.5 + Math.abs(rng.nextGaussian()) : rng.nextGaussian());
      }
    }
    return S;
  }

  /** The first rows of the identity: an H that selects states. */
  public static DMatrixRMaj identityRows(int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < Math.min(rows, cols); i++) {
      A.set(i, i, 1.0);
    }
    return A;
  }
}
