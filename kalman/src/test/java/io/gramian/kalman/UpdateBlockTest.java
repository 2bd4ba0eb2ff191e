package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class UpdateBlockTest {

  /**
   * The block built with plain dot products for a dense H (and the same call's general path) equals
   * the general primal block ({@code tangent} without tangents) entry by entry (the same terms in
   * the same order; only an exact zero's sign may differ), and reports the lower rows' shape: one
   * to five observed rows in any order, triangular and general S⁻, dense and sparse H.
   */
  @Test
  void denseBuildEqualsTheGeneralBuild() {
    Random rng = new Random(20261206);
    for (int trial = 0; trial < 200; trial++) {
      int nx = 1 + rng.nextInt(9);
      int ny = 1 + rng.nextInt(5);
      int s = trial % 2 == 0 ? nx : 1 + rng.nextInt(nx + 2);
      int r = 1 + rng.nextInt(ny);
      DMatrixRMaj H = random(rng, ny, nx, trial % 3 == 0 ? 0.4 : 1.0);
      DMatrixRMaj cholR = random(rng, ny, r, 1.0);
      DMatrixRMaj S = random(rng, nx, s, 1.0);
      if (s == nx) {
        for (int i = 0; i < nx; i++) {
          for (int j = i + 1; j < nx; j++) {
            S.set(i, j, 0.0);
          }
        }
      }
      int p = 1 + rng.nextInt(ny);
      int[] index = RandomSystems.shuffledIndex(rng, ny);
      DMatrixRMaj expected = new DMatrixRMaj(1, 1);
      UpdateBlock.tangent(H, null, cholR, index, 0, p, S, null, expected); // the primal block
      for (boolean hDense : new boolean[] {true, false}) {
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);
        boolean shape = UpdateBlock.build(H, hDense, cholR, index, p, S, actual);
        assertEquals(s == nx, shape, "case " + trial + ": the lower rows' shape");
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int e = 0; e < expected.getNumElements(); e++) {
          assertTrue(
              expected.data[e] == actual.data[e],
              "case " + trial + ", entry " + e + ": " + actual.data[e] + " vs " + expected.data[e]);
        }
      }
    }
  }

  /** A non-finite entry of S⁻, or one above its diagonal, leaves the shape to the full check. */
  @Test
  void lowerRowsReportABrokenShape() {
    DMatrixRMaj H = new DMatrixRMaj(new double[][] {{1, 2}});
    DMatrixRMaj cholR = new DMatrixRMaj(new double[][] {{1}});
    int[] index = {0};
    DMatrixRMaj M = new DMatrixRMaj(1, 1);
    DMatrixRMaj triangular = new DMatrixRMaj(new double[][] {{1, 0}, {2, 3}});
    assertTrue(UpdateBlock.build(H, true, cholR, index, 1, triangular, M));
    DMatrixRMaj upper = new DMatrixRMaj(new double[][] {{1, 1e-300}, {2, 3}});
    assertFalse(UpdateBlock.build(H, true, cholR, index, 1, upper, M));
    DMatrixRMaj infinite = new DMatrixRMaj(new double[][] {{1, 0}, {Double.POSITIVE_INFINITY, 3}});
    assertFalse(UpdateBlock.build(H, false, cholR, index, 1, infinite, M));
  }

  private static DMatrixRMaj random(Random rng, int rows, int cols, double density) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int e = 0; e < rows * cols; e++) {
      m.data[e] = rng.nextDouble() < density ? rng.nextGaussian() : 0.0;
    }
    return m;
  }
}
