package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.autodiff.testing.Matrices;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ArrayAdjointSumTest {

  /**
   * The grouped sums against the step-by-step products (M̄ = (K J) S⁻, then M̄ S⁻ᵀ): both add up to
   * {@link ArrayAdjointSum#CAPACITY} · 2 products of standard normal terms (entries of magnitude up
   * to about 30 after three products), grouped differently: rounding of about 100 ε · 30 ≈ 7e-13;
   * 1e-10 leaves a margin, and a term left out, added twice or a stale entry changes an entry by
   * order one.
   */
  private static final double TOLERANCE = 1e-10;

  /**
   * H̄ and F̄ from groups equal them formed step by step, as the array step used to: H̄'s observed
   * rows take (K J)[:p] S⁻ S⁻ᵀ − Ē X⁻ᵀ, its unobserved rows nothing (also where an earlier group
   * left entries in the buffer), F̄ takes (K J)[p:] S⁻ S⁻ᵀ + X̄⁻ X⁻ᵀ; over more steps than a group
   * holds, a mean of two columns, a first step whose S⁻ is not triangular, and a change of target
   * (which adds the kept group to the first).
   */
  @Test
  void groupsEqualTheStepByStepProducts() {
    Random rng = new Random(20261206);
    int ny = 3;
    int nx = 4;
    int w = 2;
    DMatrixRMaj hBar = Matrices.gaussian(rng, ny, nx);
    DMatrixRMaj fBar = Matrices.gaussian(rng, nx, nx);
    DMatrixRMaj hBarOther = Matrices.gaussian(rng, ny, nx);
    DMatrixRMaj hExpected = hBar.copy();
    DMatrixRMaj fExpected = fBar.copy();
    DMatrixRMaj hOtherExpected = hBarOther.copy();
    ArrayAdjointSum sum = new ArrayAdjointSum(ny, nx, w);
    int steps = 3 * ArrayAdjointSum.CAPACITY / (nx + w) + 2;
    for (int t = 0; t < steps; t++) {
      int[] index = observedRows(rng, ny);
      int p = index.length;
      double[] kj = Matrices.gaussian(rng, (p + nx) * nx, 1).data;
      double[] eBar = Matrices.gaussian(rng, p * w, 1).data;
      double[] xBarNext = Matrices.gaussian(rng, nx * w, 1).data;
      double[] xPred = Matrices.gaussian(rng, nx * w, 1).data;
      boolean lower = t > 0;
      DMatrixRMaj sPred = Matrices.gaussian(rng, nx, lower ? nx : 2);
      if (lower) {
        for (int i = 0; i < nx; i++) {
          for (int j = i + 1; j < nx; j++) {
            sPred.data[i * nx + j] = 0.0;
          }
        }
      }
      boolean toOther = t >= 12 && t < 14;
      DMatrixRMaj hTarget = toOther ? hBarOther : hBar;
      sum.add(hTarget, fBar, null, kj, index, 0, p, eBar, xBarNext, w, sPred, lower, xPred);
      DMatrixRMaj hTargetExpected = toOther ? hOtherExpected : hExpected;
      for (int i = 0; i < p + nx; i++) {
        double[] target = i < p ? hTargetExpected.data : fExpected.data;
        int row = i < p ? index[i] : i - p;
        for (int j = 0; j < nx; j++) {
          double v = 0; // ((K J) S⁻) S⁻ᵀ, as the step-by-step products formed it
          for (int b = 0; b < sPred.numCols; b++) {
            double mBar = 0;
            for (int k = 0; k < nx; k++) {
              mBar += kj[i * nx + k] * sPred.get(k, b);
            }
            v += mBar * sPred.get(j, b);
          }
          for (int c = 0; c < w; c++) {
            v +=
                i < p
                    ? -eBar[i * w + c] * xPred[j * w + c]
                    : xBarNext[row * w + c] * xPred[j * w + c];
          }
          target[row * nx + j] += v;
        }
      }
    }
    sum.flush();
    Matrices.assertEntriesClose(hExpected, hBar, TOLERANCE, "H̄");
    Matrices.assertEntriesClose(fExpected, fBar, TOLERANCE, "F̄");
    Matrices.assertEntriesClose(hOtherExpected, hBarOther, TOLERANCE, "the other H̄");
  }

  /**
   * Listed entries of F̄ get the sums the whole F̄ gets, to the bit; the others are left alone; an
   * H̄ or F̄ not wanted (null) is not touched.
   */
  @Test
  void listedEntriesEqualTheWholeFBarToTheBit() {
    Random rng = new Random(7);
    int ny = 2;
    int nx = 5;
    int[] entries = {0, 7, 8, 20, 24};
    DMatrixRMaj whole = Matrices.gaussian(rng, nx, nx);
    DMatrixRMaj listed = whole.copy();
    DMatrixRMaj before = whole.copy();
    ArrayAdjointSum all = new ArrayAdjointSum(ny, nx, 1);
    ArrayAdjointSum some = new ArrayAdjointSum(ny, nx, 1);
    for (int t = 0; t < 25; t++) {
      double[] kj = Matrices.gaussian(rng, (ny + nx) * nx, 1).data;
      double[] eBar = Matrices.gaussian(rng, ny, 1).data;
      double[] xBarNext = Matrices.gaussian(rng, nx, 1).data;
      double[] xPred = Matrices.gaussian(rng, nx, 1).data;
      DMatrixRMaj sPred = Matrices.gaussian(rng, nx, nx);
      int[] index = {0, 1};
      all.add(null, whole, null, kj, index, 0, ny, eBar, xBarNext, 1, sPred, false, xPred);
      some.add(null, listed, entries, kj, index, 0, ny, eBar, xBarNext, 1, sPred, false, xPred);
    }
    all.flush();
    some.flush();
    java.util.Set<Integer> chosen = new java.util.HashSet<>();
    for (int e : entries) {
      chosen.add(e);
    }
    for (int e = 0; e < nx * nx; e++) {
      double expected = chosen.contains(e) ? whole.data[e] : before.data[e];
      assertEquals(
          Double.doubleToLongBits(expected), Double.doubleToLongBits(listed.data[e]), "entry " + e);
    }
  }

  /** One to ny of the ny rows, in increasing order. */
  private static int[] observedRows(Random rng, int ny) {
    int[] rows = new int[ny];
    int p = 0;
    for (int i = 0; i < ny; i++) {
      if (rng.nextDouble() < 0.6) {
        rows[p++] = i;
      }
    }
    if (p == 0) {
      rows[p++] = rng.nextInt(ny);
    }
    return java.util.Arrays.copyOf(rows, p);
  }
}
