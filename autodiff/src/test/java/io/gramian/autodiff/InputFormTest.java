package io.gramian.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The input-form test's cheap bounds: the comparison bound bounds ‖L⁻¹‖₁ from above, and {@link
 * InputForm#permits} decides as Hager's estimate alone does except where the diagonal's lower bound
 * shows the condition number above the limit.
 */
class InputFormTest {

  private static final long SEED = 1205L;
  private static final int TRIALS = 400;

  /**
   * The bound against ‖L⁻¹‖₁ from an explicit inverse (EJML): both carry rounding of order n ε
   * cond(L), so the bound may fall short of the computed norm by that much, no more.
   */
  private static final double ROUNDING = 1e-12;

  @Test
  void comparisonBoundIsAtLeastTheInverseNormAndLeavesTheDecisionUnchanged() {
    Random random = new Random(SEED);
    InputForm form = new InputForm(1);
    int accepted = 0;
    int refused = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      int n = 1 + random.nextInt(12);
      DMatrixRMaj L = lowerTriangular(random, n, Math.pow(10, -6 * random.nextDouble()));
      double exact = NormOps_DDRM.normP1(inverse(L));
      double bound = form.comparisonInverseOneNorm(L);
      assertTrue(bound >= exact * (1 - ROUNDING), "n = " + n + ": " + bound + " < " + exact);
      double norm = NormOps_DDRM.normP1(L);
      boolean byEstimate = norm * form.inverseOneNorm(L) <= InputForm.MAX_CONDITION;
      double smallestPivot = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        smallestPivot = Math.min(smallestPivot, Math.abs(L.get(j, j)));
      }
      boolean byDiagonal = norm / smallestPivot <= InputForm.MAX_CONDITION;
      boolean decision = form.permits(L);
      assertEquals(byEstimate && byDiagonal, decision, "trial " + trial);
      if (decision != byEstimate) {
        // the diagonal bound refused where Hager's estimate fell short: truly ill-conditioned
        assertTrue(norm * exact > InputForm.MAX_CONDITION, "trial " + trial);
      }
      if (decision) {
        accepted++;
      } else {
        refused++;
      }
    }
    // Both outcomes occur, so the comparison is not vacuous.
    assertTrue(accepted > 20 && refused > 20, accepted + " accepted, " + refused + " refused");
  }

  @Test
  void theBoundIsExactForADiagonalFactor() {
    DMatrixRMaj L = CommonOps_DDRM.diag(2, 0.25, -4);
    assertEquals(4.0, new InputForm(3).comparisonInverseOneNorm(L), 0.0);
  }

  /** Gaussian below the diagonal, pivots of magnitude in [smallest, 1] with random signs. */
  private static DMatrixRMaj lowerTriangular(Random random, int n, double smallest) {
    DMatrixRMaj L = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        L.unsafe_set(i, j, random.nextGaussian());
      }
      double pivot = smallest + (1 - smallest) * random.nextDouble();
      L.unsafe_set(i, i, random.nextBoolean() ? pivot : -pivot);
    }
    return L;
  }

  private static DMatrixRMaj inverse(DMatrixRMaj L) {
    DMatrixRMaj inv = new DMatrixRMaj(L.numRows, L.numCols);
    assertTrue(CommonOps_DDRM.invert(L, inv));
    return inv;
  }
}
