package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The derivatives from the input M (Q replaced by Mᵀ L⁻ᵀ) equal those from Q, and Q formed after an
 * L-only decomposition equals Q formed with it.
 */
class InputFormAdjointTest {

  /** Replacing Q by Mᵀ L⁻ᵀ costs about cond(L) ε; these random factors have cond(L) < 1e3. */
  private static final double SAME_DERIVATIVE = 1e-11;

  @ParameterizedTest(name = "{0} n={1} m={2}")
  @CsvSource({
    "MASKED,3,3",
    "MASKED,4,9",
    "MASKED,10,20",
    "FULL_RANK,5,8",
    "PSEUDOINVERSE,6,7",
    "MASKED,1,4"
  })
  void inputFormMatchesTheQForm(TriaRule rule, int n, int m) {
    Random rng = new Random(n * 100L + m);
    DMatrixRMaj M = gaussian(rng, n, m);
    DMatrixRMaj dM = gaussian(rng, n, m);
    DMatrixRMaj LBar = gaussian(rng, n, n);
    TriaFactors f = Tria.factor(M);
    assertTrue(TriaAdjoint.invertibleEnough(f.L()));
    TriaAdjoint adjoint = new TriaAdjoint(n, m);

    DMatrixRMaj dLq = new DMatrixRMaj(n, n);
    DMatrixRMaj dLm = new DMatrixRMaj(n, n);
    adjoint.jvp(rule, f.L(), f.Q(), dM, dLq);
    adjoint.jvpFromInput(rule, f.L(), M, dM, dLm);
    assertTrue(relativeError(dLm, dLq) <= SAME_DERIVATIVE, "JVP " + relativeError(dLm, dLq));

    DMatrixRMaj MBarQ = new DMatrixRMaj(n, m);
    DMatrixRMaj MBarM = new DMatrixRMaj(n, m);
    adjoint.vjpAdd(rule, f.L(), f.Q(), LBar, MBarQ);
    adjoint.vjpAddFromInput(rule, f.L(), M, LBar, MBarM);
    assertTrue(
        relativeError(MBarM, MBarQ) <= SAME_DERIVATIVE, "VJP " + relativeError(MBarM, MBarQ));

    // The left factor K alone: K M is the input-form VJP, to the bit (the same operations).
    DMatrixRMaj K = new DMatrixRMaj(n, n);
    adjoint.vjpLeftFactor(rule, f.L(), LBar, K);
    DMatrixRMaj KM = new DMatrixRMaj(n, m);
    BlockProduct.multAdd(1.0, n, n, m, K.data, 0, n, M.data, 0, m, KM.data, 0, m);
    assertArrayEquals(MBarM.data, KM.data, 0.0, "K M against the input-form VJP");
  }

  /** For L̄ = 2 Ḡ L (a loss of M Mᵀ only) the Gramian shortcut is the full VJP. */
  @ParameterizedTest(name = "n={0} m={1}")
  @CsvSource({"3,3", "5,10", "12,20"})
  void gramianShortcutMatchesTheFullVjpForALossOfTheGramian(int n, int m) {
    Random rng = new Random(7L * n + m);
    DMatrixRMaj M = gaussian(rng, n, m);
    DMatrixRMaj A = gaussian(rng, n, n);
    DMatrixRMaj G2 = A.copy(); // 2 Ḡ, symmetric
    org.ejml.dense.row.CommonOps_DDRM.addEquals(
        G2, org.ejml.dense.row.CommonOps_DDRM.transpose(A, null));
    TriaFactors f = Tria.factor(M);
    DMatrixRMaj LBar = org.ejml.dense.row.CommonOps_DDRM.mult(G2, f.L(), null);
    TriaAdjoint adjoint = new TriaAdjoint(n, m);
    DMatrixRMaj full = new DMatrixRMaj(n, m);
    DMatrixRMaj shortcut = new DMatrixRMaj(n, m);
    adjoint.vjpAdd(TriaRule.MASKED, f.L(), f.Q(), LBar, full);
    adjoint.vjpAddGramianFromInput(f.L(), M, LBar, shortcut);
    assertTrue(
        relativeError(shortcut, full) <= SAME_DERIVATIVE, "" + relativeError(shortcut, full));
  }

  @Test
  void rankDeficientFactorIsNotInvertibleEnough() {
    DMatrixRMaj M = ofRank(new Random(3), 4, 6, 2);
    TriaFactors f = Tria.factor(M);
    assertFalse(TriaAdjoint.invertibleEnough(f.L()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TriaAdjoint(4, 6)
                .vjpAddFromInput(TriaRule.MASKED, f.L(), M, f.L(), new DMatrixRMaj(4, 6)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TriaAdjoint(4, 6)
                .vjpLeftFactor(TriaRule.MASKED, f.L(), f.L(), new DMatrixRMaj(4, 4)));
  }

  @ParameterizedTest(name = "n={0} m={1} rank={2}")
  @CsvSource({"4,7,4", "4,7,2", "7,4,4", "3,3,0"})
  void qFormedAfterTheFactIsTheSameQ(int n, int m, int rank) {
    DMatrixRMaj M = ofRank(new Random(n + 10L * m + rank), n, m, rank);
    Tria tria = new Tria(n, m);
    DMatrixRMaj L = new DMatrixRMaj(1, 1);
    DMatrixRMaj Q = new DMatrixRMaj(1, 1);
    DMatrixRMaj Lonly = new DMatrixRMaj(1, 1);
    DMatrixRMaj Qlater = new DMatrixRMaj(1, 1);
    tria.decompose(M, L, Q);
    tria.decompose(M, Lonly);
    tria.lastQ(Qlater);
    assertEquals(0.0, relativeError(Qlater, Q));
    assertEquals(0.0, relativeError(Lonly, L));
  }
}
