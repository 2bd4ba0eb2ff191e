package io.gramian.autodiff;

import static io.gramian.autodiff.testing.FilterBlocks.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Allocation;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link AppendedRowsTria} (Givens rotations) against {@link Tria} (EJML's Householder QR, an
 * independent implementation) on update blocks {@code [[H S, R], [S, 0]]}: full rank, exactly rank
 * deficient, thin, wide and zero R, S with negative pivots, entries near overflow and underflow;
 * its shape check, its errors and its allocation per call.
 */
class AppendedRowsTriaTest {

  /**
   * Largest difference of L entries, relative to the largest entry of M, in units of max(n, m) ε:
   * Givens and Householder factorisations are both backward stable (error O(max(n, m) ε ‖M‖) per
   * entry, Higham Thms. 19.4 and 19.10), and at full rank with S's pivots ≥ 0.5 L is a
   * well-conditioned function of M. Ten units leave room for the different summation orders.
   */
  private static final double ROUNDING_UNITS = 10;

  private static final int[] SIZES = {1, 2, 3, 5, 8, 13, 30};

  @Test
  void fullRankUpdateBlocksMatchTria() {
    Random rng = new Random(20261206L);
    Random noise = new Random(20261208L);
    for (int nx : SIZES) {
      for (int p : new int[] {1, 2, Math.max(1, nx / 2), nx + 2}) {
        DMatrixRMaj S = lowerTriangular(rng, nx);
        DMatrixRMaj H = gaussian(rng, p, nx);
        assertSameAsTria(updateBlock(H, S, lowerTriangular(rng, p)), p, true);
        // A selecting H (structural models): rows of H S end early.
        DMatrixRMaj select = new DMatrixRMaj(p, nx);
        for (int i = 0; i < p; i++) {
          select.set(i, Math.min(i, nx - 1), 1.0);
        }
        assertSameAsTria(updateBlock(select, S, lowerTriangular(rng, p)), p, true);
        // The observed rows of a lower-triangular cholR: a staircase wider than p.
        assertSameAsTria(updateBlock(H, S, staircase(rng, p, p + 3)), p, true);
        // A dense cholR (any square root of R), and a triangular one with negative pivots (its
        // entries below the diagonal damped by 1/p: a random triangle's condition grows like 2^p,
        // and L is compared entry by entry only where it is a well-conditioned function of M).
        // (Their R from a stream of its own: the blocks above keep the H and S they were checked
        // on; a random triangular S of size 30 is itself ill-conditioned for some draws.)
        assertSameAsTria(updateBlock(H, S, gaussian(noise, p, p)), p, true);
        DMatrixRMaj negativePivots = lowerTriangular(noise, p);
        for (int i = 0; i < p; i++) {
          for (int k = i; k < p; k++) {
            double entry = negativePivots.get(k, i) * (k == i ? 1.0 : 1.0 / p);
            negativePivots.set(k, i, i % 2 == 0 ? -entry : entry);
          }
        }
        assertSameAsTria(updateBlock(H, S, negativePivots), p, true);
        // The observed rows of a diagonal cholR: each row's entry right of its pivot.
        DMatrixRMaj gaps = new DMatrixRMaj(p, 2 * p);
        for (int i = 0; i < p; i++) {
          gaps.set(i, 2 * i + 1, 0.5 + noise.nextDouble());
        }
        assertSameAsTria(updateBlock(H, S, gaps), p, true);
        if (p <= nx) {
          // A thin cholR (fewer noise columns than observations) and no observation noise.
          assertSameAsTria(updateBlock(H, S, gaussian(rng, p, 1)), p, true);
          assertSameAsTria(updateBlock(H, S, new DMatrixRMaj(p, p)), p, true);
        }
      }
    }
  }

  @Test
  void exactlyRankDeficientBlocksKeepTheGramian() {
    Random rng = new Random(20261207L);
    for (int nx : SIZES) {
      DMatrixRMaj S = lowerTriangular(rng, nx);
      DMatrixRMaj zeroColumn = S.copy();
      DMatrixRMaj zeroRow = S.copy();
      for (int i = 0; i < nx; i++) {
        zeroColumn.set(i, 0, 0.0);
        zeroRow.set(nx - 1, i, 0.0);
      }
      int p = Math.max(1, nx / 2);
      DMatrixRMaj H = gaussian(rng, p, nx);
      assertSameAsTria(updateBlock(H, zeroColumn, lowerTriangular(rng, p)), p, false);
      assertSameAsTria(updateBlock(H, zeroRow, lowerTriangular(rng, p)), p, false);
      // More observations than states and no observation noise: a singular innovation block.
      assertSameAsTria(
          updateBlock(gaussian(rng, nx + 2, nx), S, new DMatrixRMaj(nx + 2, 1)), nx + 2, false);
      // An observation of a state with no variance, and no noise: a zero row.
      assertSameAsTria(
          updateBlock(identityRows(1, nx), zeroColumn, new DMatrixRMaj(1, 1)), 1, false);
      assertSameAsTria(new DMatrixRMaj(p + nx, nx + p), p, false);
    }
  }

  @Test
  void negativePivotsOfSGivePositiveOnes() {
    Random rng = new Random(20261208L);
    for (int nx : SIZES) {
      DMatrixRMaj S = lowerTriangular(rng, nx);
      for (int i = 0; i < nx; i += 2) {
        for (int r = i; r < nx; r++) {
          S.set(r, i, -S.get(r, i));
        }
      }
      int p = Math.max(1, nx / 3);
      assertSameAsTria(updateBlock(gaussian(rng, p, nx), S, lowerTriangular(rng, p)), p, true);
    }
  }

  @Test
  void entriesNearOverflowAndUnderflowAreScaled() {
    Random rng = new Random(20261209L);
    for (double scale : new double[] {1e200, 1e-200, 1e300, 1e-300}) {
      for (int nx : new int[] {1, 4, 9}) {
        int p = Math.max(1, nx / 2);
        DMatrixRMaj M =
            updateBlock(gaussian(rng, p, nx), lowerTriangular(rng, nx), lowerTriangular(rng, p));
        DMatrixRMaj unscaled = new DMatrixRMaj(1, 1);
        new AppendedRowsTria(p, nx, p).decompose(M, p, unscaled);
        CommonOps_DDRM.scale(scale, M);
        DMatrixRMaj L = new DMatrixRMaj(1, 1);
        new AppendedRowsTria(p, nx, p).decompose(M, p, L);
        for (int i = 0; i < L.getNumElements(); i++) {
          assertTrue(Double.isFinite(L.data[i]), "entry " + i + " at scale " + scale);
          double expected = scale * unscaled.data[i];
          assertEquals(
              expected,
              L.data[i],
              1e-13 * scale * CommonOps_DDRM.elementMaxAbs(unscaled),
              "entry " + i + " at scale " + scale);
        }
      }
    }
  }

  @Test
  void acceptsOnlyATriangularFactorBelow() {
    Random rng = new Random(20261210L);
    DMatrixRMaj M =
        updateBlock(gaussian(rng, 2, 4), lowerTriangular(rng, 4), lowerTriangular(rng, 2));
    assertTrue(AppendedRowsTria.applies(M, 2));
    assertFalse(AppendedRowsTria.applies(M, 1), "one of the observation rows is not triangular");
    M.set(3, 2, 1e-300); // above S's diagonal
    assertFalse(AppendedRowsTria.applies(M, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AppendedRowsTria(2, 4, 2).decompose(M, 2, new DMatrixRMaj(6, 6)));
    assertTrue(e.getMessage().contains("lower triangular"), e.getMessage());
    M.set(3, 2, 0.0);
    M.set(4, 5, 1.0); // in the zero block beside S
    assertFalse(AppendedRowsTria.applies(M, 2));
  }

  @Test
  void rejectsNonFiniteInputWithItsPosition() {
    Random rng = new Random(20261211L);
    DMatrixRMaj M =
        updateBlock(gaussian(rng, 2, 3), lowerTriangular(rng, 3), lowerTriangular(rng, 2));
    M.set(1, 4, Double.NaN);
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> new AppendedRowsTria(2, 3, 2).decompose(M, 2, new DMatrixRMaj(5, 5)));
    assertTrue(e.getMessage().contains("M(1, 4)"), e.getMessage());
  }

  /**
   * A caller that vouches for the lower rows gets the same L to the bit, and the first p rows are
   * still checked finite.
   */
  @Test
  void lowerRowsVouchedForGiveTheSameFactor() {
    Random rng = new Random(20261212L);
    DMatrixRMaj M =
        updateBlock(gaussian(rng, 2, 5), lowerTriangular(rng, 5), lowerTriangular(rng, 2));
    AppendedRowsTria tria = new AppendedRowsTria(2, 5, 2);
    TriaFactors checked = new TriaFactors(7, 7);
    TriaFactors vouched = new TriaFactors(7, 7);
    checked.input().setTo(M);
    vouched.input().setTo(M);
    assertTrue(tria.decompose(checked, 2));
    assertTrue(tria.decompose(vouched, 2, true));
    for (int e = 0; e < 49; e++) {
      assertEquals(checked.L().data[e], vouched.L().data[e], 0.0, "entry " + e);
    }
    vouched.input().set(0, 6, Double.POSITIVE_INFINITY);
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> tria.decompose(vouched, 2, true));
    assertTrue(e.getMessage().contains("M(0, 6)"), e.getMessage());
  }

  /**
   * One workspace through blocks that grow and shrink in p and n gives, to the bit, what a
   * workspace made for each block gives: its columns are grown when a block needs more, and no
   * entry a larger block left behind is read.
   */
  @Test
  void reusedWorkspaceGivesAFreshWorkspacesResult() {
    Random rng = new Random(20261207L);
    int[][] shapes = {
      {2, 5, 2}, {6, 13, 6}, {1, 3, 1}, {10, 20, 10}, {3, 30, 5}, {12, 4, 2}, {1, 1, 1}
    };
    AppendedRowsTria reused = new AppendedRowsTria(1, 1, 1);
    for (int[] shape : shapes) {
      int p = shape[0];
      int nx = shape[1];
      DMatrixRMaj M =
          updateBlock(gaussian(rng, p, nx), lowerTriangular(rng, nx), gaussian(rng, p, shape[2]));
      DMatrixRMaj fresh = new DMatrixRMaj(1, 1);
      new AppendedRowsTria(p, nx, shape[2]).decompose(M, p, fresh);
      DMatrixRMaj L = new DMatrixRMaj(1, 1);
      reused.decompose(M, p, L);
      assertArrayEquals(fresh.data, L.data, "p = " + p + ", nx = " + nx);
      assertSameAsTria(M, p, true);
    }
  }

  @Test
  void allocatesNothingPerCall() {
    Random rng = new Random(7);
    int nx = 8;
    DMatrixRMaj full =
        updateBlock(gaussian(rng, 3, nx), lowerTriangular(rng, nx), lowerTriangular(rng, 3));
    DMatrixRMaj one =
        updateBlock(gaussian(rng, 1, nx), lowerTriangular(rng, nx), staircase(rng, 1, 3));
    AppendedRowsTria tria = new AppendedRowsTria(3, nx, 3);
    TriaFactors f = new TriaFactors(nx + 3, nx + 3);
    DMatrixRMaj L = new DMatrixRMaj(nx + 3, nx + 3);
    int calls = 20_000;
    long allocated =
        Allocation.ofWarmLoop(
            calls,
            () -> {
              tria.decompose(full, 3, L);
              f.input().setTo(one);
              tria.decompose(f, 1);
            });
    assertTrue(
        allocated <= Allocation.WARM_LOOP_ALLOWANCE, allocated + " bytes over " + calls + " calls");
  }

  /**
   * L agrees with Tria's at full rank, and L Lᵀ with M Mᵀ at any rank; L is lower triangular with a
   * nonnegative diagonal.
   */
  private static void assertSameAsTria(DMatrixRMaj M, int p, boolean fullRank) {
    int n = M.numRows;
    int m = M.numCols;
    DMatrixRMaj LRef = new DMatrixRMaj(n, n);
    new Tria(n, m).decompose(M, LRef);
    DMatrixRMaj L = new DMatrixRMaj(1, 1);
    new AppendedRowsTria(p, n - p, m - (n - p)).decompose(M, p, L);
    double scale = Math.max(CommonOps_DDRM.elementMaxAbs(M), Double.MIN_NORMAL);
    double tol = ROUNDING_UNITS * Math.max(n, m) * Math.ulp(1.0);
    assertEntriesClose(gram(M), gram(L), tol * scale * scale * n, "L Lᵀ");
    for (int j = 0; j < n; j++) {
      assertTrue(L.get(j, j) >= 0, "L_jj ≥ 0");
      for (int i = 0; i < j; i++) {
        assertEquals(0.0, L.get(i, j), "L upper");
      }
    }
    if (fullRank) {
      assertEntriesClose(LRef, L, tol * scale, "L");
    }
  }

  /** p rows of an r × r lower-triangular factor, the rows kept in order, some left out. */
  private static DMatrixRMaj staircase(Random rng, int p, int r) {
    DMatrixRMaj full = lowerTriangular(rng, r);
    DMatrixRMaj rows = new DMatrixRMaj(p, r);
    for (int i = 0; i < p; i++) {
      int source = r - p + i; // the last p rows: each wider than its position
      for (int j = 0; j < r; j++) {
        rows.set(i, j, full.get(source, j));
      }
    }
    return rows;
  }
}
