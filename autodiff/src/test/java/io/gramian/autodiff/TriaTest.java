package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriaTest {

  /**
   * L Lᵀ = M Mᵀ and M = L Qᵀ hold to the backward error of a Householder QR, a small multiple of
   * max(n, m) · ε relative to ‖M‖²; 1e-13 covers sizes up to 20 with margin.
   */
  private static final double RECONSTRUCTION_TOLERANCE = 1e-13;

  @ParameterizedTest(name = "n={0} m={1} rank={2}")
  @CsvSource({
    "1,1,1",
    "1,3,1",
    "3,1,1",
    "4,4,4",
    "4,4,2",
    "4,4,0",
    "5,8,3",
    "5,8,5",
    "8,5,5",
    "8,5,2",
    "6,2,2",
    "2,6,2",
    "7,7,6",
    "20,30,20",
    "20,30,7",
    "30,20,20",
    "3,0,0",
    "0,3,0"
  })
  void factorReproducesGramianAndM(int n, int m, int rank) {
    Random rng = new Random(1000L * n + 10L * m + rank);
    DMatrixRMaj M = ofRank(rng, n, m, rank);
    TriaFactors f = Tria.factor(M);
    DMatrixRMaj L = f.L();

    assertEquals(n, L.numRows);
    assertEquals(n, L.numCols);
    for (int i = 0; i < n; i++) {
      assertTrue(L.get(i, i) >= 0, "diagonal must be non-negative");
      for (int j = i + 1; j < n; j++) {
        assertEquals(0.0, L.get(i, j), "L must be lower triangular");
      }
    }
    double scale = Math.max(1.0, norm(M) * norm(M));
    DMatrixRMaj G = gram(M);
    DMatrixRMaj LLt = gram(L);
    assertTrue(normOfDifference(LLt, G) <= RECONSTRUCTION_TOLERANCE * scale);

    DMatrixRMaj LQt = CommonOps_DDRM.multTransB(L, f.Q(), null);
    assertTrue(normOfDifference(LQt, M) <= RECONSTRUCTION_TOLERANCE * Math.max(1.0, norm(M)));
  }

  @ParameterizedTest(name = "n={0} m={1} rank={2}")
  @CsvSource({"4,7,4", "4,7,2", "7,4,3", "5,5,0"})
  void factorWithoutQIsTheSameFactor(int n, int m, int rank) {
    DMatrixRMaj M = ofRank(new Random(n * 7L + m + rank), n, m, rank);
    Tria tria = new Tria(n, m);
    DMatrixRMaj withQ = new DMatrixRMaj(1, 1);
    DMatrixRMaj Q = new DMatrixRMaj(1, 1);
    DMatrixRMaj withoutQ = new DMatrixRMaj(1, 1);
    tria.decompose(M, withQ, Q);
    tria.decompose(M, withoutQ);
    assertEquals(0.0, normOfDifference(withQ, withoutQ));
  }

  @Test
  void rankDeficientInputIsNotAnError() {
    DMatrixRMaj M = of(new double[][] {{1, 0}, {1, 0}, {1, 0}});
    DMatrixRMaj L = Tria.tria(M);
    DMatrixRMaj expected = of(new double[][] {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}});
    assertEquals(0.0, normOfDifference(L, expected), 1e-15);
  }

  /** The check run after a QR that met a zero column accepts a sound L and rejects a bad one. */
  @Test
  void rowNormCheckRejectsAFactorThatLostARow() {
    DMatrixRMaj M = of(new double[][] {{1, 0}, {1, 0}, {1, 0}});
    Tria.verifyRowNorms(M, Tria.tria(M));
    DMatrixRMaj bad = of(new double[][] {{1, 0, 0}, {1, 0, 0}, {0.5, 0, 0}});
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> Tria.verifyRowNorms(M, bad));
    assertTrue(e.getMessage().contains("do not keep the norms"), e.getMessage());
  }

  @Test
  void zeroMatrixGivesZeroFactor() {
    DMatrixRMaj L = Tria.tria(new DMatrixRMaj(3, 4));
    assertEquals(0.0, norm(L));
  }

  @Test
  void signIsNormalisedSoTriaIsAFunction() {
    // M and M·diag(±1)·(permutation-free rotation) have the same Gramian and the same tria.
    Random rng = new Random(7);
    DMatrixRMaj M = gaussian(rng, 4, 6);
    DMatrixRMaj Mneg = M.copy();
    CommonOps_DDRM.scale(-1.0, Mneg);
    assertEquals(0.0, normOfDifference(Tria.tria(M), Tria.tria(Mneg)), 1e-13);
  }

  @Test
  void nonFiniteInputNamesTheEntry() {
    DMatrixRMaj M = of(new double[][] {{1, 2}, {3, Double.NaN}});
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> Tria.tria(M));
    assertTrue(e.getMessage().contains("M(1, 1)"), e.getMessage());
  }

  @Test
  void workspaceHandlesVaryingShapes() {
    Tria tria = new Tria(6, 9);
    DMatrixRMaj L = new DMatrixRMaj(1, 1);
    DMatrixRMaj Q = new DMatrixRMaj(1, 1);
    Random rng = new Random(3);
    for (int[] shape : new int[][] {{6, 9}, {2, 3}, {6, 2}, {1, 9}, {6, 9}}) {
      DMatrixRMaj M = gaussian(rng, shape[0], shape[1]);
      tria.decompose(M, L, Q);
      assertTrue(normOfDifference(gram(L), gram(M)) <= 1e-13 * norm(M) * norm(M));
    }
  }

  private static double normOfDifference(DMatrixRMaj A, DMatrixRMaj B) {
    return norm(CommonOps_DDRM.subtract(A, B, null));
  }
}
