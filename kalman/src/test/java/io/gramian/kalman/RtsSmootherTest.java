package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.CovarianceSmoother;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The square-root RTS smoother against the covariance-form RTS smoother with a pseudoinverse of P⁻
 * ({@link CovarianceSmoother}) on seeded systems: full rank, rank-deficient Q and P0, singular R, a
 * singular P⁻ at every step, missing values, time-varying matrices.
 */
class RtsSmootherTest {

  /**
   * Both forms are backward stable; what separates them is rounding amplified by the conditioning
   * of P⁻ on its range, which the covariance form needs inverted (the square root only its factor).
   * On these systems (transitions with singular values in [0.3, 0.95]) the measured differences are
   * at most 1.5e-11 for the means and 5.4e-12 for the covariances (most cases 1e-15 to 1e-13);
   * 1e-10 is the project's agreement tolerance.
   */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  @ParameterizedTest(name = "nx={0} ny={1} q={2}/{3} r={4}/{5} k={6}/{7} T={8} missing={9}")
  @CsvSource({
    // full rank
    "4,2,4,4,2,2,4,4,40,0",
    "4,2,4,4,2,2,4,4,40,1",
    "3,3,3,3,3,3,3,3,30,1",
    // Q rank 1, P0 rank 2: P⁻_1 singular (rank 3), dependent row generic (rounding pivot)
    "4,2,4,1,2,2,4,2,40,0",
    "4,2,4,1,2,2,4,2,40,1",
    // Q rank 1, P0 = 0: P⁻ = 0 at step 0, then rank 1, 2, 3, 4
    "4,2,3,1,2,2,3,0,40,1",
    // R rank 1 (a noise-free observation channel), Q rank 2, P0 rank 2
    "4,2,4,2,2,1,4,2,40,0",
    "4,2,4,2,2,1,4,2,40,1",
    // scalar
    "1,1,1,1,1,1,1,1,60,1"
  })
  void matchesCovarianceFormOnRandomSystems(
      int nx, int ny, int q, int rankQ, int r, int rankR, int k, int rankP0, int T, int missing) {
    Random rng = new Random(1000L + nx * 100L + rankQ * 10L + rankR + rankP0 + missing * 7L);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, nx, ny, q, rankQ, r, rankR, k, rankP0);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    if (missing == 1) {
      RandomSystems.dropValues(rng, Y, 0.2, 0.2);
    }
    assertAgrees(s, Y);
  }

  /**
   * A deterministic component along a generic direction: P⁻ is singular at every step and each zero
   * pivot is rounding, so the rows of the joint block must be dropped, not only the pivots.
   */
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void singularPredictedCovarianceAtEveryStep(int seed) {
    Random rng = new Random(seed);
    StateSpaceSystem s = RandomSystems.hiddenDeterministicComponent(rng, 4, 2);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 40);
    if (seed % 2 == 1) {
      RandomSystems.dropValues(rng, Y, 0.2, 0.2);
    }
    assertAgrees(s, Y);
  }

  /**
   * The deterministic combination involves x_0 and x_1 only, so the zero pivot is pivot 1 and the
   * QR leaves arbitrary (rounding-chosen) entries below it in Ψ11. Masking that pivot in the
   * triangular solve alone would give a gain with G P⁻ ≠ P⁺ Fᵀ (wrong means and covariances,
   * measured O(1) relative errors); dropping the dependent row gives the right ones.
   */
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void zeroPivotWithRowsBelowIt(int seed) {
    Random rng = new Random(seed);
    StateSpaceSystem s = RandomSystems.hiddenDeterministicPair(rng, 4, 2);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 40);
    if (seed % 2 == 1) {
      RandomSystems.dropValues(rng, Y, 0.2, 0.2);
    }
    assertAgrees(s, Y);
  }

  /** Local linear trend with noise on the slope only, and cholP0 = 0 (so P⁻_0 = 0). */
  @ParameterizedTest(name = "missing={0}")
  @ValueSource(ints = {0, 1})
  void localLinearTrendWithSlopeNoiseOnly(int missing) {
    Random rng = new Random(50 + missing);
    StateSpaceSystem s =
        RandomSystems.localLinearTrend(
            0.3, 1.0, new DMatrixRMaj(new double[][] {{2.0}, {0.1}}), new DMatrixRMaj(2, 2));
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 60);
    if (missing == 1) {
      RandomSystems.dropValues(rng, Y, 0.0, 0.2);
    }
    assertAgrees(s, Y);
  }

  /**
   * F = 0 and cholQ = 0: x_{t+1} = c says nothing about x_t, P⁻ = 0 and every pivot is zero. The
   * smoothed moments are the filtered ones (a smoother that masked pivots but kept tria([Ψ22, G
   * S^s]) would return a zero covariance here).
   */
  @Test
  void zeroTransitionLeavesTheFilteredMoments() {
    Random rng = new Random(6);
    StateSpaceSystem r = RandomSystems.wellConditioned(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(new DMatrixRMaj(3, 3))
            .c(r.c(0))
            .H(r.H(0))
            .d(r.d(0))
            .cholQ(new DMatrixRMaj(3, 1))
            .cholR(r.cholR(0))
            .m0(r.m0())
            .cholP0(r.cholP0())
            .build();
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 20);
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    for (int t = 0; t < Y.numRows; t++) {
      assertTrue(
          Matrices.relativeError(
                  smoothed.smoothedMean(t), new DMatrixRMaj(3, 1, true, filtered.filteredMean(t)))
              <= AGREEMENT_TOLERANCE,
          "mean at step " + t);
      assertTrue(
          Matrices.relativeError(smoothed.smoothedCovariance(t), filtered.filteredCovariance(t))
              <= AGREEMENT_TOLERANCE,
          "covariance at step " + t);
    }
    assertAgrees(s, Y);
  }

  /** Each backward step uses F(t), c(t), cholQ(t) of its own step. */
  @Test
  void timeVaryingSystem() {
    Random rng = new Random(77);
    RandomSystems.TimeVarying s = new RandomSystems.TimeVarying(rng, 3, 2, 3, 2, 2, 3, 2, 40);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 40);
    RandomSystems.dropValues(rng, Y, 0.2, 0.1);
    assertAgrees(s, Y);
  }

  @Test
  void lastStepEqualsFiltered() {
    Random rng = new Random(8);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 3, 2, 3, 2, 2, 2, 3, 3);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 25);
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    SmootherResult smoothed = RtsSmoother.forSystem(s).smooth(s, filtered);
    int last = Y.numRows - 1;
    assertArrayEquals(filtered.filteredMean(last), smoothed.smoothedMean(last), 0.0);
    assertArrayEquals(filtered.filteredFactor(last).data, smoothed.smoothedFactor(last).data, 0.0);
    assertArrayEquals(
        filtered.filteredCovariance(last).data, smoothed.smoothedCovariance(last).data, 0.0);
  }

  @Test
  void factorsAreLowerTriangularWithNonNegativeDiagonal() {
    Random rng = new Random(9);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 4, 2, 4, 1, 2, 2, 4, 2);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 15);
    SmootherResult smoothed =
        RtsSmoother.forSystem(s).smooth(s, SquareRootFilter.forSystem(s).filter(s, Y));
    assertEquals(15, smoothed.steps());
    for (int t = 0; t < smoothed.steps(); t++) {
      DMatrixRMaj S = smoothed.smoothedFactor(t);
      assertEquals(4, S.numRows);
      assertEquals(4, S.numCols);
      for (int i = 0; i < 4; i++) {
        assertTrue(S.get(i, i) >= 0, "diagonal at step " + t);
        for (int j = i + 1; j < 4; j++) {
          assertEquals(0.0, S.get(i, j), "upper triangle at step " + t);
        }
      }
    }
  }

  /** T = 1 with y_0 missing: the smoothed state is the initial one, its factor tria(cholP0). */
  @Test
  void singleMissingStepGivesTheInitialState() {
    Random rng = new Random(10);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 3, 1, 3, 3, 1, 1, 5, 2);
    DMatrixRMaj Y = new DMatrixRMaj(new double[][] {{Double.NaN}});
    SmootherResult smoothed =
        RtsSmoother.forSystem(s).smooth(s, SquareRootFilter.forSystem(s).filter(s, Y));
    assertArrayEquals(s.m0().data, smoothed.smoothedMean(0), 0.0);
    assertEquals(3, smoothed.smoothedFactor(0).numCols);
    assertTrue(
        Matrices.relativeError(smoothed.smoothedCovariance(0), Matrices.gram(s.cholP0()))
            <= AGREEMENT_TOLERANCE);
  }

  @Test
  void rejectsAnotherSystemsDimensions() {
    Random rng = new Random(11);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 3, 1, 3, 3, 1, 1, 3, 3);
    StateSpaceSystem other = RandomSystems.wellConditioned(rng, 2, 1, 2, 2, 1, 1, 2, 2);
    FilterResult filtered =
        SquareRootFilter.forSystem(s).filter(s, RandomSystems.sample(rng, s, 5));
    assertThrows(
        IllegalArgumentException.class, () -> RtsSmoother.forSystem(other).smooth(s, filtered));
    assertThrows(
        IllegalArgumentException.class, () -> RtsSmoother.forSystem(other).smooth(other, filtered));
  }

  private static void assertAgrees(StateSpace s, DMatrixRMaj Y) {
    double[] err = SmootherFixtures.smootherErrors(s, Y);
    assertTrue(err[0] <= AGREEMENT_TOLERANCE, "smoothed means differ by " + err[0]);
    assertTrue(err[1] <= AGREEMENT_TOLERANCE, "smoothed covariances differ by " + err[1]);
  }
}
