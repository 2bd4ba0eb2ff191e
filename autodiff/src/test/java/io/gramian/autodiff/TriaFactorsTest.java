package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A triangularisation recorded for derivatives keeps M where L is well conditioned and forms Q
 * where it is not; either way its tangent and adjoint equal those of the allocating reference
 * ({@link TriaAdjoint#jvp(TriaRule, DMatrixRMaj, DMatrixRMaj)}), also after a round trip through
 * flat storage as a tape keeps it. A record whose L was checked when it was decomposed is not
 * checked again; one decomposed without derivatives is.
 */
class TriaFactorsTest {

  /** M in place of Q costs about cond(L) ε; these factors have cond(L) < 1e3 where M is kept. */
  private static final double SAME_DERIVATIVE = 1e-11;

  @ParameterizedTest(name = "n={0} m={1} rank={2}")
  @CsvSource({"4,7,4", "5,5,5", "4,7,2", "6,3,3", "3,3,0"})
  void recordChoosesItsFormAndDifferentiatesLikeTheReference(int n, int m, int rank) {
    Random rng = new Random(31L * n + 7L * m + rank);
    DMatrixRMaj M = ofRank(rng, n, m, rank);
    DMatrixRMaj dM = gaussian(rng, n, m);
    DMatrixRMaj LBar = gaussian(rng, n, n);

    TriaFactors recorded = new TriaFactors(n + 2, m + 2);
    recorded.input().setTo(M);
    new Tria(n + 2, m + 2).decompose(recorded, true);
    assertEquals(rank < n, recorded.hasQ(), "Q is formed exactly when L has a small pivot");

    // Through flat storage into another record, as the filter's tape does.
    double[] l = new double[3 + n * n];
    double[] basis = new double[5 + n * m];
    boolean withQ = recorded.store(l, 3, basis, 5);
    TriaFactors restored = new TriaFactors(n, m);
    restored.restore(n, m, withQ, l, 3, basis, 5);

    TriaAdjoint adjoint = new TriaAdjoint(n, m);
    for (TriaFactors f : new TriaFactors[] {recorded, restored}) {
      DMatrixRMaj dL = new DMatrixRMaj(n, n);
      f.jvp(adjoint, TriaRule.MASKED, dM, dL);
      DMatrixRMaj expected = TriaAdjoint.jvp(TriaRule.MASKED, M, dM);
      assertTrue(
          relativeError(dL, expected) <= SAME_DERIVATIVE, "JVP " + relativeError(dL, expected));

      DMatrixRMaj MBar = new DMatrixRMaj(n, m);
      f.vjpAdd(adjoint, TriaRule.MASKED, LBar, MBar);
      DMatrixRMaj expectedBar = TriaAdjoint.vjp(TriaRule.MASKED, M, LBar);
      assertTrue(
          relativeError(MBar, expectedBar) <= SAME_DERIVATIVE,
          "VJP " + relativeError(MBar, expectedBar));
    }
  }

  /**
   * A record decomposed without derivatives has neither Q nor a checked L: asked for derivatives
   * anyway, it checks L then, and refuses a rank-deficient one instead of differentiating through
   * L⁻¹.
   */
  @org.junit.jupiter.api.Test
  void aRecordMadeWithoutDerivativesStillChecksLWhenAskedForThem() {
    Random rng = new Random(5);
    int n = 4;
    int m = 6;
    TriaFactors plain = new TriaFactors(n, m);
    plain.input().setTo(ofRank(rng, n, m, 2));
    new Tria(n, m).decompose(plain, false);
    assertFalse(plain.hasQ());
    TriaAdjoint adjoint = new TriaAdjoint(n, m);
    DMatrixRMaj MBar = new DMatrixRMaj(n, m);
    assertThrows(
        IllegalArgumentException.class,
        () -> plain.vjpAdd(adjoint, TriaRule.MASKED, gaussian(rng, n, n), MBar));
    assertThrows(
        IllegalArgumentException.class,
        () -> plain.jvp(adjoint, TriaRule.MASKED, gaussian(rng, n, m), new DMatrixRMaj(n, n)));
  }
}
