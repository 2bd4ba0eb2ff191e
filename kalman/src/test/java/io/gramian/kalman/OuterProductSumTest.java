package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OuterProductSumTest {

  /**
   * Sums of up to 53 products of standard normal terms (entries of magnitude up to about 30),
   * grouped differently: rounding of about 53 ε · 30 ≈ 4e-13 at most; 1e-10 leaves a margin, and a
   * product left out or added twice changes an entry by order one.
   */
  private static final double TOLERANCE = 1e-10;

  /**
   * Outer products added in groups equal them added one by one, to rounding: ±1, a block inside a
   * larger matrix, a number of products that is not a multiple of the group, and a change of target
   * in between (which adds the kept products to the first target).
   */
  @Test
  void groupsEqualTheProductsAddedOneByOne() {
    Random rng = new Random(20261206);
    for (double alpha : new double[] {1.0, -1.0}) {
      int rows = 7;
      int cols = 5;
      int stride = 9;
      int offset = 2 * stride + 3;
      DMatrixRMaj first = new DMatrixRMaj(12, stride);
      DMatrixRMaj second = new DMatrixRMaj(12, stride);
      for (int e = 0; e < first.data.length; e++) {
        first.data[e] = rng.nextGaussian();
        second.data[e] = rng.nextGaussian();
      }
      DMatrixRMaj firstExpected = first.copy();
      DMatrixRMaj secondExpected = second.copy();
      OuterProductSum sum = new OuterProductSum(rows, cols, alpha);
      for (int step = 0; step < 3 * OuterProductSum.GROUP + 5; step++) {
        boolean toSecond = step >= 20 && step < 23;
        DMatrixRMaj target = toSecond ? second : first;
        DMatrixRMaj expected = toSecond ? secondExpected : firstExpected;
        double[] u = gaussian(rng, rows + 1);
        double[] v = gaussian(rng, cols + 2);
        sum.add(target, offset, stride, u, 1, v, 2);
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) {
            expected.data[offset + i * stride + j] += alpha * u[1 + i] * v[2 + j];
          }
        }
      }
      sum.flush();
      for (int e = 0; e < first.data.length; e++) {
        assertEquals(firstExpected.data[e], first.data[e], TOLERANCE, "first, entry " + e);
        assertEquals(secondExpected.data[e], second.data[e], TOLERANCE, "second, entry " + e);
      }
    }
  }

  /** Listed entries get the sums the whole block gets, to the bit; the others are left alone. */
  @Test
  void listedEntriesEqualTheWholeBlockToTheBit() {
    Random rng = new Random(7);
    int n = 6;
    int[] entries = {0, 7, 8, 20, 35};
    DMatrixRMaj whole = new DMatrixRMaj(n, n);
    DMatrixRMaj listed = new DMatrixRMaj(n, n);
    for (int e = 0; e < n * n; e++) {
      whole.data[e] = rng.nextGaussian();
    }
    listed.setTo(whole);
    DMatrixRMaj before = whole.copy();
    OuterProductSum all = new OuterProductSum(n, n, 1.0);
    OuterProductSum some = new OuterProductSum(n, n, 1.0);
    for (int step = 0; step < OuterProductSum.GROUP + 3; step++) {
      double[] u = gaussian(rng, n);
      double[] v = gaussian(rng, n);
      all.add(whole, 0, n, u, 0, v, 0);
      some.add(listed, 0, n, u, 0, v, 0, entries);
    }
    all.flush();
    some.flush();
    java.util.Set<Integer> chosen = new java.util.HashSet<>();
    for (int e : entries) {
      chosen.add(e);
    }
    for (int e = 0; e < n * n; e++) {
      double expected = chosen.contains(e) ? whole.data[e] : before.data[e];
      assertEquals(
          Double.doubleToLongBits(expected), Double.doubleToLongBits(listed.data[e]), "entry " + e);
    }
  }

  @Test
  void refusesAnAlphaOtherThanPlusOrMinusOne() {
    assertThrows(IllegalArgumentException.class, () -> new OuterProductSum(2, 2, 0.5));
  }

  private static double[] gaussian(Random rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
    }
    return x;
  }
}
