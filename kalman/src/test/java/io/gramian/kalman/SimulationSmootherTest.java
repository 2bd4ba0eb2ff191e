package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Matrices;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Draws of the states given the data (Durbin and Koopman's simulation smoother): their sample mean
 * and their sample covariance across every pair of steps and states match the joint conditional
 * distribution of {@code (x_0, …, x_{T−1})} given the observed values, computed in covariance form
 * by conditioning the stacked Gaussian ({@link #JointPosterior}), an oracle that shares nothing
 * with the filter or the smoother. One system has a proper start, one exact diffuse directions;
 * both have missing values.
 */
class SimulationSmootherTest {

  /**
   * Bound of the statistical check, in standard errors: |sample − oracle| ≤ Z · se for each sample
   * mean (se = sqrt(Σ_ii / N)) and each sample covariance (se = sqrt((Σ_ii Σ_jj + Σ_ij²) / N) for
   * Gaussian draws). A system here has T nx = 24 means and 300 covariances; under the model each
   * comparison fails with probability about 5.7e-7 (two-sided normal tail at 5), so all pass with
   * probability above 0.9998. The runs are seeded, so the outcome is fixed; the largest deviations
   * measured are 2.9 (proper start) and 2.7 (diffuse) standard errors at N = 4000.
   */
  private static final double Z = 5.0;

  private static final int DRAWS = 4000;

  /**
   * The diffuse oracle stands in κ = 1e4 for the exactly diffuse variance: it leaves O(T²/κ) of the
   * limit (measured: the oracle's means and variances are within 3.5e-4 of a standard deviation,
   * resp. relative, of the exact diffuse smoother's), far below the Monte Carlo standard errors
   * (1.6% of a standard deviation at N = 4000). A larger κ loses the covariance-form conditioning
   * to cancellation (at κ = 1e6 a conditional variance comes out negative).
   */
  private static final double KAPPA = 1e4;

  private static final int T = 12;

  /** Two states with a proper start, an AR(1)-like block driving the observation. */
  private static StateSpaceSystem properSystem() {
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

  /** The local linear trend with its level and slope exactly diffuse. */
  private static StateSpaceSystem diffuseTrend() {
    return StateSpaceSystem.builder()
        .F(new DMatrixRMaj(new double[][] {{1, 1}, {0, 1}}))
        .H(new DMatrixRMaj(new double[][] {{1, 0}}))
        .cholQ(new DMatrixRMaj(new double[][] {{0.7, 0}, {0, 0.3}}))
        .cholR(new DMatrixRMaj(new double[][] {{1.1}}))
        .m0(new DMatrixRMaj(2, 1))
        .cholP0(new DMatrixRMaj(2, 0))
        .cholPinf(CommonOps_DDRM.identity(2))
        .build();
  }

  /** The same trend with κ I for the diffuse part, for the oracle. */
  private static StateSpaceSystem nearlyDiffuseTrend() {
    DMatrixRMaj cholP0 = CommonOps_DDRM.identity(2);
    CommonOps_DDRM.scale(Math.sqrt(KAPPA), cholP0);
    return StateSpaceSystem.builder()
        .F(new DMatrixRMaj(new double[][] {{1, 1}, {0, 1}}))
        .H(new DMatrixRMaj(new double[][] {{1, 0}}))
        .cholQ(new DMatrixRMaj(new double[][] {{0.7, 0}, {0, 0.3}}))
        .cholR(new DMatrixRMaj(new double[][] {{1.1}}))
        .m0(new DMatrixRMaj(2, 1))
        .cholP0(cholP0)
        .build();
  }

  /** A series with missing values at steps 1 (inside the diffuse period), 5 and 6. */
  private static DMatrixRMaj data() {
    DMatrixRMaj Y = new DMatrixRMaj(T, 1);
    Random rng = new Random(7);
    double level = 2;
    for (int t = 0; t < T; t++) {
      level += 0.4 + 0.7 * rng.nextGaussian();
      Y.set(t, 0, level + 1.1 * rng.nextGaussian());
    }
    Y.set(1, 0, Double.NaN);
    Y.set(5, 0, Double.NaN);
    Y.set(6, 0, Double.NaN);
    return Y;
  }

  @Test
  void properStartDrawsHaveTheJointConditionalMoments() {
    StateSpaceSystem s = properSystem();
    assertDrawsMatch(s, s, data(), 11L);
  }

  @Test
  void exactDiffuseDrawsHaveTheJointConditionalMoments() {
    assertDrawsMatch(diffuseTrend(), nearlyDiffuseTrend(), data(), 12L);
  }

  @Test
  void sameSeedGivesTheSameDraws() {
    StateSpaceSystem s = diffuseTrend();
    DMatrixRMaj Y = data();
    DMatrixRMaj[] a = SimulationSmoother.forSystem(s).draw(s, Y, 3, new Random(5));
    DMatrixRMaj[] b = SimulationSmoother.forSystem(s).draw(s, Y, 3, new Random(5));
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a[i].data, b[i].data, 0.0);
    }
    assertFalse(java.util.Arrays.equals(a[0].data, a[1].data));
  }

  @Test
  void badArgumentsAreRefused() {
    StateSpaceSystem s = properSystem();
    SimulationSmoother smoother = SimulationSmoother.forSystem(s);
    assertThrows(IllegalArgumentException.class, () -> smoother.draw(s, data(), -1, new Random(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> smoother.draw(diffuseTrend(), data(), 1, new Random(1)));
  }

  private static void assertDrawsMatch(
      StateSpaceSystem system, StateSpaceSystem oracleSystem, DMatrixRMaj Y, long seed) {
    DMatrixRMaj[] draws =
        SimulationSmoother.forSystem(system).draw(system, Y, DRAWS, new Random(seed));
    JointPosterior oracle = new JointPosterior(oracleSystem, Y);
    int n = T * system.nx();
    double[] mean = new double[n];
    double[][] cross = new double[n][n];
    for (DMatrixRMaj x : draws) {
      assertEquals(T, x.numRows);
      assertEquals(system.nx(), x.numCols);
      for (int i = 0; i < n; i++) {
        mean[i] += x.data[i];
        for (int j = 0; j <= i; j++) {
          cross[i][j] += x.data[i] * x.data[j];
        }
      }
    }
    double worst = 0;
    for (int i = 0; i < n; i++) {
      mean[i] /= DRAWS;
      double se = Math.sqrt(oracle.cov.get(i, i) / DRAWS);
      double dev = Math.abs(mean[i] - oracle.mean.get(i)) / se;
      worst = Math.max(worst, dev);
      assertTrue(dev <= Z, "mean " + i + ": " + mean[i] + " vs " + oracle.mean.get(i));
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double cov = (cross[i][j] - DRAWS * mean[i] * mean[j]) / (DRAWS - 1);
        double sij = oracle.cov.get(i, j);
        double se = Math.sqrt((oracle.cov.get(i, i) * oracle.cov.get(j, j) + sij * sij) / DRAWS);
        double dev = Math.abs(cov - sij) / se;
        worst = Math.max(worst, dev);
        assertTrue(dev <= Z, "covariance (" + i + ", " + j + "): " + cov + " vs " + sij);
      }
    }
    assertTrue(worst <= Z, "largest deviation " + worst + " standard errors");
  }

  /**
   * The distribution of the stacked states {@code X = (x_0, …, x_{T−1})} given the observed values
   * of Y, in covariance form: the prior mean and covariance of X by the recursions {@code E x_{t+1}
   * = F E x_t + c}, {@code Cov(x_{t+1}, x_s) = F Cov(x_t, x_s)}, {@code Var x_{t+1} = F Var x_t Fᵀ
   * + Q}, then Gaussian conditioning on the observed entries {@code y = B X + d + v}: {@code E(X|y)
   * = μ + Σ Bᵀ V⁻¹ (y − B μ − d)}, {@code Var(X|y) = Σ − Σ Bᵀ V⁻¹ B Σ}, {@code V = B Σ Bᵀ + R}. A
   * proper initial state only; time-invariant systems.
   */
  static final class JointPosterior {
    final DMatrixRMaj mean;
    final DMatrixRMaj cov;

    JointPosterior(StateSpace s, DMatrixRMaj Y) {
      int nx = s.nx();
      int steps = Y.numRows;
      int n = steps * nx;
      DMatrixRMaj mu = new DMatrixRMaj(n, 1);
      DMatrixRMaj sigma = new DMatrixRMaj(n, n);
      DMatrixRMaj F = s.F(0);
      DMatrixRMaj m = s.m0().copy();
      DMatrixRMaj P = Matrices.gram(s.cholP0());
      DMatrixRMaj Q = Matrices.gram(s.cholQ(0));
      for (int t = 0; t < steps; t++) {
        CommonOps_DDRM.insert(m, mu, t * nx, 0);
        CommonOps_DDRM.insert(P, sigma, t * nx, t * nx);
        for (int u = t + 1; u < steps; u++) { // Cov(x_u, x_t) = F Cov(x_{u−1}, x_t)
          DMatrixRMaj prev =
              CommonOps_DDRM.extract(sigma, (u - 1) * nx, u * nx, t * nx, t * nx + nx);
          DMatrixRMaj next = CommonOps_DDRM.mult(F, prev, null);
          CommonOps_DDRM.insert(next, sigma, u * nx, t * nx);
          CommonOps_DDRM.insert(CommonOps_DDRM.transpose(next, null), sigma, t * nx, u * nx);
        }
        DMatrixRMaj mNext = CommonOps_DDRM.mult(F, m, null);
        CommonOps_DDRM.addEquals(mNext, s.c(0));
        DMatrixRMaj PNext = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(F, P, null), F, null);
        CommonOps_DDRM.addEquals(PNext, Q);
        m = mNext;
        P = PNext;
      }
      int observed = 0;
      for (int t = 0; t < steps; t++) {
        observed += Double.isNaN(Y.get(t, 0)) ? 0 : 1;
      }
      DMatrixRMaj B = new DMatrixRMaj(observed, n);
      DMatrixRMaj resid = new DMatrixRMaj(observed, 1);
      DMatrixRMaj V = new DMatrixRMaj(observed, observed);
      double noise = Matrices.gram(s.cholR(0)).get(0, 0);
      int row = 0;
      for (int t = 0; t < steps; t++) {
        if (Double.isNaN(Y.get(t, 0))) {
          continue;
        }
        double predicted = s.d(0).get(0);
        for (int k = 0; k < nx; k++) {
          B.set(row, t * nx + k, s.H(0).get(0, k));
          predicted += s.H(0).get(0, k) * mu.get(t * nx + k);
        }
        resid.set(row, 0, Y.get(t, 0) - predicted);
        V.set(row, row, noise);
        row++;
      }
      DMatrixRMaj sigmaBt = CommonOps_DDRM.multTransB(sigma, B, null);
      CommonOps_DDRM.multAdd(B, sigmaBt, V);
      DMatrixRMaj Vinv = V.copy();
      assertTrue(CommonOps_DDRM.invert(Vinv), "V is singular");
      DMatrixRMaj gain = CommonOps_DDRM.mult(sigmaBt, Vinv, null);
      mean = mu.copy();
      CommonOps_DDRM.multAdd(gain, resid, mean);
      cov = sigma.copy();
      CommonOps_DDRM.multAddTransB(-1, gain, sigmaBt, cov);
    }
  }
}
