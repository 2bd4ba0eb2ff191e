package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.RandomSystems;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact diffuse log-likelihood (square-root collapse of the augmented filter) against
 * statsmodels' values for the Nile and against Durbin and Koopman's exact initial filter in
 * covariance form, and its gradient against finite differences of that oracle.
 */
class DiffuseFilterTest {

  /** Backward-stable computations of the same quantity; rounding only. */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  /** statsmodels' values to 17 digits; accumulated rounding over 100 steps is far below. */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  /** As in GradientTest: fourth-order differences, 1e-6 relative in norm. */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  /**
   * The converted and the augmented filter's derivatives: the same quantities by different
   * operations over 60 steps, rounding only (measured up to 4e-14 on these cases).
   */
  private static final double CONVERSION_TOLERANCE = 1e-11;

  /**
   * Smaller than GradientTest's: the diffuse terms (logs of pivots that are small where a direction
   * is barely identified) curve strongly, so h⁴ truncation needs h = 1e-4; rounding ε |ℓ| / h stays
   * near 1e-10.
   */
  private static final double FD_STEP = 1e-4;

  /** Nile local level, exact diffuse, at (15099, 1469.1): statsmodels 0.13.5. */
  private static final double NILE_LOGLIK = -633.4645636489;

  private static DMatrixRMaj m(double[][] a) {
    return new DMatrixRMaj(a);
  }

  private static StateSpaceSystem nileLocalLevel() {
    return StateSpaceSystem.builder()
        .F(m(new double[][] {{1}}))
        .H(m(new double[][] {{1}}))
        .cholQ(m(new double[][] {{Math.sqrt(1469.1)}}))
        .cholR(m(new double[][] {{Math.sqrt(15099)}}))
        .m0(m(new double[][] {{0}}))
        .cholP0(m(new double[][] {{0}}))
        .cholPinf(m(new double[][] {{1}}))
        .build();
  }

  @Test
  void nileMatchesStatsmodelsExactDiffuseFilter() throws IOException {
    List<double[]> rows = NileReferenceFilterTest.readReference();
    DMatrixRMaj Y = new DMatrixRMaj(rows.size(), 1);
    for (int t = 0; t < rows.size(); t++) {
      Y.set(t, 0, rows.get(t)[1]);
    }
    StateSpaceSystem s = nileLocalLevel();
    FilterResult res = SquareRootFilter.forSystem(s).filter(s, Y);
    assertEquals(NILE_LOGLIK, res.logLikelihood(), REFERENCE_TOLERANCE * Math.abs(NILE_LOGLIK));
    assertEquals(1, res.diffuseSteps());
    assertTrue(res.isDiffuse(0));
    for (int t = 0; t < rows.size(); t++) {
      double[] ref = rows.get(t);
      String year = String.valueOf((int) ref[0]);
      assertRelative(ref[11], res.logLikelihoodTerm(t), year + " llf_obs");
      assertRelative(ref[7], res.filteredMean(t)[0], year + " a_filt");
      assertRelative(ref[8], res.filteredCovariance(t).get(0, 0), year + " P_filt");
      if (t > 0) {
        assertRelative(ref[2], res.predictedMean(t)[0], year + " a_pred");
        assertRelative(ref[3], res.predictedCovariance(t).get(0, 0), year + " P_pred");
        assertRelative(ref[5], res.innovation(t)[0], year + " v");
        assertRelative(ref[6], res.innovationCovariance(t).get(0, 0), year + " F");
      }
    }
    assertEquals(NILE_LOGLIK, SquareRootFilter.forSystem(s).logLikelihood(s, Y), 1e-9 * 634);
  }

  /** Univariate systems with d diffuse directions and a proper part. */
  record Case(String name, int nx, int d, int rankQ, int k, double missing) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("one diffuse direction", 2, 1, 2, 2, 0),
        new Case("two diffuse directions, trend-like", 3, 2, 3, 3, 0),
        new Case("three diffuse, singular Q", 4, 3, 1, 4, 0),
        new Case("all states diffuse, P* = 0", 3, 3, 2, 0, 0),
        new Case("diffuse with 20% missing", 3, 2, 3, 3, 0.2));
  }

  /**
   * A univariate system whose first d states are nonstationary (a local linear trend in the first
   * two, then a period-2 seasonal, γ_{t+1} = −γ_t), so their directions are diffuse, and whose
   * others are stable; H mixes all states.
   */
  static StateSpaceSystem diffuseSystem(Random rng, Case c) {
    int nx = c.nx();
    DMatrixRMaj F = Matrices.gaussian(rng, nx, nx, 0.2);
    for (int i = 0; i < c.d(); i++) {
      for (int j = 0; j < nx; j++) {
        double diagonal = i < 2 ? 1.0 : -1.0;
        F.set(i, j, j == i ? diagonal : (i == 0 && j == 1 ? 1.0 : 0.0));
      }
    }
    for (int i = c.d(); i < nx; i++) {
      for (int j = 0; j < c.d(); j++) {
        F.set(i, j, 0.0);
      }
    }
    DMatrixRMaj Pinf = new DMatrixRMaj(nx, c.d());
    for (int j = 0; j < c.d(); j++) {
      Pinf.set(j, j, 1.0);
    }
    DMatrixRMaj cholP0 = RandomSystems.factor(rng, nx, c.k(), Math.min(c.k(), nx), 0.5);
    for (int i = 0; i < c.d(); i++) {
      for (int j = 0; j < c.k(); j++) {
        cholP0.set(i, j, 0.0);
      }
    }
    return StateSpaceSystem.builder()
        .F(F)
        .c(Matrices.gaussian(rng, nx, 1, 0.1))
        .H(Matrices.gaussian(rng, 1, nx, 1.0))
        .d(Matrices.gaussian(rng, 1, 1, 0.3))
        .cholQ(RandomSystems.factor(rng, nx, nx, c.rankQ(), 0.5))
        .cholR(Matrices.gaussian(rng, 1, 1, 0.7))
        .m0(Matrices.gaussian(rng, nx, 1, 1.0))
        .cholP0(cholP0)
        .cholPinf(Pinf)
        .build();
  }

  static final class Fixture {
    final StateSpaceSystem system;
    final DMatrixRMaj Y;

    Fixture(Case c) {
      Random rng = new Random(c.name().hashCode());
      system = diffuseSystem(rng, c);
      // Simulate from a proper version of the system (diffuse states started at 3 ± 1).
      DMatrixRMaj P0 = new DMatrixRMaj(c.nx(), c.nx() + c.k());
      for (int i = 0; i < c.nx(); i++) {
        for (int j = 0; j < c.k(); j++) {
          P0.set(i, j, system.cholP0().get(i, j));
        }
      }
      for (int j = 0; j < c.d(); j++) {
        P0.set(j, c.k() + j, 1.0);
      }
      DMatrixRMaj m0 = system.m0().copy();
      for (int j = 0; j < c.d(); j++) {
        m0.set(j, 0, 3.0);
      }
      Y = RandomSystems.sample(rng, system.withInitialState(m0, P0, null), 60);
      RandomSystems.dropValues(rng, Y, c.missing(), 0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logLikelihoodMatchesTheExactInitialFilter(Case c) {
    Fixture f = new Fixture(c);
    DiffuseCovarianceFilter oracle = new DiffuseCovarianceFilter(f.system, f.Y);
    FilterResult res = SquareRootFilter.forSystem(f.system).filter(f.system, f.Y);
    assertRelative(oracle.logLikelihood, res.logLikelihood(), "ℓ");
    // Per-step terms agree after the diffuse steps; over the diffuse steps only their sum is
    // defined independently of how the diffuse directions are ordered (Durbin and Koopman
    // attribute log F∞ by a sequential orthogonalisation in time, the collapse by a Cholesky
    // in the order of the directions).
    double diffuseSum = 0;
    double oracleDiffuseSum = 0;
    for (int t = 0; t < f.Y.numRows; t++) {
      if (res.isDiffuse(t)) {
        diffuseSum += res.logLikelihoodTerm(t);
        oracleDiffuseSum += oracle.terms[t];
        continue;
      }
      assertRelative(oracle.terms[t], res.logLikelihoodTerm(t), "ℓ_" + t);
      if (!(t + 1 < f.Y.numRows && res.isDiffuse(t + 1))) {
        assertRelative(oracle.filteredMean[t], res.filteredMean(t)[0], "a_filt " + t);
        assertRelative(
            oracle.filteredVariance[t], res.filteredCovariance(t).get(0, 0), "P_filt " + t);
      }
    }
    assertRelative(oracleDiffuseSum, diffuseSum, "sum over the diffuse steps");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(Case c) {
    Fixture f = new Fixture(c);
    SystemGradient g = new SystemGradient(Dimensions.of(f.system));
    SquareRootFilter.forSystem(f.system).logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, g);
    double[] analytic = SystemVector.flatten(g);
    double[] x = SystemVector.flatten(f.system);
    double[] fd = FiniteDifferences.centralDifferences(v -> oracle(f, v), x, FD_STEP);
    double err = Matrices.relativeError(analytic, fd);
    assertTrue(err <= GRADIENT_TOLERANCE, c + ": relative error " + err);
  }

  /**
   * The conversion to the ordinary filter once the diffuse directions are identified changes
   * neither ℓ, nor its gradient, nor any step's tangent dℓ_t (the OPG scores) beyond rounding. The
   * converted tangent's later steps run in covariance form, the augmented one's take the factor's
   * tangent to the end, so the dℓ_t come from two different computations.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conversionToTheOrdinaryFilterChangesNoResult(Case c) {
    Fixture f = new Fixture(c);
    SquareRootFilter converted = SquareRootFilter.forSystem(f.system);
    SquareRootFilter augmented = SquareRootFilter.forSystem(f.system).diffuseConversion(false);
    SystemGradient g = new SystemGradient(Dimensions.of(f.system));
    SystemGradient gAugmented = new SystemGradient(Dimensions.of(f.system));
    double ll = converted.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, g);
    assertTrue(converted.tape.convertedAt() >= 0, c + ": the filter never converted");
    double llAugmented =
        augmented.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, gAugmented);
    assertTrue(augmented.tape.convertedAt() < 0);
    assertRelative(llAugmented, ll, "ℓ");
    assertRelative(llAugmented, converted.logLikelihood(f.system, f.Y), "ℓ without a tape");
    double gradientError =
        Matrices.relativeError(SystemVector.flatten(g), SystemVector.flatten(gAugmented));
    assertTrue(gradientError <= CONVERSION_TOLERANCE, c + ": gradient " + gradientError);
    double[] v = new double[SystemVector.flatten(g).length];
    Random rng = new Random(7);
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    StateSpaceSystem direction = SystemVector.withEntries(f.system, v);
    double[] terms = new double[f.Y.numRows];
    double[] termsAugmented = new double[f.Y.numRows];
    converted.logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, terms);
    augmented.logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, termsAugmented);
    double scale = 0;
    for (double term : termsAugmented) {
      scale = Math.max(scale, Math.abs(term));
    }
    for (int t = 0; t < terms.length; t++) {
      assertEquals(termsAugmented[t], terms[t], CONVERSION_TOLERANCE * scale, c + ": dℓ_" + t);
    }
  }

  /**
   * The results' pass converts too: every predicted and filtered moment, innovation and ℓ_t of the
   * converted run equals the augmented run's collapsed one, the diffuse steps are the same, and the
   * smoother (which runs the filter again augmented) gives the augmented run's result to the bit.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void convertedResultsAreTheCollapsedOnes(Case c) {
    Fixture f = new Fixture(c);
    FilterResult converted = SquareRootFilter.forSystem(f.system).filter(f.system, f.Y);
    FilterResult augmented =
        SquareRootFilter.forSystem(f.system).diffuseConversion(false).filter(f.system, f.Y);
    assertTrue(converted.converted(), c + ": the results' pass never converted");
    assertFalse(augmented.converted());
    double scale = 0;
    for (int t = 0; t < f.Y.numRows; t++) {
      for (double v : augmented.filteredCovariance(t).data) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (double v : augmented.filteredMean(t)) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    final double tolerance = CONVERSION_TOLERANCE * scale;
    for (int t = 0; t < f.Y.numRows; t++) {
      String at = c + ", t = " + t;
      assertEquals(augmented.isDiffuse(t), converted.isDiffuse(t), at);
      assertEquals(
          augmented.logLikelihoodTerm(t),
          converted.logLikelihoodTerm(t),
          CONVERSION_TOLERANCE * Math.max(1, Math.abs(augmented.logLikelihoodTerm(t))),
          at);
      assertArrayEquals(augmented.predictedMean(t), converted.predictedMean(t), tolerance, at);
      assertArrayEquals(augmented.filteredMean(t), converted.filteredMean(t), tolerance, at);
      assertArrayEquals(
          augmented.predictedCovariance(t).data,
          converted.predictedCovariance(t).data,
          tolerance,
          at);
      assertArrayEquals(
          augmented.filteredCovariance(t).data,
          converted.filteredCovariance(t).data,
          tolerance,
          at);
      if (!augmented.isDiffuse(t)) {
        assertArrayEquals(
            augmented.whitenedInnovation(t),
            converted.whitenedInnovation(t),
            CONVERSION_TOLERANCE,
            at);
      }
    }
    RtsSmoother smoother = RtsSmoother.forSystem(f.system);
    SmootherResult fromConverted = smoother.smooth(f.system, converted);
    SmootherResult fromAugmented = smoother.smooth(f.system, augmented);
    for (int t = 0; t < f.Y.numRows; t++) {
      String at = c + ", t = " + t;
      assertArrayEquals(fromAugmented.smoothedMean(t), fromConverted.smoothedMean(t), 0.0, at);
      assertArrayEquals(
          fromAugmented.smoothedFactor(t).data, fromConverted.smoothedFactor(t).data, 0.0, at);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentSweepAgreesWithReverseSweep(Case c) {
    Fixture f = new Fixture(c);
    SystemGradient g = new SystemGradient(Dimensions.of(f.system));
    SquareRootFilter filter = SquareRootFilter.forSystem(f.system);
    filter.logLikelihoodGradient(f.system, f.Y, TriaRule.MASKED, g);
    double[] analytic = SystemVector.flatten(g);
    Random rng = new Random(5);
    double[] v = new double[analytic.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    StateSpaceSystem direction = SystemVector.withEntries(f.system, v);
    double[] terms = new double[f.Y.numRows];
    filter.logLikelihoodTangent(f.system, direction, f.Y, TriaRule.MASKED, terms);
    double tangent = 0;
    for (double d : terms) {
      tangent += d;
    }
    double reverse = 0;
    for (int i = 0; i < v.length; i++) {
      reverse += analytic[i] * v[i];
    }
    assertEquals(reverse, tangent, 1e-10 * Math.max(1, Math.abs(reverse)), c.toString());
  }

  @Test
  void tooFewObservationsToIdentifyTheDiffuseStateIsAnError() {
    Case c = new Case("three diffuse", 3, 3, 3, 3, 0);
    StateSpaceSystem s = diffuseSystem(new Random(1), c);
    DMatrixRMaj Y = m(new double[][] {{1.0}, {2.0}});
    FilterException e =
        assertThrows(
            FilterException.class, () -> SquareRootFilter.forSystem(s).logLikelihood(s, Y));
    assertTrue(e.getMessage().contains("identify only 2 of the 3"), e.getMessage());
  }

  /**
   * ℓ at a perturbed system, by the square-root forward pass. The covariance-form exact initial
   * filter cannot serve here: perturbing an entry that is structurally zero (a link between diffuse
   * blocks) makes some F∞ tiny but non-zero, and its recursion then divides by F∞² and loses every
   * digit, although ℓ itself is smooth. The forward pass is checked against that oracle at the
   * unperturbed system by the test above, and is a different computation from the reverse sweep
   * under test.
   */
  private static double oracle(Fixture f, double[] v) {
    StateSpaceSystem s = SystemVector.withEntries(f.system, v);
    return SquareRootFilter.forSystem(s).logLikelihood(s, f.Y);
  }

  private static void assertRelative(double expected, double actual, String what) {
    assertTrue(
        Math.abs(actual - expected) <= AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(expected)),
        what + ": expected " + expected + ", got " + actual);
  }
}
