package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The four triangular solves against EJML's general solve of the same system, unmasked; and the
 * masked solve against the solve of the kept block written out by hand.
 */
class TriangularSolveTest {

  /**
   * The solves are backward stable and L is well conditioned (unit-sized diagonal plus a Gaussian
   * lower part scaled by 0.3), so solutions agree to a small multiple of n ε.
   */
  private static final double TOLERANCE = 1e-12;

  private static final int N = 6;
  private static final int COLS = 4;

  private static DMatrixRMaj lowerFactor(Random rng, int n) {
    DMatrixRMaj L = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        L.set(i, j, 0.3 * rng.nextGaussian());
      }
      L.set(i, i, 1.0 + rng.nextDouble());
    }
    return L;
  }

  private static DMatrixRMaj solve(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj X = new DMatrixRMaj(A.numCols, B.numCols);
    if (!CommonOps_DDRM.solve(A, B, X)) {
      throw new AssertionError("reference solve failed");
    }
    return X;
  }

  private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual) {
    assertEquals(expected.numRows, actual.numRows);
    assertEquals(expected.numCols, actual.numCols);
    for (int i = 0; i < expected.getNumElements(); i++) {
      assertEquals(expected.data[i], actual.data[i], TOLERANCE, "entry " + i);
    }
  }

  @Test
  void leftSolvesAgreeWithGeneralSolve() {
    Random rng = new Random(11);
    DMatrixRMaj L = lowerFactor(rng, N);
    DMatrixRMaj B = gaussian(rng, N, COLS);

    DMatrixRMaj X = B.copy();
    TriangularSolve.lower(L, X, null);
    assertClose(solve(L, B), X);

    X = B.copy();
    TriangularSolve.lowerTransposed(L, X, null);
    assertClose(solve(CommonOps_DDRM.transpose(L, null), B), X);
  }

  @Test
  void rightSolvesAgreeWithGeneralSolve() {
    Random rng = new Random(12);
    DMatrixRMaj L = lowerFactor(rng, N);
    DMatrixRMaj B = gaussian(rng, COLS, N);
    DMatrixRMaj Bt = CommonOps_DDRM.transpose(B, null);

    // X L = B  ⇔  Lᵀ Xᵀ = Bᵀ
    DMatrixRMaj X = B.copy();
    TriangularSolve.rightLower(L, X, null);
    assertClose(CommonOps_DDRM.transpose(solve(CommonOps_DDRM.transpose(L, null), Bt), null), X);

    // X Lᵀ = B  ⇔  L Xᵀ = Bᵀ
    X = B.copy();
    TriangularSolve.rightLowerTransposed(L, X, null);
    assertClose(CommonOps_DDRM.transpose(solve(L, Bt), null), X);
  }

  /** Rows solved four at a time get exactly what each gets alone, with and without a threshold. */
  @Test
  void rightSolveOfManyRowsEqualsOneRowAtATime() {
    Random rng = new Random(14);
    DMatrixRMaj regular = lowerFactor(rng, N);
    DMatrixRMaj deadPivot = regular.copy();
    deadPivot.set(2, 2, 0.0); // for the thresholded solve
    double[] tau = new double[N];
    java.util.Arrays.fill(tau, 1e-12);
    for (double[] threshold : new double[][] {null, tau}) {
      DMatrixRMaj L = threshold == null ? regular : deadPivot;
      DMatrixRMaj B = gaussian(rng, 11, N);
      DMatrixRMaj together = B.copy();
      TriangularSolve.rightLower(L, N, together.data, 0, N, 11, threshold);
      for (int r = 0; r < 11; r++) {
        double[] row = java.util.Arrays.copyOfRange(B.data, r * N, (r + 1) * N);
        TriangularSolve.rightLower(L, N, row, 0, N, 1, threshold);
        for (int j = 0; j < N; j++) {
          assertEquals(row[j], together.get(r, j), 0.0, "row " + r + ", column " + j);
        }
      }
    }
  }

  @Test
  void leadingBlockOfALargerFactorWithStrides() {
    Random rng = new Random(13);
    DMatrixRMaj big = lowerFactor(rng, N + 3);
    DMatrixRMaj L = CommonOps_DDRM.extract(big, 0, N, 0, N);
    DMatrixRMaj B = gaussian(rng, N, COLS);
    // X stored at offset 5 with row stride COLS + 2 inside a larger array.
    int offset = 5;
    int ldx = COLS + 2;
    double[] storage = new double[offset + N * ldx];
    for (int i = 0; i < N; i++) {
      System.arraycopy(B.data, i * COLS, storage, offset + i * ldx, COLS);
    }
    TriangularSolve.lower(big, N, storage, offset, ldx, COLS, null);
    DMatrixRMaj X = new DMatrixRMaj(N, COLS);
    for (int i = 0; i < N; i++) {
      System.arraycopy(storage, offset + i * ldx, X.data, i * COLS, COLS);
    }
    assertClose(solve(L, B), X);
  }

  /** The strictly-upper form equals the general back substitution, masked or not, to the bit. */
  @Test
  void strictlyUpperRightHandSideGivesTheGeneralSolvesResult() {
    Random rng = new Random(15);
    DMatrixRMaj L = lowerFactor(rng, N);
    L.set(3, 3, 1e-17);
    double[] tau = new double[N];
    java.util.Arrays.fill(tau, 1e-12);
    DMatrixRMaj Z = gaussian(rng, N, N);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j <= i; j++) {
        Z.set(i, j, 0);
      }
    }
    for (double[] mask : new double[][] {null, tau}) {
      DMatrixRMaj expected = Z.copy();
      TriangularSolve.lowerTransposed(L, expected, mask);
      DMatrixRMaj actual = Z.copy();
      TriangularSolve.lowerTransposedStrictlyUpper(L, actual, mask);
      for (int i = 0; i < expected.getNumElements(); i++) {
        assertEquals(expected.data[i], actual.data[i], 0, "entry " + i);
      }
    }
  }

  /**
   * The strictly upper triangle of L⁻¹ X alone equals that triangle of the full forward
   * substitution, masked or not, to the bit; the rest is zero.
   */
  @Test
  void strictlyUpperPartOfTheForwardSolveIsTheFullSolvesTriangle() {
    Random rng = new Random(16);
    DMatrixRMaj L = lowerFactor(rng, N);
    L.set(2, 2, 1e-17);
    double[] tau = new double[N];
    java.util.Arrays.fill(tau, 1e-12);
    DMatrixRMaj X = gaussian(rng, N, N);
    for (double[] mask : new double[][] {null, tau}) {
      DMatrixRMaj expected = X.copy();
      TriangularSolve.lower(L, N, expected.data, 0, N, N, mask);
      DMatrixRMaj actual = X.copy();
      TriangularSolve.lowerStrictlyUpperPart(L, actual, mask);
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          double want = j > i ? expected.get(i, j) : 0.0;
          assertEquals(want, actual.get(i, j), 0, "entry " + i + ", " + j);
        }
      }
    }
  }

  @Test
  void maskedSolvesKeepOnlyThePivotsAboveTheirThresholds() {
    Random rng = new Random(14);
    DMatrixRMaj L = lowerFactor(rng, N);
    int[] dead = {1, 4};
    for (int j : dead) {
      L.set(j, j, 1e-17);
    }
    int[] kept = {0, 2, 3, 5};
    double[] tau = new double[N];
    java.util.Arrays.fill(tau, 1e-12);
    DMatrixRMaj LJ = new DMatrixRMaj(kept.length, kept.length);
    for (int a = 0; a < kept.length; a++) {
      for (int b = 0; b < kept.length; b++) {
        LJ.set(a, b, L.get(kept[a], kept[b]));
      }
    }
    DMatrixRMaj B = gaussian(rng, N, COLS);
    DMatrixRMaj BJ = new DMatrixRMaj(kept.length, COLS);
    for (int a = 0; a < kept.length; a++) {
      for (int c = 0; c < COLS; c++) {
        BJ.set(a, c, B.get(kept[a], c));
      }
    }

    DMatrixRMaj X = B.copy();
    TriangularSolve.lower(L, X, tau);
    assertClose(scatterRows(solve(LJ, BJ), kept), X);

    X = B.copy();
    TriangularSolve.lowerTransposed(L, X, tau);
    assertClose(scatterRows(solve(CommonOps_DDRM.transpose(LJ, null), BJ), kept), X);

    // The right forms are the transposes of the left ones.
    DMatrixRMaj Bt = CommonOps_DDRM.transpose(B, null);
    X = Bt.copy();
    TriangularSolve.rightLower(L, X, tau);
    DMatrixRMaj expected = scatterRows(solve(CommonOps_DDRM.transpose(LJ, null), BJ), kept);
    assertClose(CommonOps_DDRM.transpose(expected, null), X);

    X = Bt.copy();
    TriangularSolve.rightLowerTransposed(L, X, tau);
    assertClose(CommonOps_DDRM.transpose(scatterRows(solve(LJ, BJ), kept), null), X);
  }

  private static DMatrixRMaj scatterRows(DMatrixRMaj XJ, int[] kept) {
    DMatrixRMaj X = new DMatrixRMaj(N, XJ.numCols);
    for (int a = 0; a < kept.length; a++) {
      for (int c = 0; c < XJ.numCols; c++) {
        X.set(kept[a], c, XJ.get(a, c));
      }
    }
    return X;
  }
}
