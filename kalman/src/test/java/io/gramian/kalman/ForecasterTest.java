package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.CovarianceSmoother;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** h-step forecasts against the covariance-form recursions started from the oracle filter. */
class ForecasterTest {

  /**
   * Square-root and covariance forms of the same recursions, each backward stable; the filter state
   * they start from already agrees to about 1e-14, and H ≤ 12 predictions add rounding of the same
   * order. Measured differences are below 3e-15.
   */
  private static final double AGREEMENT_TOLERANCE = 1e-10;

  @Test
  void matchesCovarianceFormOnTimeVaryingSystem() {
    Random rng = new Random(31);
    int T = 30;
    int horizon = 8;
    // Matrices exist for steps 0 … T + H − 1 only: a request beyond that would throw.
    RandomSystems.TimeVarying s =
        new RandomSystems.TimeVarying(rng, 3, 2, 3, 2, 2, 3, 3, T + horizon);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, T);
    RandomSystems.dropValues(rng, Y, 0.1, 0.1);
    assertAgrees(s, Y, horizon);
  }

  @Test
  void matchesCovarianceFormOnRandomSystemWithRankDeficientNoise() {
    Random rng = new Random(32);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 4, 2, 4, 1, 2, 2, 4, 2);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 40);
    RandomSystems.dropValues(rng, Y, 0.2, 0.2);
    assertAgrees(s, Y, 12);
  }

  /** Local linear trend, slope noise only, zero initial factor: the variance grows like h³. */
  @Test
  void matchesCovarianceFormOnLocalLinearTrend() {
    Random rng = new Random(33);
    StateSpaceSystem s =
        RandomSystems.localLinearTrend(
            0.3, 1.0, new DMatrixRMaj(new double[][] {{2.0}, {0.1}}), new DMatrixRMaj(2, 2));
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 50);
    assertAgrees(s, Y, 10);
  }

  /** One step from the filtered state at t is the filter's own prediction at t + 1. */
  @Test
  void oneStepFromAFilteredStateIsTheFiltersPrediction() {
    Random rng = new Random(34);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 3, 2, 3, 3, 2, 2, 3, 3);
    DMatrixRMaj Y = RandomSystems.sample(rng, s, 20);
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    Forecaster forecaster = Forecaster.forSystem(s);
    for (int t = 0; t < Y.numRows - 1; t++) {
      Forecast f =
          forecaster.forecast(s, t, filtered.filteredMean(t), filtered.filteredFactor(t), 1);
      assertEquals(t + 1, f.step(1));
      assertTrue(
          Matrices.relativeError(f.stateMean(1), filtered.predictedMean(t + 1))
              <= AGREEMENT_TOLERANCE);
      assertTrue(
          Matrices.relativeError(f.stateCovariance(1), filtered.predictedCovariance(t + 1))
              <= AGREEMENT_TOLERANCE);
    }
  }

  @Test
  void horizonsAreCountedFromOne() {
    Random rng = new Random(35);
    StateSpaceSystem s = RandomSystems.wellConditioned(rng, 2, 1, 2, 2, 1, 1, 2, 2);
    FilterResult filtered =
        SquareRootFilter.forSystem(s).filter(s, RandomSystems.sample(rng, s, 10));
    Forecast f = Forecaster.forSystem(s).forecast(s, filtered, 3);
    assertEquals(3, f.horizon());
    assertEquals(10, f.step(1));
    assertEquals(12, f.step(3));
    assertThrows(IndexOutOfBoundsException.class, () -> f.stateMean(0));
    assertThrows(IndexOutOfBoundsException.class, () -> f.observationStd(4));
    assertEquals(0, Forecaster.forSystem(s).forecast(s, filtered, 0).horizon());
    assertThrows(
        IllegalArgumentException.class, () -> Forecaster.forSystem(s).forecast(s, filtered, -1));
    FilterResult empty = SquareRootFilter.forSystem(s).filter(s, new DMatrixRMaj(0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> Forecaster.forSystem(s).forecast(s, empty, 1));
  }

  private static void assertAgrees(StateSpace s, DMatrixRMaj Y, int horizon) {
    double[] err = forecastErrors(s, Y, horizon);
    String[] names = {
      "state mean",
      "state covariance",
      "observation mean",
      "observation covariance",
      "observation std"
    };
    for (int i = 0; i < err.length; i++) {
      assertTrue(err[i] <= AGREEMENT_TOLERANCE, names[i] + " differs by " + err[i]);
    }
  }

  /**
   * Largest relative errors over the horizons: {state mean, state covariance, observation mean,
   * observation covariance, observation std}, against {@code m ← F m + c, P ← F P Fᵀ + Q, μ = H m +
   * d, V = H P Hᵀ + R, σ = sqrt(diag V)}.
   */
  static double[] forecastErrors(StateSpace s, DMatrixRMaj Y, int horizon) {
    int T = Y.numRows;
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    Forecast f = Forecaster.forSystem(s).forecast(s, filtered, horizon);
    CovarianceSmoother oracle = CovarianceSmoother.of(s, Y);
    DMatrixRMaj m = oracle.mFilt[T - 1].copy();
    DMatrixRMaj P = oracle.PFilt[T - 1].copy();
    double[] err = new double[5];
    for (int h = 1; h <= horizon; h++) {
      int i = T - 1 + h;
      DMatrixRMaj mn = CommonOps_DDRM.mult(s.F(i - 1), m, null);
      CommonOps_DDRM.addEquals(mn, s.c(i - 1));
      DMatrixRMaj FP = CommonOps_DDRM.mult(s.F(i - 1), P, null);
      DMatrixRMaj Pn = CommonOps_DDRM.multTransB(FP, s.F(i - 1), null);
      CommonOps_DDRM.addEquals(Pn, Matrices.gram(s.cholQ(i - 1)));
      m = mn;
      P = Pn;
      DMatrixRMaj mu = CommonOps_DDRM.mult(s.H(i), m, null);
      CommonOps_DDRM.addEquals(mu, s.d(i));
      DMatrixRMaj HP = CommonOps_DDRM.mult(s.H(i), P, null);
      DMatrixRMaj V = CommonOps_DDRM.multTransB(HP, s.H(i), null);
      CommonOps_DDRM.addEquals(V, Matrices.gram(s.cholR(i)));
      double[] std = new double[s.ny()];
      for (int j = 0; j < s.ny(); j++) {
        std[j] = Math.sqrt(V.get(j, j));
      }
      err[0] = Math.max(err[0], Matrices.relativeError(f.stateMean(h), m));
      err[1] = Math.max(err[1], Matrices.relativeError(f.stateCovariance(h), P));
      err[2] = Math.max(err[2], Matrices.relativeError(f.observationMean(h), mu));
      err[3] = Math.max(err[3], Matrices.relativeError(f.observationCovariance(h), V));
      err[4] = Math.max(err[4], Matrices.relativeError(f.observationStd(h), std));
    }
    return err;
  }
}
