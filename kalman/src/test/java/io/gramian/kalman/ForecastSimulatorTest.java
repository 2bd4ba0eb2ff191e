package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Simulated future paths against the analytic forecast they must reproduce in distribution: at each
 * horizon the paths' mean, variance and 2.5% and 97.5% quantiles, and across neighbouring horizons
 * their covariance {@code H F P_h Hᵀ}.
 */
class ForecastSimulatorTest {

  /**
   * Bound of each statistical comparison, in standard errors: se(mean) = σ/√N, se(variance) =
   * σ²·sqrt(2/N), se(covariance) = sqrt((σ_h² σ_{h+1}² + c²)/N), and for the sample p-quantile
   * sqrt(p(1 − p)/N)/φ(z_p)·σ (its asymptotic normal law). 4 · 6 + 5 = 29 comparisons, each failing
   * with probability about 5.7e-7 under the model at 5 standard errors. Seeded: the outcome is
   * fixed.
   */
  private static final double Z = 5.0;

  private static final int PATHS = 20000;

  private static final int HORIZON = 6;

  private static StateSpaceSystem system() {
    return StateSpaceSystem.builder()
        .F(new DMatrixRMaj(new double[][] {{0.8, 0.2}, {-0.1, 0.7}}))
        .c(new DMatrixRMaj(new double[][] {{0.5}, {-0.2}}))
        .H(new DMatrixRMaj(new double[][] {{1.0, 0.5}}))
        .d(new DMatrixRMaj(new double[][] {{0.3}}))
        .cholQ(new DMatrixRMaj(new double[][] {{0.5, 0.0}, {0.2, 0.4}}))
        .cholR(new DMatrixRMaj(new double[][] {{0.6}}))
        .m0(new DMatrixRMaj(new double[][] {{1.0}, {-1.0}}))
        .cholP0(new DMatrixRMaj(new double[][] {{1.0, 0.0}, {0.3, 0.8}}))
        .build();
  }

  @Test
  void pathsHaveTheForecastsMomentsAndQuantiles() {
    StateSpaceSystem s = system();
    DMatrixRMaj Y = Simulator.simulate(s, 30, 3L).observations();
    FilterResult filtered = SquareRootFilter.forSystem(s).filter(s, Y);
    Forecast forecast = Forecaster.forSystem(s).forecast(s, filtered, HORIZON);
    SimulatedPath[] paths = ForecastSimulator.simulate(s, forecast, PATHS, new Random(99));
    double[][] y = new double[HORIZON][PATHS];
    for (int i = 0; i < PATHS; i++) {
      DMatrixRMaj obs = paths[i].observations();
      assertEquals(HORIZON, obs.numRows);
      for (int h = 0; h < HORIZON; h++) {
        y[h][i] = obs.get(h, 0);
      }
    }
    for (int h = 1; h <= HORIZON; h++) {
      double mu = forecast.observationMean(h)[0];
      double sigma = forecast.observationStd(h)[0];
      double[] v = y[h - 1];
      double mean = mean(v);
      assertWithin(mean, mu, sigma / Math.sqrt(PATHS), "mean at h = " + h);
      double var = covariance(v, v);
      assertWithin(var, sigma * sigma, sigma * sigma * Math.sqrt(2.0 / PATHS), "var at h = " + h);
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      double z = 1.959963984540054;
      double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
      double seQuantile = Math.sqrt(0.025 * 0.975 / PATHS) / density * sigma;
      assertWithin(
          sorted[(int) Math.floor(0.025 * PATHS)], mu - z * sigma, seQuantile, "2.5% at h = " + h);
      assertWithin(
          sorted[(int) Math.floor(0.975 * PATHS)], mu + z * sigma, seQuantile, "97.5% at h = " + h);
      if (h < HORIZON) {
        // Cov(y_h, y_{h+1}) = H Cov(x_{h+1}, x_h) Hᵀ = H F P_h Hᵀ (the noises are independent).
        DMatrixRMaj FP = CommonOps_DDRM.mult(s.F(0), forecast.stateCovariance(h), null);
        DMatrixRMaj HFP = CommonOps_DDRM.mult(s.H(0), FP, null);
        double c = CommonOps_DDRM.multTransB(HFP, s.H(0), null).get(0, 0);
        double next = forecast.observationStd(h + 1)[0];
        double se = Math.sqrt((sigma * sigma * next * next + c * c) / PATHS);
        assertWithin(covariance(v, y[h]), c, se, "cov at h = " + h + ", " + (h + 1));
      }
    }
  }

  @Test
  void sameSeedSamePathsAndBadCountsAreRefused() {
    StateSpaceSystem s = system();
    DMatrixRMaj Y = Simulator.simulate(s, 10, 3L).observations();
    Forecast f = Forecaster.forSystem(s).forecast(s, SquareRootFilter.forSystem(s).filter(s, Y), 3);
    SimulatedPath[] a = ForecastSimulator.simulate(s, f, 2, new Random(1));
    SimulatedPath[] b = ForecastSimulator.simulate(s, f, 2, new Random(1));
    assertArrayEquals(a[1].observations().data, b[1].observations().data, 0.0);
    assertThrows(
        IllegalArgumentException.class, () -> ForecastSimulator.simulate(s, f, -1, new Random(1)));
  }

  private static void assertWithin(double actual, double expected, double se, String what) {
    assertTrue(
        Math.abs(actual - expected) <= Z * se,
        what + ": " + actual + " vs " + expected + " (" + (actual - expected) / se + " se)");
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double covariance(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - ma) * (b[i] - mb);
    }
    return s / (a.length - 1);
  }
}
