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
 * {@link SparseHouseholderTria} against {@link Tria} (EJML's Householder QR, an independent
 * implementation) on the filter's block shapes, full rank and exactly rank-deficient, and its
 * allocation per call.
 */
class SparseHouseholderTriaTest {

  /**
   * Largest difference of L, Q and M − L Qᵀ entries, relative to the largest entry of M, times
   * max(n, m) ε: both are backward-stable Householder factorisations (error O(max(n, m) ε ‖M‖) in
   * each entry, Higham Thm. 19.4), and at full rank L and Q are well-conditioned functions of M.
   * Ten such units leave room for the different summation orders.
   */
  private static final double ROUNDING_UNITS = 10;

  private static final int[] SIZES = {1, 2, 3, 5, 8, 13};

  @Test
  void predictBlockMatchesTria() {
    Random rng = new Random(20261204L);
    for (int nx : SIZES) {
      for (int q : new int[] {1, Math.max(1, nx / 2), nx}) {
        DMatrixRMaj F = gaussian(rng, nx, nx);
        DMatrixRMaj S = lowerTriangular(rng, nx);
        DMatrixRMaj cholQ = gaussian(rng, nx, q);
        assertSameAsTria(predictBlock(F, S, cholQ), true);
        // A shift F (structural, SARIMA companion forms) with one noisy state.
        DMatrixRMaj shift = new DMatrixRMaj(nx, nx);
        shift.set(0, 0, rng.nextGaussian());
        for (int i = 1; i < nx; i++) {
          shift.set(i, i - 1, 1.0);
        }
        DMatrixRMaj thin = new DMatrixRMaj(nx, 1);
        thin.set(0, 0, 0.7);
        assertSameAsTria(predictBlock(shift, S, thin), true);
      }
    }
  }

  @Test
  void updateBlockMatchesTria() {
    Random rng = new Random(20261205L);
    for (int nx : SIZES) {
      for (int p : new int[] {1, Math.max(1, nx / 2)}) {
        DMatrixRMaj H = gaussian(rng, p, nx);
        DMatrixRMaj S = lowerTriangular(rng, nx);
        DMatrixRMaj cholR = lowerTriangular(rng, p);
        assertSameAsTria(updateBlock(H, S, cholR), true);
        // A selecting H (local level, structural models): H S is sparse.
        DMatrixRMaj select = new DMatrixRMaj(p, nx);
        for (int i = 0; i < p; i++) {
          select.set(i, i, 1.0);
        }
        assertSameAsTria(updateBlock(select, S, cholR), true);
      }
    }
  }

  @Test
  void exactlyRankDeficientBlocksMatchTria() {
    Random rng = new Random(20261206L);
    for (int nx : SIZES) {
      DMatrixRMaj S = lowerTriangular(rng, nx);
      DMatrixRMaj F = gaussian(rng, nx, nx);
      // Zero cholR: the innovation pivot then rests on H S alone.
      assertSameAsTria(updateBlock(gaussian(rng, 1, nx), S, new DMatrixRMaj(1, 1)), false);
      // Zero cholQ and a zero row in S (a noiseless state with a known value).
      DMatrixRMaj SZeroRow = S.copy();
      for (int j = 0; j < nx; j++) {
        SZeroRow.set(nx - 1, j, 0.0);
      }
      assertSameAsTria(predictBlock(F, SZeroRow, new DMatrixRMaj(nx, 2)), false);
      // A singular cholQ with zero columns, and a singular S: an exact-zero column of S.
      DMatrixRMaj cholQ = gaussian(rng, nx, 3);
      for (int i = 0; i < nx; i++) {
        cholQ.set(i, 1, 0.0);
      }
      DMatrixRMaj SZeroColumn = S.copy();
      for (int i = 0; i < nx; i++) {
        SZeroColumn.set(i, 0, 0.0);
      }
      assertSameAsTria(updateBlock(identityRows(1, nx), SZeroColumn, new DMatrixRMaj(1, 1)), false);
      assertSameAsTria(predictBlock(identityRows(nx, nx), SZeroColumn, cholQ), false);
      // All zero, and more rows than columns.
      assertSameAsTria(new DMatrixRMaj(nx, nx + 1), false);
      assertSameAsTria(gaussian(rng, nx + 2, Math.max(1, nx / 2)), false);
    }
  }

  /**
   * Relative accuracy left to a subnormal entry near 1e-310: about 44 of 52 significand bits, so
   * 2⁻⁴⁰ with room for a few operations.
   */
  private static final double SUBNORMAL_RELATIVE = 0x1p-40;

  @Test
  void subnormalRowsStayFinite() {
    // 1 / (u0 · max) would overflow here: a subnormal max must divide in two steps.
    Random rng = new Random(20261207L);
    DMatrixRMaj M = gaussian(rng, 3, 4);
    for (int j = 0; j < 4; j++) {
      M.set(0, j, 1e-310 * M.get(0, j));
    }
    DMatrixRMaj LRef = new DMatrixRMaj(3, 3);
    new Tria(3, 4).decompose(M, LRef);
    DMatrixRMaj L = new DMatrixRMaj(3, 3);
    new SparseHouseholderTria(3, 4).decompose(M, L);
    for (int i = 0; i < 9; i++) {
      assertTrue(Double.isFinite(L.data[i]), "L entry " + i);
      assertEquals(LRef.data[i], L.data[i], SUBNORMAL_RELATIVE * Math.abs(LRef.data[i]) + 1e-320);
    }
  }

  @Test
  void rejectsNonFiniteInputWithItsPosition() {
    DMatrixRMaj M = new DMatrixRMaj(2, 3);
    M.set(1, 2, Double.NaN);
    ArithmeticException e =
        assertThrows(
            ArithmeticException.class,
            () -> new SparseHouseholderTria(2, 3).decompose(M, new DMatrixRMaj(2, 2)));
    assertTrue(e.getMessage().contains("M(1, 2)"), e.getMessage());
  }

  /**
   * One NaN, +∞ or −∞ at any entry of M, dense or structured (zero blocks, a zero row, a triangle,
   * tall and wide), is named with its position, and the workspace then gives a finite input a fresh
   * workspace's result. A check made after the reduction, through L, would miss a NaN in a row that
   * is otherwise zero (its reflector is the identity and L stays finite): the all-zero input covers
   * such rows.
   */
  @Test
  void rejectsANonFiniteEntryAnywhere() {
    Random rng = new Random(20261210L);
    DMatrixRMaj F = gaussian(rng, 4, 4);
    DMatrixRMaj S = lowerTriangular(rng, 4);
    DMatrixRMaj H = gaussian(rng, 2, 4);
    DMatrixRMaj cholR = lowerTriangular(rng, 2);
    DMatrixRMaj zeroRow = gaussian(rng, 4, 6);
    for (int c = 0; c < 6; c++) {
      zeroRow.set(1, c, 0.0);
    }
    DMatrixRMaj[] inputs = {
      gaussian(rng, 3, 5),
      gaussian(rng, 5, 3),
      lowerTriangular(rng, 5),
      predictBlock(F, S, gaussian(rng, 4, 1)),
      updateBlock(H, S, cholR),
      zeroRow,
      new DMatrixRMaj(3, 4)
    };
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    SparseHouseholderTria workspace = new SparseHouseholderTria(6, 6);
    for (DMatrixRMaj input : inputs) {
      for (int i = 0; i < input.numRows; i++) {
        for (int c = 0; c < input.numCols; c++) {
          for (double value : bad) {
            DMatrixRMaj M = input.copy();
            M.set(i, c, value);
            ArithmeticException e =
                assertThrows(
                    ArithmeticException.class,
                    () -> workspace.decompose(M, new DMatrixRMaj(M.numRows, M.numRows)),
                    value + " at (" + i + ", " + c + ") of a " + M.numRows + " × " + M.numCols);
            String position = "M(" + i + ", " + c + ")";
            assertTrue(e.getMessage().contains(position), e.getMessage());
          }
        }
      }
      DMatrixRMaj L = new DMatrixRMaj(input.numRows, input.numRows);
      DMatrixRMaj fresh = new DMatrixRMaj(input.numRows, input.numRows);
      workspace.decompose(input, L);
      new SparseHouseholderTria(input.numRows, input.numCols).decompose(input, fresh);
      for (int e = 0; e < L.getNumElements(); e++) {
        assertEquals(
            Double.doubleToLongBits(fresh.data[e]), Double.doubleToLongBits(L.data[e]), "L " + e);
      }
    }
  }

  /**
   * One workspace through inputs that grow and shrink in both dimensions, wide and tall, dense and
   * structured: each L and Q the same to the bit as a workspace made for that input alone (the row
   * arrays are grown, never read beyond the input's width, and the reflector's copy is indexed by
   * column).
   */
  @Test
  void reusedWorkspaceGivesAFreshWorkspacesResult() {
    Random rng = new Random(20261206L);
    int[][] shapes = {{3, 4}, {6, 9}, {2, 7}, {8, 5}, {5, 12}, {1, 3}, {9, 9}, {4, 4}};
    SparseHouseholderTria reused = new SparseHouseholderTria(2, 2);
    for (int[] shape : shapes) {
      int n = shape[0];
      int m = shape[1];
      DMatrixRMaj[] inputs = {
        gaussian(rng, n, m),
        n + 1 < m
            ? predictBlock(gaussian(rng, n, n), lowerTriangular(rng, n), gaussian(rng, n, m - n))
            : gaussian(rng, n, m)
      };
      for (DMatrixRMaj M : inputs) {
        DMatrixRMaj L = new DMatrixRMaj(1, 1);
        DMatrixRMaj Q = new DMatrixRMaj(1, 1);
        reused.decompose(M, L, Q);
        DMatrixRMaj LFresh = new DMatrixRMaj(1, 1);
        DMatrixRMaj QFresh = new DMatrixRMaj(1, 1);
        new SparseHouseholderTria(n, m).decompose(M, LFresh, QFresh);
        assertArrayEquals(LFresh.data, java.util.Arrays.copyOf(L.data, n * n), n + "×" + m + " L");
        assertArrayEquals(QFresh.data, java.util.Arrays.copyOf(Q.data, m * n), n + "×" + m + " Q");
        assertSameAsTria(M, n <= m);
      }
    }
  }

  @Test
  void allocatesNothingPerCall() {
    Random rng = new Random(7);
    int nx = 8;
    DMatrixRMaj predict =
        predictBlock(gaussian(rng, nx, nx), lowerTriangular(rng, nx), gaussian(rng, nx, 3));
    DMatrixRMaj update =
        updateBlock(gaussian(rng, 2, nx), lowerTriangular(rng, nx), lowerTriangular(rng, 2));
    SparseHouseholderTria tria = new SparseHouseholderTria(nx + 2, nx + 3);
    TriaFactors f = new TriaFactors(nx + 2, nx + 3);
    DMatrixRMaj L = new DMatrixRMaj(nx + 2, nx + 2);
    DMatrixRMaj Q = new DMatrixRMaj(nx + 3, nx + 2);
    int calls = 20_000;
    long allocated =
        Allocation.ofWarmLoop(
            calls,
            () -> {
              tria.decompose(predict, L, Q);
              tria.decompose(update, L);
              f.input().setTo(update);
              tria.decompose(f, true);
            });
    assertTrue(
        allocated <= Allocation.WARM_LOOP_ALLOWANCE, allocated + " bytes over " + calls + " calls");
  }

  /** L and Q of both kernels agree, and M = L Qᵀ; at an exact rank deficiency L Lᵀ too. */
  private static void assertSameAsTria(DMatrixRMaj M, boolean fullRank) {
    int n = M.numRows;
    int m = M.numCols;
    DMatrixRMaj LRef = new DMatrixRMaj(n, n);
    DMatrixRMaj QRef = new DMatrixRMaj(m, n);
    new Tria(n, m).decompose(M, LRef, QRef);
    DMatrixRMaj L = new DMatrixRMaj(1, 1);
    DMatrixRMaj Q = new DMatrixRMaj(1, 1);
    SparseHouseholderTria kernel = new SparseHouseholderTria(n, m);
    kernel.decompose(M, L, Q);
    double scale = Math.max(CommonOps_DDRM.elementMaxAbs(M), Double.MIN_NORMAL);
    double tol = ROUNDING_UNITS * Math.max(n, m) * Math.ulp(1.0);
    assertEntriesClose(LRef, L, tol * scale, "L");
    DMatrixRMaj LQt = new DMatrixRMaj(n, m);
    CommonOps_DDRM.multTransB(L, Q, LQt);
    assertEntriesClose(M, LQt, tol * scale, "L Qᵀ");
    assertEntriesClose(gram(LRef), gram(L), tol * scale * scale * n, "L Lᵀ");
    for (int j = 0; j < n; j++) {
      assertTrue(L.get(j, j) >= 0, "L_jj ≥ 0");
      for (int i = 0; i < j; i++) {
        assertEquals(0.0, L.get(i, j), "L upper");
      }
    }
    if (fullRank) {
      assertEntriesClose(QRef, Q, tol, "Q");
    }
  }
}
