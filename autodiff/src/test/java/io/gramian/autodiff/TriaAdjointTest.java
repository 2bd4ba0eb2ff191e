package io.gramian.autodiff;

import static io.gramian.autodiff.testing.FiniteDifferences.directional;
import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TriaAdjointTest {

  /** JVP and VJP are exact transposes; only rounding separates the two inner products. */
  private static final double ADJOINT_TOLERANCE = 1e-12;

  /** The Gramian identity holds exactly; only rounding (a few ε · ‖M‖ ‖dM‖ · n) remains. */
  private static final double GRAMIAN_TOLERANCE = 1e-12;

  /**
   * Central differences with step h: truncation O(h²) ≈ 1e-10 and rounding O(ε/h) ≈ 1e-10 at h =
   * 1e-5 on O(1) entries; 1e-8 relative leaves two orders of margin.
   */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-8;

  private static final double FD_STEP = 1e-5;

  /** Shapes (n, m) and ranks: square, tall, wide, zero columns, rank 0 to full. */
  static List<Arguments> shapesAndRanks() {
    List<Arguments> cases = new ArrayList<>();
    int[][] shapes = {{1, 1}, {2, 2}, {3, 5}, {5, 3}, {4, 4}, {5, 8}, {8, 5}, {6, 12}, {10, 10}};
    for (int[] s : shapes) {
      int full = Math.min(s[0], s[1]);
      for (int r = 0; r <= full; r++) {
        cases.add(Arguments.of(s[0], s[1], r));
      }
    }
    cases.add(Arguments.of(4, 0, 0));
    return cases;
  }

  static List<Arguments> rulesShapesAndRanks() {
    List<Arguments> cases = new ArrayList<>();
    for (Arguments a : shapesAndRanks()) {
      Object[] g = a.get();
      int n = (int) g[0];
      int m = (int) g[1];
      int r = (int) g[2];
      cases.add(Arguments.of(TriaRule.MASKED, n, m, r));
      cases.add(Arguments.of(TriaRule.PSEUDOINVERSE, n, m, r));
      if (r == n && n > 0) {
        cases.add(Arguments.of(TriaRule.FULL_RANK, n, m, r));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} n={1} m={2} rank={3}")
  @MethodSource("rulesShapesAndRanks")
  void jvpAndVjpAreTransposes(TriaRule rule, int n, int m, int rank) {
    Random rng = new Random(31L * n + 17L * m + rank);
    DMatrixRMaj M = ofRank(rng, n, m, rank);
    DMatrixRMaj dM = gaussian(rng, n, m);
    DMatrixRMaj LBar = gaussian(rng, n, n);

    DMatrixRMaj dL = TriaAdjoint.jvp(rule, M, dM);
    DMatrixRMaj MBar = TriaAdjoint.vjp(rule, M, LBar);
    double forward = inner(LBar, dL);
    double reverse = inner(MBar, dM);
    double scale = Math.max(Math.abs(forward), Math.abs(reverse));
    assertTrue(Double.isFinite(forward) && Double.isFinite(reverse));
    assertTrue(
        Math.abs(forward - reverse) <= ADJOINT_TOLERANCE * Math.max(scale, 1e-300),
        "⟨L̄, dL⟩ = " + forward + " but ⟨M̄, dM⟩ = " + reverse);
  }

  @ParameterizedTest(name = "{0} n={1} m={2} rank={3}")
  @MethodSource("rulesShapesAndRanks")
  void gramianIdentityHoldsAtEveryRank(TriaRule rule, int n, int m, int rank) {
    Random rng = new Random(131L * n + 7L * m + rank);
    DMatrixRMaj M = ofRank(rng, n, m, rank);
    DMatrixRMaj dM = gaussian(rng, n, m);
    assertGramianIdentity(rule, M, dM);
  }

  @ParameterizedTest
  @EnumSource(
      value = TriaRule.class,
      names = {"MASKED", "PSEUDOINVERSE"})
  void gramianIdentityOnTheRankOneExample(TriaRule rule) {
    DMatrixRMaj M = of(new double[][] {{1, 0}, {1, 0}, {1, 0}});
    DMatrixRMaj dM = of(new double[][] {{0, 0}, {1, 2}, {3, 4}});
    assertGramianIdentity(rule, M, dM);
  }

  private static void assertGramianIdentity(TriaRule rule, DMatrixRMaj M, DMatrixRMaj dM) {
    TriaFactors f = Tria.factor(M);
    DMatrixRMaj dL = TriaAdjoint.jvp(rule, M, dM);
    DMatrixRMaj lhs = symmetricProduct(dL, f.L());
    DMatrixRMaj rhs = symmetricProduct(dM, M);
    double scale = Math.max(1.0, norm(M) * norm(dM));
    double err = norm(CommonOps_DDRM.subtract(lhs, rhs, null));
    assertTrue(err <= GRAMIAN_TOLERANCE * scale, "Gramian identity off by " + err);
  }

  @ParameterizedTest(name = "{0} n={1} m={2}")
  @MethodSource("fullRankShapes")
  void jvpMatchesFiniteDifferencesAtFullRank(TriaRule rule, int n, int m) {
    Random rng = new Random(97L * n + m);
    DMatrixRMaj M = gaussian(rng, n, m);
    DMatrixRMaj dM = gaussian(rng, n, m);
    DMatrixRMaj dL = TriaAdjoint.jvp(rule, M, dM);
    DMatrixRMaj fd = directional(Tria::tria, M, dM, FD_STEP);
    assertTrue(
        relativeError(dL, fd) <= FINITE_DIFFERENCE_TOLERANCE,
        "JVP vs finite differences: " + relativeError(dL, fd));
  }

  static List<Arguments> fullRankShapes() {
    List<Arguments> cases = new ArrayList<>();
    int[][] shapes = {{1, 1}, {3, 3}, {6, 6}, {3, 5}, {4, 9}, {10, 20}};
    for (TriaRule rule : TriaRule.values()) {
      for (int[] s : shapes) {
        cases.add(Arguments.of(rule, s[0], s[1]));
      }
    }
    return cases;
  }

  /**
   * A loss of G = M Mᵀ only, f = tr(C G) + ¼‖G‖² + log det(I + G), on a rank-3 5 × 8 M. With F =
   * ∂f/∂G = Cᵀ + ½ G + (I + G)⁻ᵀ, the exact gradient is ∂f/∂M = (F + Fᵀ) M, and L̄ = (F + Fᵀ) L.
   * Both Gramian rules must return it exactly, and agree with finite differences of f(M) taken
   * directly.
   */
  @ParameterizedTest
  @EnumSource(
      value = TriaRule.class,
      names = {"MASKED", "PSEUDOINVERSE"})
  void exactForALossOfTheGramianOnly(TriaRule rule) {
    Random rng = new Random(2603);
    DMatrixRMaj M = ofRank(rng, 5, 8, 3);
    DMatrixRMaj C = gaussian(rng, 5, 5);
    DMatrixRMaj G = gram(M);

    DMatrixRMaj S = symmetricLossGradient(C, G); // F + Fᵀ
    DMatrixRMaj L = Tria.tria(M);
    DMatrixRMaj LBar = CommonOps_DDRM.mult(S, L, null);
    DMatrixRMaj MBar = TriaAdjoint.vjp(rule, M, LBar);
    DMatrixRMaj exact = CommonOps_DDRM.mult(S, M, null);
    assertTrue(
        relativeError(MBar, exact) <= GRAMIAN_TOLERANCE * 100,
        "VJP vs (F + Fᵀ) M: " + relativeError(MBar, exact));

    // Finite differences of f(M), entry by entry.
    DMatrixRMaj fd = new DMatrixRMaj(5, 8);
    for (int i = 0; i < M.getNumElements(); i++) {
      DMatrixRMaj plus = M.copy();
      DMatrixRMaj minus = M.copy();
      plus.data[i] += FD_STEP;
      minus.data[i] -= FD_STEP;
      fd.data[i] = (gramLoss(C, gram(plus)) - gramLoss(C, gram(minus))) / (2 * FD_STEP);
    }
    assertTrue(
        relativeError(MBar, fd) <= FINITE_DIFFERENCE_TOLERANCE,
        "VJP vs finite differences: " + relativeError(MBar, fd));
  }

  /** The failure the Gramian rules remove: the textbook rule at an exactly zero pivot. */
  @Test
  void fullRankRuleIsNonFiniteAtAZeroPivot() {
    DMatrixRMaj M = of(new double[][] {{1, 0}, {1, 0}, {1, 0}});
    DMatrixRMaj dM = of(new double[][] {{0, 0}, {1, 2}, {3, 4}});
    DMatrixRMaj LBar = gaussian(new Random(5), 3, 3);
    assertFalse(allFinite(TriaAdjoint.jvp(TriaRule.FULL_RANK, M, dM)));
    assertFalse(allFinite(TriaAdjoint.vjp(TriaRule.FULL_RANK, M, LBar)));
    assertTrue(allFinite(TriaAdjoint.jvp(TriaRule.MASKED, M, dM)));
    assertTrue(allFinite(TriaAdjoint.vjp(TriaRule.MASKED, M, LBar)));
    assertTrue(allFinite(TriaAdjoint.jvp(TriaRule.PSEUDOINVERSE, M, dM)));
    assertTrue(allFinite(TriaAdjoint.vjp(TriaRule.PSEUDOINVERSE, M, LBar)));
  }

  /** With no zero pivot, the masked and pseudoinverse rules are the textbook rule. */
  @Test
  void rulesAgreeAtFullRank() {
    Random rng = new Random(11);
    DMatrixRMaj M = gaussian(rng, 6, 9);
    DMatrixRMaj dM = gaussian(rng, 6, 9);
    DMatrixRMaj reference = TriaAdjoint.jvp(TriaRule.FULL_RANK, M, dM);
    assertTrue(relativeError(TriaAdjoint.jvp(TriaRule.MASKED, M, dM), reference) <= 1e-13);
    assertTrue(relativeError(TriaAdjoint.jvp(TriaRule.PSEUDOINVERSE, M, dM), reference) <= 1e-12);
  }

  @Test
  void vjpAccumulatesIntoItsOutput() {
    Random rng = new Random(12);
    DMatrixRMaj M = gaussian(rng, 4, 6);
    DMatrixRMaj LBar = gaussian(rng, 4, 4);
    TriaFactors f = Tria.factor(M);
    TriaAdjoint adjoint = new TriaAdjoint(4, 6);
    DMatrixRMaj once = new DMatrixRMaj(4, 6);
    adjoint.vjpAdd(TriaRule.MASKED, f.L(), f.Q(), LBar, once);
    DMatrixRMaj twice = once.copy();
    adjoint.vjpAdd(TriaRule.MASKED, f.L(), f.Q(), LBar, twice);
    CommonOps_DDRM.scale(2.0, once);
    assertTrue(relativeError(twice, once) <= 1e-15);
  }

  @Test
  void shapeMismatchIsReported() {
    TriaFactors f = Tria.factor(gaussian(new Random(1), 3, 4));
    TriaAdjoint adjoint = new TriaAdjoint(3, 4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                adjoint.jvp(
                    TriaRule.MASKED, f.L(), f.Q(), new DMatrixRMaj(3, 5), new DMatrixRMaj(3, 3)));
    assertTrue(e.getMessage().contains("dM is 3 × 5, expected 3 × 4"), e.getMessage());
  }

  private static double gramLoss(DMatrixRMaj C, DMatrixRMaj G) {
    int n = G.numRows;
    DMatrixRMaj IplusG = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.addEquals(IplusG, G);
    return inner(CommonOps_DDRM.transpose(C, null), G)
        + 0.25 * inner(G, G)
        + Math.log(CommonOps_DDRM.det(IplusG));
  }

  /** F + Fᵀ for F = ∂f/∂G = Cᵀ + ½ G + (I + G)⁻ᵀ. */
  private static DMatrixRMaj symmetricLossGradient(DMatrixRMaj C, DMatrixRMaj G) {
    int n = G.numRows;
    DMatrixRMaj IplusG = CommonOps_DDRM.identity(n);
    CommonOps_DDRM.addEquals(IplusG, G);
    DMatrixRMaj inv = new DMatrixRMaj(n, n);
    assertTrue(CommonOps_DDRM.invert(IplusG, inv)); // test oracle only
    DMatrixRMaj F = CommonOps_DDRM.transpose(C, null);
    CommonOps_DDRM.addEquals(F, 0.5, G);
    CommonOps_DDRM.addEquals(F, CommonOps_DDRM.transpose(inv, null));
    DMatrixRMaj S = F.copy();
    CommonOps_DDRM.addEquals(S, CommonOps_DDRM.transpose(F, null));
    return S;
  }
}
