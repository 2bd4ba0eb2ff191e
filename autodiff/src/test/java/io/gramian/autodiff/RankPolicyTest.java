package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rank policy: a pivot is dead when it is rounding-small relative to the size of M (its largest
 * row), however small the live pivots are; and the input form of the derivatives is taken only for
 * a well-conditioned L.
 */
class RankPolicyTest {

  /** As in TriaAdjointTest: the Gramian identity holds to rounding. */
  private static final double GRAMIAN_TOLERANCE = 1e-12;

  /**
   * Rows d·a, a + d·b, a + 2d·b, d·c with d = 1e-4: row 3 is an exact combination of rows 1 and 2
   * (a + 2db = 2(a + db) − a), so its pivot is rounding (about 1e-16) while every live pivot is
   * about 1e-4 although the rows have size 1. Scaled by the largest pivot the rounding pivot passed
   * as live, the masked dL reached 1e15 and the Gramian identity failed by 1e-5; scaled by the
   * largest row it is dead.
   */
  @Test
  void aRoundingPivotIsDeadRelativeToTheSizeOfM() {
    Random rng = new Random(4);
    DMatrixRMaj a = gaussian(rng, 1, 5);
    DMatrixRMaj b = gaussian(rng, 1, 5);
    DMatrixRMaj c = gaussian(rng, 1, 5);
    double d = 1e-4;
    DMatrixRMaj M = new DMatrixRMaj(4, 5);
    for (int j = 0; j < 5; j++) {
      M.set(0, j, d * a.get(j));
      M.set(1, j, a.get(j) + d * b.get(j));
      M.set(2, j, a.get(j) + 2 * d * b.get(j));
      M.set(3, j, d * c.get(j));
    }
    DMatrixRMaj dM = gaussian(rng, 4, 5);
    DMatrixRMaj dL = TriaAdjoint.jvp(TriaRule.MASKED, M, dM);
    DMatrixRMaj L = Tria.tria(M);
    DMatrixRMaj lhs = symmetricProduct(dL, L);
    DMatrixRMaj rhs = symmetricProduct(dM, M);
    double err = norm(CommonOps_DDRM.subtract(lhs, rhs, null));
    assertTrue(err <= GRAMIAN_TOLERANCE * norm(M) * norm(dM), "Gramian identity off by " + err);
  }

  /** Unit pivots but growing off-diagonal entries: cond(L) grows like b². */
  @ParameterizedTest
  @ValueSource(doubles = {1e4, 1e6, 1e8})
  void anIllConditionedFactorWithUnitPivotsIsNotGivenTheInputForm(double b) {
    DMatrixRMaj L = new DMatrixRMaj(new double[][] {{1, 0, 0}, {b, 1, 0}, {0.7 * b, b, 1}});
    assertFalse(new InputForm(3).permits(L));
  }

  @Test
  void aWellConditionedFactorIsGivenTheInputForm() {
    DMatrixRMaj L = Tria.tria(gaussian(new Random(9), 6, 12));
    assertTrue(new InputForm(6).permits(L));
  }
}
