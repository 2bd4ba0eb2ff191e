package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.autodiff.testing.FiniteDifferences;
import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.RandomSystems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact diffuse likelihood where the proper part of an innovation covariance is singular (no
 * observation noise and no proper initial variance in the directions an observation loads on) but
 * its diffuse part is not: against Durbin and Koopman's exact initial filter taken one observation
 * at a time ({@link DiffuseUnivariateFilter}), statsmodels' value for its TestVAR1_KFAS case, and a
 * closed form; gradients against finite differences.
 */
class DiffuseSingularProperPartTest {

  /** Backward-stable computations of the same quantity; rounding only. */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  /** statsmodels' value to 16 digits; rounding over 20 steps is far below. */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  /** As in DiffuseFilterTest: fourth-order differences, 1e-6 relative in norm. */
  private static final double GRADIENT_TOLERANCE = 1e-6;

  /** As in DiffuseFilterTest: h⁴ truncation and ε |ℓ| / h rounding both near 1e-10. */
  private static final double FD_STEP = 1e-4;

  /** Tangent and reverse sweeps differentiate the same computation: rounding only. */
  private static final double SWEEP_TOLERANCE = 1e-10;

  /**
   * TestVAR1_KFAS, exact diffuse, by statsmodels 0.13.5 (var1_kfas.py beside the data). KFAS'
   * value, as statsmodels' test quotes it, is −167.4315: this plus ½ log 2π for each of the two
   * diffuse observations with F∞ > 0.
   */
  private static final double VAR1_LOGLIK = -169.2693746649571;

  private static final double VAR1_KFAS_LOGLIK = -167.4315;

  /** KFAS' value is quoted to four decimals. */
  private static final double KFAS_QUOTED_TOLERANCE = 5e-5;

  private static DMatrixRMaj m(double[][] a) {
    return new DMatrixRMaj(a);
  }

  /** Local level with no observation noise and no proper initial variance. */
  static StateSpaceSystem exactLocalLevel() {
    return StateSpaceSystem.builder()
        .F(m(new double[][] {{1}}))
        .H(m(new double[][] {{1}}))
        .cholQ(m(new double[][] {{1}}))
        .cholR(new DMatrixRMaj(1, 0))
        .m0(m(new double[][] {{0}}))
        .cholP0(new DMatrixRMaj(1, 0))
        .cholPinf(m(new double[][] {{1}}))
        .build();
  }

  /** TestVAR1_KFAS's system: VAR(1), H = I, R = 0, P∞ = I, P* = 0. */
  static StateSpaceSystem var1() {
    return StateSpaceSystem.builder()
        .F(m(new double[][] {{0.5, 0.3}, {0.2, 0.4}}))
        .H(m(new double[][] {{1, 0}, {0, 1}}))
        .cholQ(m(new double[][] {{Math.sqrt(2), 0}, {0, Math.sqrt(3)}}))
        .cholR(new DMatrixRMaj(2, 0))
        .m0(new DMatrixRMaj(2, 1))
        .cholP0(new DMatrixRMaj(2, 0))
        .cholPinf(m(new double[][] {{1, 0}, {0, 1}}))
        .build();
  }

  /** 400 × the log growth of realgdp and realcons, 1959Q2–1964Q1 (var1_kfas.csv). */
  static DMatrixRMaj var1Data() throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                DiffuseSingularProperPartTest.class.getResourceAsStream("var1_kfas.csv"),
                StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
      }
    }
    return new DMatrixRMaj(rows.toArray(new double[0][]));
  }

  /**
   * @param oracleDifferentiable whether finite differences of the exact initial filter are accurate
   *     here: not where perturbing a structural zero (a loading of H or cholPinf that is exactly 0)
   *     makes some F∞ tiny but non-zero, so that its covariance recursion divides by it and loses
   *     every digit although ℓ is smooth (as in DiffuseFilterTest). There the differences are of
   *     the square-root forward pass, which the first test checks against the oracle and which is a
   *     different computation from the reverse sweep.
   */
  record Case(String name, StateSpaceSystem system, DMatrixRMaj Y, boolean oracleDifferentiable) {
    Case(String name, StateSpaceSystem system, DMatrixRMaj Y) {
      this(name, system, Y, true);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    Random rng = new Random(20261204);
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "local level, R = 0, P* = 0", exactLocalLevel(), m(new double[][] {{1}, {2.5}, {2}})));
    cases.add(new Case("VAR(1) of TestVAR1_KFAS", var1(), var1Data()));

    // Local linear trend observed without noise: both diffuse directions load on y_1.
    StateSpaceSystem trend =
        StateSpaceSystem.builder()
            .F(m(new double[][] {{1, 1}, {0, 1}}))
            .H(m(new double[][] {{1, 0}}))
            .cholQ(m(new double[][] {{0.5, 0}, {0, 0.2}}))
            .cholR(new DMatrixRMaj(1, 0))
            .m0(new DMatrixRMaj(2, 1))
            .cholP0(new DMatrixRMaj(2, 0))
            .cholPinf(m(new double[][] {{1, 0}, {0, 1}}))
            .build();
    cases.add(new Case("local linear trend, R = 0", trend, simulate(rng, trend, 30, 0)));

    // Two series, the first exact: F∞ nonsingular at step 1, F* of rank 1.
    StateSpaceSystem mixed =
        StateSpaceSystem.builder()
            .F(m(new double[][] {{1, 0}, {0.2, 0.9}}))
            .c(m(new double[][] {{0.1}, {0}}))
            .H(m(new double[][] {{1, 0.5}, {0.3, 1}}))
            .d(m(new double[][] {{0.2}, {-0.1}}))
            .cholQ(m(new double[][] {{0.6, 0}, {0.1, 0.4}}))
            .cholR(m(new double[][] {{0}, {0.7}}))
            .m0(new DMatrixRMaj(2, 1))
            .cholP0(new DMatrixRMaj(2, 0))
            .cholPinf(m(new double[][] {{1, 0}, {0, 1}}))
            .build();
    DMatrixRMaj mixedY = simulate(rng, mixed, 25, 0);
    cases.add(new Case("two series, one exact", mixed, mixedY));
    DMatrixRMaj gaps = mixedY.copy();
    gaps.set(0, 1, Double.NaN);
    gaps.set(1, 0, Double.NaN);
    gaps.set(3, 0, Double.NaN);
    gaps.set(3, 1, Double.NaN);
    cases.add(new Case("two series, one exact, missing in the diffuse period", mixed, gaps));

    // A diffuse trend and a proper AR(1); the exact channel sees only the trend's level, the
    // noisy one level and AR state.
    StateSpaceSystem partly =
        StateSpaceSystem.builder()
            .F(m(new double[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 0.6}}))
            .H(m(new double[][] {{1, 0, 0}, {1, 0, 1}}))
            .cholQ(m(new double[][] {{0.3, 0, 0}, {0, 0.1, 0}, {0, 0, 0.8}}))
            .cholR(m(new double[][] {{0}, {0.5}}))
            .m0(new DMatrixRMaj(3, 1))
            .cholP0(m(new double[][] {{0}, {0}, {1.0}}))
            .cholPinf(m(new double[][] {{1, 0}, {0, 1}, {0, 0}}))
            .build();
    cases.add(
        new Case(
            "diffuse trend and proper AR(1), one exact channel",
            partly,
            simulate(rng, partly, 30, 0),
            false));

    // Random: three diffuse directions loading on both series at every step, one exact.
    DMatrixRMaj F = Matrices.gaussian(rng, 3, 3, 0.3);
    for (int i = 0; i < 3; i++) {
      F.set(i, i, 1.0);
    }
    StateSpaceSystem random =
        StateSpaceSystem.builder()
            .F(F)
            .c(Matrices.gaussian(rng, 3, 1, 0.1))
            .H(Matrices.gaussian(rng, 2, 3, 1.0))
            .d(Matrices.gaussian(rng, 2, 1, 0.3))
            .cholQ(RandomSystems.factor(rng, 3, 3, 2, 0.5))
            .cholR(m(new double[][] {{0}, {0.4}}))
            .m0(Matrices.gaussian(rng, 3, 1, 1.0))
            .cholP0(new DMatrixRMaj(3, 0))
            .cholPinf(m(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}))
            .build();
    DMatrixRMaj randomY = simulate(rng, random, 30, 0.1);
    cases.add(
        new Case("random, three diffuse, one exact channel, 10% missing", random, randomY, false));
    return cases.stream();
  }

  /** Simulated from a proper version of the system (diffuse directions started at N(0, 4 I)). */
  private static DMatrixRMaj simulate(Random rng, StateSpaceSystem s, int T, double missing) {
    int nx = s.nx();
    DMatrixRMaj P0 = new DMatrixRMaj(nx, s.k() + s.diffuseRank());
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < s.k(); j++) {
        P0.set(i, j, s.cholP0().get(i, j));
      }
      for (int j = 0; j < s.diffuseRank(); j++) {
        P0.set(i, s.k() + j, 2 * s.cholPinf().get(i, j));
      }
    }
    DMatrixRMaj Y = RandomSystems.sample(rng, s.withInitialState(s.m0(), P0, null), T);
    RandomSystems.dropValues(rng, Y, missing, 0);
    return Y;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logLikelihoodMatchesTheExactInitialFilter(Case c) {
    double oracle = new DiffuseUnivariateFilter(c.system(), c.Y()).logLikelihood;
    SquareRootFilter filter = SquareRootFilter.forSystem(c.system());
    double ll = filter.logLikelihood(c.system(), c.Y());
    assertEquals(oracle, ll, AGREEMENT_TOLERANCE * Math.max(1, Math.abs(oracle)), c.name());
    assertEquals(ll, filter.filter(c.system(), c.Y()).logLikelihood(), 0.0, c.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesOfTheExactInitialFilter(Case c) {
    SystemGradient g = new SystemGradient(Dimensions.of(c.system()));
    double ll =
        SquareRootFilter.forSystem(c.system())
            .logLikelihoodGradient(c.system(), c.Y(), TriaRule.MASKED, g);
    assertTrue(Double.isFinite(ll));
    double[] analytic = SystemVector.flatten(g);
    double[] x = SystemVector.flatten(c.system());
    double[] fd = FiniteDifferences.centralDifferences(v -> oracle(c, v), x, FD_STEP);
    double err = Matrices.relativeError(analytic, fd);
    assertTrue(err <= GRADIENT_TOLERANCE, c + ": relative error " + err);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tangentSweepAgreesWithReverseSweep(Case c) {
    SystemGradient g = new SystemGradient(Dimensions.of(c.system()));
    SquareRootFilter filter = SquareRootFilter.forSystem(c.system());
    filter.logLikelihoodGradient(c.system(), c.Y(), TriaRule.MASKED, g);
    double[] analytic = SystemVector.flatten(g);
    Random rng = new Random(5);
    double[] v = new double[analytic.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    StateSpaceSystem direction = SystemVector.withEntries(c.system(), v);
    double[] terms = new double[c.Y().numRows];
    filter.logLikelihoodTangent(c.system(), direction, c.Y(), TriaRule.MASKED, terms);
    double tangent = 0;
    for (double d : terms) {
      tangent += d;
    }
    double reverse = 0;
    for (int i = 0; i < v.length; i++) {
      reverse += analytic[i] * v[i];
    }
    assertEquals(reverse, tangent, SWEEP_TOLERANCE * Math.max(1, Math.abs(reverse)), c.name());
  }

  @Test
  void localLevelWithoutNoiseHasItsClosedForm() {
    // y_1 = δ exactly: −½ log 2π (F∞ = 1); then v_2 = 1.5, v_3 = −0.5 with F = Q = 1.
    StateSpaceSystem s = exactLocalLevel();
    DMatrixRMaj Y = m(new double[][] {{1}, {2.5}, {2}});
    double expected = -1.5 * Math.log(2 * Math.PI) - 0.5 * (1.5 * 1.5 + 0.5 * 0.5);
    assertEquals(expected, SquareRootFilter.forSystem(s).logLikelihood(s, Y), 1e-15);
  }

  @Test
  void var1MatchesStatsmodelsAndKfas() throws IOException {
    StateSpaceSystem s = var1();
    double ll = SquareRootFilter.forSystem(s).logLikelihood(s, var1Data());
    assertEquals(VAR1_LOGLIK, ll, REFERENCE_TOLERANCE * Math.abs(VAR1_LOGLIK));
    assertEquals(VAR1_KFAS_LOGLIK, ll + Math.log(2 * Math.PI), KFAS_QUOTED_TOLERANCE);
  }

  @Test
  void filteredAndSmoothedStatesOfANoiseFreeSeriesAreTheObservations() {
    // H = 1, R = 0: x_t = y_t exactly, so every filtered and smoothed mean is y_t and every
    // variance 0 (to rounding of the data's size).
    StateSpaceSystem s = exactLocalLevel();
    DMatrixRMaj Y = m(new double[][] {{1}, {2.5}, {2}, {3.25}});
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    for (int t = 0; t < Y.numRows; t++) {
      assertEquals(Y.get(t, 0), filtered.filteredMean(t)[0], AGREEMENT_TOLERANCE, "a_filt " + t);
      assertEquals(0, filtered.filteredCovariance(t).get(0, 0), AGREEMENT_TOLERANCE, "P " + t);
      assertEquals(Y.get(t, 0), smoothed.smoothedMean(t)[0], AGREEMENT_TOLERANCE, "a_s " + t);
      assertEquals(0, smoothed.smoothedCovariance(t).get(0, 0), AGREEMENT_TOLERANCE, "V " + t);
    }
  }

  @Test
  void var1ScalesWithTheData() throws IOException {
    // y → s y, cholQ → s cholQ: every proper term gains −log s, the two diffuse terms
    // (−½ log F∞, F∞ = H P∞ Hᵀ) do not; 38 proper observations.
    StateSpaceSystem base = var1();
    DMatrixRMaj Y = var1Data();
    double ll = SquareRootFilter.forSystem(base).logLikelihood(base, Y);
    for (int k = -12; k <= 12; k += 3) {
      double scale = Math.pow(10, k);
      DMatrixRMaj cholQ = base.cholQ(0).copy();
      CommonOps_DDRM.scale(scale, cholQ);
      DMatrixRMaj Ys = Y.copy();
      CommonOps_DDRM.scale(scale, Ys);
      StateSpaceSystem s =
          StateSpaceSystem.builder()
              .F(base.F(0))
              .H(base.H(0))
              .cholQ(cholQ)
              .cholR(base.cholR(0))
              .m0(base.m0())
              .cholP0(base.cholP0())
              .cholPinf(base.cholPinf())
              .build();
      double expected = ll - 38 * Math.log(scale);
      assertEquals(
          expected,
          SquareRootFilter.forSystem(s).logLikelihood(s, Ys),
          AGREEMENT_TOLERANCE * Math.abs(expected),
          "scale 1e" + k);
    }
  }

  @Test
  void aNoiseFreeRelationNoDiffuseDirectionExplainsIsAnErrorNamingStepAndObservation() {
    // Both series are the same noise-free state: the second adds nothing to the first, so the
    // likelihood has no density whether or not the data obey the relation.
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(m(new double[][] {{1}}))
            .H(m(new double[][] {{1}, {1}}))
            .cholQ(m(new double[][] {{1}}))
            .cholR(new DMatrixRMaj(2, 0))
            .m0(m(new double[][] {{0}}))
            .cholP0(new DMatrixRMaj(1, 0))
            .cholPinf(m(new double[][] {{1}}))
            .build();
    for (double second : new double[] {1.0, 1.5}) {
      DMatrixRMaj Y = m(new double[][] {{1, second}, {2, 2}});
      FilterException e =
          assertThrows(
              FilterException.class, () -> SquareRootFilter.forSystem(s).logLikelihood(s, Y));
      assertEquals(0, e.step());
      assertTrue(
          e.getMessage().contains("time step 1") && e.getMessage().contains("observation 2"),
          e.getMessage());
    }
  }

  /**
   * ℓ at a perturbed system by the exact initial filter, or by the square-root forward pass where
   * the case says the oracle cannot be differenced ({@link Case}) or where perturbing an entry of
   * cholR makes R non-diagonal (the zero entry of a noise-free channel in a one-column cholR),
   * which the oracle does not take.
   */
  private static double oracle(Case c, double[] v) {
    StateSpaceSystem s = SystemVector.withEntries(c.system(), v);
    if (!c.oracleDifferentiable() || !isDiagonal(Matrices.gram(s.cholR(0)))) {
      return SquareRootFilter.forSystem(s).logLikelihood(s, c.Y());
    }
    return new DiffuseUnivariateFilter(s, c.Y()).logLikelihood;
  }

  private static boolean isDiagonal(DMatrixRMaj R) {
    for (int i = 0; i < R.numRows; i++) {
      for (int j = 0; j < R.numCols; j++) {
        if (i != j && R.get(i, j) != 0) {
          return false;
        }
      }
    }
    return true;
  }
}
