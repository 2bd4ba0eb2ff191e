package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The banded solve of the Hodrick–Prescott trend against a dense solve of the same system (I + λ
 * KᵀK) τ = y (Hodrick &amp; Prescott 1997), built independently here.
 */
class HodrickPrescottTest {

  /**
   * Relative to max|y|: the system's condition number is about 16 λ ≈ 2.6e4 at λ = 1600, so both
   * solves are accurate to about 1e-12.
   */
  private static final double AGREEMENT = 1e-10;

  @Test
  void agreesWithADenseSolve() {
    Random random = new Random(7);
    for (int n : new int[] {3, 4, 10, 57}) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = 10 + i * 0.3 + random.nextGaussian();
      }
      for (double lambda : new double[] {0, 1, 1600, 129600}) {
        assertArrayEquals(
            dense(y, lambda),
            HodrickPrescott.trend(y, lambda),
            AGREEMENT * 30,
            "n = " + n + ", λ = " + lambda);
      }
    }
  }

  @Test
  void aLineIsItsOwnTrendAndShortSeriesAreKept() {
    double[] line = {1, 3, 5, 7, 9, 11};
    assertArrayEquals(line, HodrickPrescott.trend(line, 1600), AGREEMENT * 11);
    assertArrayEquals(new double[] {4, 2}, HodrickPrescott.trend(new double[] {4, 2}, 1600));
  }

  private static double[] dense(double[] y, double lambda) {
    int n = y.length;
    DMatrixRMaj K = new DMatrixRMaj(n - 2, n);
    for (int i = 0; i < n - 2; i++) {
      K.set(i, i, 1);
      K.set(i, i + 1, -2);
      K.set(i, i + 2, 1);
    }
    DMatrixRMaj A = CommonOps_DDRM.identity(n);
    DMatrixRMaj KtK = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(K, K, KtK);
    CommonOps_DDRM.addEquals(A, lambda, KtK);
    DMatrixRMaj tau = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.solve(A, new DMatrixRMaj(n, 1, true, y), tau);
    return tau.data;
  }
}
