package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.BlockProduct;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TransitionNonzerosTest {

  private static final int CASES = 300;

  /**
   * F B from the list against {@link BlockProduct#multAdd} on a zeroed C, to the bit: sparse and
   * dense F, triangular and general B with rows of trailing zeros, C inside a wider array.
   */
  @Test
  void timesIntoEqualsMultAddToTheBit() {
    Random rng = new Random(20261206);
    for (int trial = 0; trial < CASES; trial++) {
      int nx = 1 + rng.nextInt(30);
      int cols = 1 + rng.nextInt(nx + 3);
      DMatrixRMaj F = new DMatrixRMaj(nx, nx);
      double density = trial % 4 == 0 ? 0.9 : 0.15;
      for (int e = 0; e < nx * nx; e++) {
        F.data[e] = rng.nextDouble() < density ? rng.nextGaussian() : 0.0;
      }
      double[] b = new double[nx * cols];
      boolean triangular = trial % 2 == 0;
      for (int k = 0; k < nx; k++) {
        int end = triangular ? Math.min(cols, k + 1) : rng.nextInt(cols + 1);
        for (int j = 0; j < end; j++) {
          b[k * cols + j] = rng.nextGaussian();
        }
      }
      int offset = rng.nextInt(3);
      int stride = cols + rng.nextInt(3);
      double[] expected = new double[offset + nx * stride];
      for (int e = 0; e < expected.length; e++) {
        expected[e] = rng.nextGaussian(); // entries outside C must be left alone
      }
      double[] actual = expected.clone();
      for (int i = 0; i < nx; i++) {
        java.util.Arrays.fill(expected, offset + i * stride, offset + i * stride + cols, 0.0);
      }
      BlockProduct.multAdd(1.0, nx, nx, cols, F.data, 0, nx, b, 0, cols, expected, offset, stride);

      TransitionNonzeros list = new TransitionNonzeros(nx);
      list.startSweep(false);
      list.index(F);
      list.timesInto(b, cols, cols, actual, offset, stride);
      for (int e = 0; e < expected.length; e++) {
        assertTrue(
            Double.doubleToLongBits(expected[e]) == Double.doubleToLongBits(actual[e]),
            "case " + trial + ", entry " + e + ": " + actual[e] + " instead of " + expected[e]);
      }
      int nonzeros = 0;
      for (double f : F.data) {
        nonzeros += f != 0.0 ? 1 : 0;
      }
      assertEquals(nonzeros * 2 > nx * nx, list.dense(), "case " + trial);
      assertEquals(nonzeros, list.rowStart[nx], "case " + trial);
    }
  }

  /**
   * C += α F B from the list against {@link BlockProduct#multAdd} on the same C, to the bit: α of ½
   * and of one, C holding earlier sums, F sparse, dense or zero (a direction that leaves F alone).
   */
  @Test
  void multAddEqualsBlockProductsToTheBit() {
    Random rng = new Random(20261207);
    for (int trial = 0; trial < CASES; trial++) {
      int nx = 1 + rng.nextInt(30);
      int cols = 1 + rng.nextInt(nx + 3);
      DMatrixRMaj F = new DMatrixRMaj(nx, nx);
      double density = trial % 5 == 0 ? 0.0 : trial % 4 == 0 ? 0.9 : 0.15;
      for (int e = 0; e < nx * nx; e++) {
        F.data[e] = rng.nextDouble() < density ? rng.nextGaussian() : 0.0;
      }
      double[] b = new double[nx * cols];
      for (int k = 0; k < nx; k++) {
        int end = rng.nextInt(cols + 1);
        for (int j = 0; j < end; j++) {
          b[k * cols + j] = rng.nextGaussian();
        }
      }
      double alpha = trial % 2 == 0 ? 0.5 : 1.0;
      int offset = rng.nextInt(3);
      int stride = cols + rng.nextInt(3);
      double[] expected = new double[offset + nx * stride];
      for (int e = 0; e < expected.length; e++) {
        expected[e] = rng.nextGaussian();
      }
      double[] actual = expected.clone();
      BlockProduct.multAdd(
          alpha, nx, nx, cols, F.data, 0, nx, b, 0, cols, expected, offset, stride);

      TransitionNonzeros list = new TransitionNonzeros(nx);
      list.startSweep(false);
      list.index(F);
      list.multAdd(alpha, b, cols, cols, actual, offset, stride);
      for (int e = 0; e < expected.length; e++) {
        assertTrue(
            Double.doubleToLongBits(expected[e]) == Double.doubleToLongBits(actual[e]),
            "case " + trial + ", entry " + e + ": " + actual[e] + " instead of " + expected[e]);
      }
    }
  }

  /**
   * One column of F B from the list, added to a start value, against {@link BlockProduct#multAdd}
   * on one column to the bit: B with zero entries (which both skip), read at a column of a wider
   * array; F sparse, dense or zero.
   */
  @Test
  void rowTimesEqualsAColumnsProductToTheBit() {
    Random rng = new Random(20261211);
    for (int trial = 0; trial < CASES; trial++) {
      int nx = 1 + rng.nextInt(30);
      int w = 1 + rng.nextInt(3);
      int column = rng.nextInt(w);
      DMatrixRMaj F = new DMatrixRMaj(nx, nx);
      double density = trial % 5 == 0 ? 0.0 : trial % 4 == 0 ? 0.9 : 0.15;
      for (int e = 0; e < nx * nx; e++) {
        F.data[e] = rng.nextDouble() < density ? rng.nextGaussian() : 0.0;
      }
      double[] b = new double[nx * w];
      for (int e = 0; e < b.length; e++) {
        b[e] = rng.nextDouble() < 0.3 ? 0.0 : rng.nextGaussian();
      }
      double[] expected = new double[nx];
      for (int i = 0; i < nx; i++) {
        expected[i] = trial % 2 == 0 ? 0.0 : rng.nextGaussian();
      }
      double[] start = expected.clone();
      BlockProduct.multAdd(1.0, nx, nx, 1, F.data, 0, nx, b, column, w, expected, 0, 1);

      TransitionNonzeros list = new TransitionNonzeros(nx);
      list.startSweep(false);
      list.index(F);
      for (int i = 0; i < nx; i++) {
        double actual = list.rowTimes(i, b, w, column, start[i]);
        assertTrue(
            Double.doubleToLongBits(expected[i]) == Double.doubleToLongBits(actual),
            "case " + trial + ", row " + i + ": " + actual + " instead of " + expected[i]);
      }
    }
  }

  /** A time-invariant sweep lists F once; any other sweep lists it again at every call. */
  /**
   * How far right of its diagonal F reaches: triangular 0, a shift up 1, a dense first row nx − 1.
   */
  @Test
  void upperBandwidthIsHowFarRightOfTheDiagonalARowReaches() {
    int nx = 5;
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    TransitionNonzeros list = new TransitionNonzeros(nx);
    for (int i = 0; i < nx; i++) {
      F.set(i, 0, 0.5);
      F.set(i, i, 0.9);
    }
    list.index(F);
    assertEquals(0, list.upperBandwidth(), "lower triangular");
    for (int i = 0; i + 1 < nx; i++) {
      F.set(i, i + 1, 1.0);
    }
    list.index(F);
    assertEquals(1, list.upperBandwidth(), "a companion form's shift up");
    F.set(2, 4, -1.0);
    list.index(F);
    assertEquals(2, list.upperBandwidth(), "row 2 reaching column 4");
    F.set(0, 4, -1.0);
    list.index(F);
    assertEquals(nx - 1, list.upperBandwidth(), "a first row reaching the last column");
  }

  @Test
  void listsOncePerTimeInvariantSweep() {
    DMatrixRMaj sparse = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 0, 2}, {0, 0, 0}});
    DMatrixRMaj dense = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 0}});
    TransitionNonzeros list = new TransitionNonzeros(3);

    list.startSweep(true);
    list.index(sparse);
    list.index(dense); // the same F at every step: kept
    assertFalse(list.dense());
    assertEquals(2, list.rowStart[3]);

    list.startSweep(true); // a new sweep lists its F again
    list.index(dense);
    assertTrue(list.dense());

    list.startSweep(false);
    list.index(sparse);
    assertFalse(list.dense());
    list.index(dense);
    assertTrue(list.dense());
    assertEquals(8, list.rowStart[3]);
  }
}
