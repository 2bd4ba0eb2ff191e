package io.gramian.kalman;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Seeded random systems and data for the filter tests. */
final class RandomSystems {

  private RandomSystems() {}

  static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = scale * rng.nextGaussian();
    }
    return A;
  }

  /** An n × cols factor of exact rank {@code rank} (zero when rank = 0). */
  static DMatrixRMaj factor(Random rng, int n, int cols, int rank, double scale) {
    if (rank == 0) {
      return new DMatrixRMaj(n, cols);
    }
    DMatrixRMaj A =
        CommonOps_DDRM.mult(gaussian(rng, n, rank, scale), gaussian(rng, rank, cols, 1.0), null);
    CommonOps_DDRM.scale(1.0 / Math.sqrt(rank), A);
    return A;
  }

  /**
   * A random stable system: F with spectral radius below one (a scaled random orthogonal-ish
   * matrix), factors with the requested column counts and ranks.
   */
  static StateSpaceSystem system(
      Random rng, int nx, int ny, int q, int rankQ, int r, int rankR, int k, int rankP0) {
    DMatrixRMaj F = gaussian(rng, nx, nx, 1.0);
    // ‖F‖₂ ≤ ‖F‖_F = 0.9: a stable transition.
    CommonOps_DDRM.scale(0.9 / NormOps_DDRM.normF(F), F);
    return StateSpaceSystem.builder()
        .F(F)
        .c(gaussian(rng, nx, 1, 0.3))
        .H(gaussian(rng, ny, nx, 1.0))
        .d(gaussian(rng, ny, 1, 0.3))
        .cholQ(factor(rng, nx, q, rankQ, 0.7))
        .cholR(factor(rng, ny, r, rankR, 0.5))
        .m0(gaussian(rng, nx, 1, 1.0))
        .cholP0(factor(rng, nx, k, rankP0, 1.0))
        .build();
  }

  /** Data simulated from the system by plain sampling (independent of the filter). */
  static DMatrixRMaj simulate(Random rng, StateSpaceSystem s, int T) {
    int nx = s.nx();
    int ny = s.ny();
    DMatrixRMaj x = s.m0().copy();
    CommonOps_DDRM.multAdd(s.cholP0(), gaussian(rng, s.k(), 1, 1.0), x);
    DMatrixRMaj Y = new DMatrixRMaj(T, ny);
    for (int t = 0; t < T; t++) {
      DMatrixRMaj y = CommonOps_DDRM.mult(s.H(t), x, null);
      CommonOps_DDRM.addEquals(y, s.d(t));
      CommonOps_DDRM.multAdd(s.cholR(t), gaussian(rng, s.r(), 1, 1.0), y);
      for (int j = 0; j < ny; j++) {
        Y.set(t, j, y.get(j));
      }
      DMatrixRMaj xn = CommonOps_DDRM.mult(s.F(t), x, null);
      CommonOps_DDRM.addEquals(xn, s.c(t));
      CommonOps_DDRM.multAdd(s.cholQ(t), gaussian(rng, s.q(), 1, 1.0), xn);
      x = xn;
    }
    return Y;
  }

  /** Marks a fraction of single entries, and a fraction of whole steps, missing (NaN). */
  static void dropValues(Random rng, DMatrixRMaj Y, double partial, double whole) {
    for (int t = 0; t < Y.numRows; t++) {
      if (rng.nextDouble() < whole) {
        for (int j = 0; j < Y.numCols; j++) {
          Y.set(t, j, Double.NaN);
        }
      } else {
        for (int j = 0; j < Y.numCols; j++) {
          if (rng.nextDouble() < partial) {
            Y.set(t, j, Double.NaN);
          }
        }
      }
    }
  }
}
