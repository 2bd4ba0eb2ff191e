package io.gramian.autodiff.tape;

import static io.gramian.autodiff.testing.FiniteDifferences.*;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriaAdjoint;
import io.gramian.autodiff.TriaRule;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code tria} on the tape at rank-deficient inputs, where {@code L} itself is not a smooth
 * function of {@code M} but {@code L Lᵀ = M Mᵀ} is: the tape must give the exact gradient of any
 * loss of {@code M Mᵀ} (docs/tria.md).
 */
class TriaOnTapeTest {

  /** Comparison with the closed form (W + Wᵀ) M: rounding of a few small QRs and products. */
  private static final double EXACT_TOLERANCE = 1e-12;

  /** Five-point differences of a quadratic loss are exact up to rounding, ε |ℓ| / h ≈ 1e-11. */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-9;

  /** Tangent and adjoint are exact transposes: rounding only. */
  private static final double DOT_PRODUCT_TOLERANCE = 1e-12;

  /**
   * Loss {@code ℓ = ⟨W, L Lᵀ⟩} with {@code L = tria(M)}, M of rank r: the tape's M̄ equals {@code
   * (W + Wᵀ) M} and central differences of {@code ⟨W, M Mᵀ⟩}.
   */
  @ParameterizedTest(name = "MASKED n={0} m={1} rank={2}")
  @CsvSource({"4, 3, 2", "4, 6, 2", "5, 5, 1", "3, 4, 0", "6, 2, 2"})
  void maskedRuleIsExactForALossOfTheGramian(int n, int m, int rank) {
    Random rng = new Random(1000L * n + 10L * m + rank);
    DMatrixRMaj M = ofRank(rng, n, m, rank);
    DMatrixRMaj W = gaussian(rng, n, n);

    Tape tape = new Tape();
    Var Mv = tape.variable(M);
    Var L = Mv.tria(TriaRule.MASKED);
    Var G = L.times(L.transpose());
    tape.seed(G, W);
    tape.backwardAdd(new double[0]);

    DMatrixRMaj symmetric = CommonOps_DDRM.add(W, CommonOps_DDRM.transpose(W, null), null);
    DMatrixRMaj exact = CommonOps_DDRM.mult(symmetric, M, null);
    // relativeError is absolute when the reference is 0 (rank 0).
    assertTrue(
        relativeError(Mv.adjoint(), exact) <= EXACT_TOLERANCE,
        "M̄ vs (W + Wᵀ) M: " + relativeError(Mv.adjoint(), exact));

    DMatrixRMaj fd = centralDifferences(x -> inner(W, CommonOps_DDRM.multTransB(x, x, null)), M);
    double err = relativeError(Mv.adjoint(), fd);
    assertTrue(err <= FINITE_DIFFERENCE_TOLERANCE, "M̄ vs central differences: " + err);
  }

  /** The same through parameters: M assembled entry by entry from θ, one rank-1 column pair. */
  @Test
  void rankDeficientTriaOfParametersGivesTheGramianGradient() {
    // M = [[θ0, 2θ0], [θ1, 2θ1], [θ2, 2θ2]]: rank 1, so tria(M) has two zero pivots.
    double[] theta = {0.7, -1.3, 0.4};
    DMatrixRMaj W = gaussian(new Random(77), 3, 3);
    Tape tape = new Tape();
    Var[] p = new Var[3];
    for (int i = 0; i < 3; i++) {
      p[i] = tape.parameter(i, theta[i]);
    }
    Var M = tape.fromEntries(3, 2, p[0], p[0].mul(2), p[1], p[1].mul(2), p[2], p[2].mul(2));
    Var L = M.tria(TriaRule.MASKED);
    tape.seed(L.times(L.transpose()), W);
    double[] gradient = tape.gradient(3);

    double[] fd =
        centralDifferences(
            t -> {
              DMatrixRMaj x =
                  new DMatrixRMaj(3, 2, true, t[0], 2 * t[0], t[1], 2 * t[1], t[2], 2 * t[2]);
              return inner(W, CommonOps_DDRM.multTransB(x, x, null));
            },
            theta);
    assertTrue(
        relativeError(gradient, fd) <= FINITE_DIFFERENCE_TOLERANCE,
        "∂ℓ/∂θ vs central differences: " + relativeError(gradient, fd));
  }

  /** At exactly zero pivots the tape's adjoint is still the transpose of the rule's tangent. */
  @ParameterizedTest
  @EnumSource(
      value = TriaRule.class,
      names = {"MASKED", "PSEUDOINVERSE"})
  void adjointIsTheTransposeOfTheTangentAtRankDeficiency(TriaRule rule) {
    Random rng = new Random(2603 + rule.ordinal());
    DMatrixRMaj M = ofRank(rng, 5, 7, 3);
    DMatrixRMaj dM = gaussian(rng, 5, 7);
    DMatrixRMaj LBar = gaussian(rng, 5, 5);
    Tape tape = new Tape();
    Var Mv = tape.variable(M);
    tape.seed(Mv.tria(rule), LBar);
    tape.backwardAdd(new double[0]);
    double forward = inner(LBar, TriaAdjoint.jvp(rule, M, dM));
    double reverse = inner(Mv.adjoint(), dM);
    double scale = norm(LBar) * norm(TriaAdjoint.jvp(rule, M, dM)) + norm(Mv.adjoint()) * norm(dM);
    assertEquals(forward, reverse, DOT_PRODUCT_TOLERANCE * scale);
  }

  /** The value is {@link Tria#tria}'s; a constant input is computed but not recorded. */
  @Test
  void valueIsTriaAndAConstantInputIsNotRecorded() {
    DMatrixRMaj M = ofRank(new Random(3), 4, 3, 2);
    Tape tape = new Tape();
    Var L = tape.constant(M).tria(TriaRule.MASKED);
    assertEquals(0, tape.size());
    assertArrayEquals(Tria.tria(M).data, L.value().data, 0.0);
  }
}
