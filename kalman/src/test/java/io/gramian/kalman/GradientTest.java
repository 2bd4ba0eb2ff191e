package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.CovarianceFilter;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse sweep against fourth-order central finite differences of the covariance-form
 * log-likelihood (an implementation that shares no code with the square-root filter), over every
 * entry of F, c, H, d, cholQ, cholR, m0 and cholP0.
 */
class GradientTest {

  /**
   * Fourth-order differences at step h: truncation O(h⁴ ℓ⁽⁵⁾) ≈ 1e-10 and rounding O(ε |ℓ| / h) ≈
   * 1e-11 · |ℓ| relative to the gradient's norm; 1e-6 (the requirement) leaves a wide margin.
   */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  /**
   * The published rule's error on the singular-R cases is of order 1e-2 (a wrong derivative, not
   * rounding); anything above 1e-4 is unambiguously inexact.
   */
  private static final double CLEARLY_INEXACT = 1e-4;

  private static final double FD_STEP = 1e-3;

  /**
   * The covariance-form and the factor's tangent are two roundings of one derivative: measured
   * within 6e-15 of the largest |dℓ_t| on these cases; 1e-12 leaves a margin for the conditioning
   * of other seeds, far below any dropped term's effect (order one).
   */
  /**
   * Householder and Givens factorisations of one update block differ by a few ε relative to the
   * block (both backward stable): measured at most 2e-16 of ℓ and 1e-14 of the largest adjoint on
   * these cases; 1e-12 leaves room for the conditioning of other seeds.
   */
  private static final double KERNEL_TOLERANCE = 1e-12;

  private static final double COVARIANCE_FORM_TOLERANCE = 1e-12;

  /** A case: dimensions with factor columns and ranks, length, missing-data fractions. */
  record Case(
      String name,
      int nx,
      int ny,
      int q,
      int rankQ,
      int r,
      int rankR,
      int k,
      int rankP0,
      int T,
      double partialMissing,
      double wholeMissing) {
    boolean singularR() {
      return rankR < ny;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("full rank", 3, 2, 3, 3, 2, 2, 3, 3, 30, 0, 0),
        new Case("rank-deficient Q and P0", 4, 2, 4, 1, 2, 2, 4, 2, 30, 0, 0),
        new Case("P0 = 0", 3, 2, 3, 3, 2, 2, 3, 0, 30, 0, 0),
        new Case("R of rank 1", 3, 2, 3, 3, 2, 1, 3, 3, 30, 0, 0),
        new Case("R = 0", 3, 2, 3, 3, 2, 0, 3, 3, 30, 0, 0),
        new Case("P0, Q and R all singular", 4, 2, 4, 2, 2, 1, 4, 2, 30, 0, 0),
        new Case("20% partial and 30% whole-step missing", 3, 3, 3, 3, 3, 3, 3, 3, 40, 0.2, 0.3),
        new Case("missing with singular R", 3, 2, 3, 3, 2, 1, 3, 3, 40, 0.2, 0.3),
        new Case("T = 1000", 2, 1, 2, 2, 1, 1, 2, 2, 1000, 0, 0),
        new Case("ny > nx", 2, 4, 2, 2, 4, 4, 2, 2, 30, 0, 0),
        new Case("q > nx and r < ny", 2, 3, 5, 5, 2, 2, 2, 2, 30, 0, 0));
  }

  static Stream<Arguments> rCases(boolean singular) {
    return cases().filter(c -> c.singularR() == singular).map(Arguments::of);
  }

  static Stream<Arguments> positiveDefiniteR() {
    return rCases(false);
  }

  static Stream<Arguments> singularR() {
    return rCases(true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void maskedRuleGradientMatchesFiniteDifferences(Case c) {
    Fixture f = new Fixture(c);
    double err = Matrices.relativeError(f.gradient(TriaRule.MASKED), f.finiteDifferences());
    assertTrue(err <= GRADIENT_TOLERANCE, c + ": relative error " + err);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positiveDefiniteR")
  void pseudoinverseRuleIsExactWhenRIsPositiveDefinite(Case c) {
    Fixture f = new Fixture(c);
    double err = Matrices.relativeError(f.gradient(TriaRule.PSEUDOINVERSE), f.finiteDifferences());
    assertTrue(err <= GRADIENT_TOLERANCE, c + ": relative error " + err);
  }

  /** Where Gramian goes beyond the published rule: singular observation noise. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("singularR")
  void pseudoinverseRuleIsInexactWhenRIsSingular(Case c) {
    Fixture f = new Fixture(c);
    double err = Matrices.relativeError(f.gradient(TriaRule.PSEUDOINVERSE), f.finiteDifferences());
    assertTrue(err > CLEARLY_INEXACT, c + ": expected a visible error, got " + err);
  }

  /** The forward (tangent) sweep and the reverse sweep agree: Σ_t dℓ_t(v) = ⟨∇ℓ, v⟩. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentSweepAgreesWithReverseSweep(Case c) {
    Fixture f = new Fixture(c);
    Random rng = new Random(99);
    double[] v = new double[f.x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    StateSpaceSystem direction = SystemVector.withEntries(f.system, v);
    double[] terms = new double[c.T()];
    SquareRootFilter.forSystem(f.system)
        .logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, terms);
    double tangent = 0;
    for (double d : terms) {
      tangent += d;
    }
    double[] g = f.gradient(TriaRule.MASKED);
    double reverse = 0;
    for (int i = 0; i < v.length; i++) {
      reverse += g[i] * v[i];
    }
    assertEquals(reverse, tangent, 1e-10 * Math.max(1.0, Math.abs(reverse)), c.toString());
  }

  /**
   * The masked rule's tangent in covariance form (dP, {@link CovarianceTangent}) gives every dℓ_t
   * the factor's tangent (dS by tria's tangent rule, independent code) gives, along a direction in
   * every entry of the system: singular Q, R and P0, missing values, ny &gt; nx.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentInCovarianceFormEqualsTheFactorsTangentAtEveryStep(Case c) {
    Fixture f = new Fixture(c);
    Random rng = new Random(11);
    double[] v = new double[f.x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    assertCovarianceFormEqualsTheFactorsTangent(f, v, c.toString());
  }

  /** Every dℓ_t along v, in covariance form and by the factor's tangent, to the tolerance. */
  private static void assertCovarianceFormEqualsTheFactorsTangent(
      Fixture f, double[] v, String what) {
    StateSpaceSystem direction = SystemVector.withEntries(f.system, v);
    int T = f.Y.numRows;
    double[] covariance = new double[T];
    double[] factor = new double[T];
    SquareRootFilter.forSystem(f.system)
        .logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, covariance);
    SquareRootFilter.forSystem(f.system)
        .tangentInCovarianceForm(false)
        .logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, factor);
    double scale = 0;
    for (double term : factor) {
      scale = Math.max(scale, Math.abs(term));
    }
    for (int t = 0; t < T; t++) {
      assertEquals(factor[t], covariance[t], COVARIANCE_FORM_TOLERANCE * scale, what + ": dℓ_" + t);
    }
  }

  /**
   * The covariance form reads only the rows of P⁺ where the direction's dF or dH has a nonzero
   * column: along a single entry of F, of H, or of cholQ (neither: no row at all) it still gives
   * every dℓ_t the factor's tangent gives. Each entry of F and H is tried, so a row left out of the
   * list (a column of dH forgotten, say) shows at some step.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentAlongOneEntryInCovarianceFormEqualsTheFactorsTangent(Case c) {
    Fixture f = new Fixture(c);
    int nx = c.nx();
    int hOffset = nx * nx + nx; // F, then c
    int cholQOffset = hOffset + c.ny() * nx + c.ny(); // H, then d
    java.util.List<Integer> entries = new java.util.ArrayList<>();
    for (int e = 0; e < nx * nx; e++) {
      entries.add(e);
    }
    for (int e = 0; e < c.ny() * nx; e++) {
      entries.add(hOffset + e);
    }
    entries.add(cholQOffset);
    for (int entry : entries) {
      double[] v = new double[f.x.length];
      v[entry] = 1.0;
      assertCovarianceFormEqualsTheFactorsTangent(f, v, c + ", direction along entry " + entry);
    }
  }

  /**
   * ℓ and the masked rule's gradient with the update triangularised by rotations (the default for
   * both) against the Householder kernel on every step: the same L to rounding at full rank,
   * another valid factor at a rank deficiency, so ℓ and every adjoint agree to rounding on every
   * case.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rotationsAndHouseholderGiveTheSameLikelihoodAndGradient(Case c) {
    Fixture f = new Fixture(c);
    SquareRootFilter householder = SquareRootFilter.forSystem(f.system).rotations(false);
    SquareRootFilter rotations = SquareRootFilter.forSystem(f.system);
    double ll = householder.logLikelihood(f.system, f.Y);
    assertEquals(
        ll, rotations.logLikelihood(f.system, f.Y), KERNEL_TOLERANCE * Math.abs(ll), c.toString());
    SystemGradient expected = new SystemGradient(Dimensions.of(f.system));
    SystemGradient actual = new SystemGradient(Dimensions.of(f.system));
    householder.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, expected);
    rotations.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, actual);
    assertSameAdjoints(expected, actual, c);
  }

  /**
   * The masked rule's gradient with steps taken as the one-step predictor's array (walked back in
   * one) against every step as an update and a predict, on the case's system declared time-varying
   * so that no step freezes and every step with observations but the last is taken as the array: ℓ
   * and every adjoint agree to rounding, and the gradient matches finite differences of the
   * covariance form.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void predictorArraysGiveTheSameGradient(Case c) {
    Fixture f = new Fixture(c);
    StateSpace view = RandomSystems.declaredTimeVarying(f.system);
    SquareRootFilter arrays = SquareRootFilter.forSystem(f.system);
    SquareRootFilter twoBlocks = SquareRootFilter.forSystem(f.system).predictorArrays(false);
    SystemGradient expected = new SystemGradient(Dimensions.of(f.system));
    SystemGradient actual = new SystemGradient(Dimensions.of(f.system));
    double ll = twoBlocks.logLikelihoodGradient(view, f.Y, TriaRule.MASKED, expected);
    double llArrays = arrays.logLikelihoodGradient(view, f.Y, TriaRule.MASKED, actual);
    for (int t = 0; t < c.T(); t++) {
      boolean observed = arrays.tape.observedCount(t) > 0;
      assertEquals(observed && t < c.T() - 1, arrays.tape.arrayStep(t), c + ": step " + t);
      assertFalse(twoBlocks.tape.arrayStep(t), c + ": step " + t);
    }
    assertEquals(ll, llArrays, KERNEL_TOLERANCE * Math.abs(ll), c.toString());
    double[] a = assertSameAdjoints(expected, actual, c);
    double err = Matrices.relativeError(a, f.finiteDifferences());
    assertTrue(err <= GRADIENT_TOLERANCE, c + ": relative error " + err);
  }

  /**
   * Every adjoint of {@code actual} equals {@code expected}'s to {@link #KERNEL_TOLERANCE} of the
   * largest; returns {@code actual} flattened.
   */
  private static double[] assertSameAdjoints(
      SystemGradient expected, SystemGradient actual, Case c) {
    double[] e = SystemVector.flatten(expected);
    double[] a = SystemVector.flatten(actual);
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], KERNEL_TOLERANCE * scale, c + ": adjoint " + i);
    }
    return a;
  }

  /**
   * Several directions in one call (one forward sweep, a tangent sweep each) give exactly what one
   * call per direction gives: the same tape and the same tangent arithmetic, so equality is exact.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentsAlongSeveralDirectionsEqualOneCallPerDirection(Case c) {
    Fixture f = new Fixture(c);
    Random rng = new Random(7);
    StateSpaceSystem[] directions = new StateSpaceSystem[3];
    for (int j = 0; j < directions.length; j++) {
      double[] v = new double[f.x.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.nextGaussian();
      }
      directions[j] = SystemVector.withEntries(f.system, v);
    }
    SquareRootFilter filter = SquareRootFilter.forSystem(f.system);
    double[][] together = new double[directions.length][c.T()];
    double ll = filter.logLikelihoodTangents(f.system, directions, f.Y, TriaRule.MASKED, together);
    for (int j = 0; j < directions.length; j++) {
      double[] alone = new double[c.T()];
      double llAlone =
          filter.logLikelihoodTangent(f.system, directions[j], f.Y, TriaRule.MASKED, alone);
      assertEquals(llAlone, ll, 0.0, c.toString());
      org.junit.jupiter.api.Assertions.assertArrayEquals(alone, together[j], 0.0, c.toString());
    }
  }

  @Test
  void fullRankRuleIsExactOnAFullRankSystem() {
    Fixture f = new Fixture(cases().findFirst().orElseThrow());
    double err = Matrices.relativeError(f.gradient(TriaRule.FULL_RANK), f.finiteDifferences());
    assertTrue(err <= GRADIENT_TOLERANCE, "relative error " + err);
  }

  /**
   * An accumulator that declines F̄ and H̄ gets every other adjoint bit for bit as a full one, and
   * zero for the declined: on full steps, frozen steady-state steps (T = 1000) and missing values.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void declinedAdjointsAreSkippedAndTheOthersUnchanged(Case c) {
    Fixture f = new Fixture(c);
    SystemGradient full = new SystemGradient(Dimensions.of(f.system));
    java.util.Set<SystemMatrix> kept = java.util.EnumSet.allOf(SystemMatrix.class);
    kept.remove(SystemMatrix.F);
    kept.remove(SystemMatrix.H);
    SystemGradient partial = new SystemGradient(Dimensions.of(f.system), kept);
    SquareRootFilter filter = SquareRootFilter.forSystem(f.system);
    double ll = filter.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, full);
    assertEquals(ll, filter.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, partial));
    for (SystemMatrix m : SystemMatrix.values()) {
      DMatrixRMaj expected = kept.contains(m) ? full.matrices().get(m) : null;
      DMatrixRMaj actual = partial.matrices().get(m);
      for (int i = 0; i < actual.getNumElements(); i++) {
        assertEquals(expected == null ? 0 : expected.data[i], actual.data[i], 0, m.key() + "Bar");
      }
    }
  }

  /**
   * An accumulator that asks for some entries of F̄ gets those bit for bit as a full one, zero
   * elsewhere, and every other adjoint unchanged: on full and frozen steps and missing values.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void chosenEntriesOfFBarAreTheFullOnes(Case c) {
    Fixture f = new Fixture(c);
    int nx = f.system.nx();
    int[] entries = {0, nx * nx - 1, nx + 1 < nx * nx ? nx + 1 : 0};
    java.util.Arrays.sort(entries);
    entries = java.util.Arrays.stream(entries).distinct().toArray();
    SystemGradient full = new SystemGradient(Dimensions.of(f.system));
    SystemGradient chosen =
        new SystemGradient(
            Dimensions.of(f.system), java.util.EnumSet.allOf(SystemMatrix.class), entries);
    SquareRootFilter filter = SquareRootFilter.forSystem(f.system);
    filter.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, full);
    filter.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, chosen);
    for (SystemMatrix m : SystemMatrix.values()) {
      DMatrixRMaj expected = full.matrices().get(m);
      DMatrixRMaj actual = chosen.matrices().get(m);
      for (int i = 0; i < actual.getNumElements(); i++) {
        boolean kept = m != SystemMatrix.F || java.util.Arrays.binarySearch(entries, i) >= 0;
        assertEquals(kept ? expected.data[i] : 0, actual.data[i], 0, m.key() + "Bar " + i);
      }
    }
  }

  /** A seeded system, its data and the flat vector of its entries. */
  static final class Fixture {
    final Case c;
    final StateSpaceSystem system;
    final DMatrixRMaj Y;
    final double[] x;

    Fixture(Case c) {
      this.c = c;
      Random rng = new Random(c.name().hashCode());
      system =
          RandomSystems.system(
              rng, c.nx(), c.ny(), c.q(), c.rankQ(), c.r(), c.rankR(), c.k(), c.rankP0());
      Y = RandomSystems.sample(rng, system, c.T());
      RandomSystems.dropValues(rng, Y, c.partialMissing(), c.wholeMissing());
      x = SystemVector.flatten(system);
    }

    double[] gradient(TriaRule rule) {
      SystemGradient g = new SystemGradient(Dimensions.of(system));
      SquareRootFilter.forSystem(system).logLikelihoodGradient(system, Y, rule, g);
      return SystemVector.flatten(g);
    }

    double[] finiteDifferences() {
      return FiniteDifferences.centralDifferences(
          v -> CovarianceFilter.of(SystemVector.withEntries(system, v), Y).logLikelihood,
          x,
          FD_STEP);
    }
  }
}
