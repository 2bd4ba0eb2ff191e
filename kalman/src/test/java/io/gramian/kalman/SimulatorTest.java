package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.testing.Matrices;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Simulated paths: reproducible by seed, distributed as the model says, exact in subspaces. */
class SimulatorTest {

  /**
   * Bound of the statistical check, in standard errors: |estimate − model| ≤ Z · se for each of the
   * 45 sample means and covariances checked. Under the model each comparison fails with probability
   * about 5.7e-7 (two-sided normal tail at 5), so all 45 pass with probability above 0.99997; the
   * run is seeded, so the outcome is fixed (the measured largest deviation, 2.4 standard errors, is
   * quoted in the test).
   */
  private static final double Z = 5.0;

  private static final int PATHS = 20000;

  /**
   * Rounding allowed where a noise-free path is compared with the same recursion summed in another
   * order: a few ulps of the entries' size over a handful of steps.
   */
  private static final double ROUNDING_TOLERANCE = 1e-13;

  private static StateSpaceSystem smallSystem() {
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
  void sameSeedGivesTheSamePath() {
    StateSpaceSystem s = smallSystem();
    SimulatedPath a = Simulator.simulate(s, 50, 42L);
    SimulatedPath b = Simulator.simulate(s, 50, 42L);
    SimulatedPath c = Simulator.simulate(s, 50, new Random(42L));
    SimulatedPath other = Simulator.simulate(s, 50, 43L);
    assertEquals(50, a.steps());
    assertEquals(2, a.nx());
    assertEquals(1, a.ny());
    assertArrayEquals(a.states().data, b.states().data, 0.0);
    assertArrayEquals(a.observations().data, b.observations().data, 0.0);
    assertArrayEquals(a.states().data, c.states().data, 0.0);
    assertArrayEquals(a.observations().data, c.observations().data, 0.0);
    assertFalse(java.util.Arrays.equals(a.states().data, other.states().data));
  }

  /**
   * Over many paths, the sample mean and covariance of (x_t, y_t) at each step match {@code m_{t+1}
   * = F m_t + c}, {@code P_{t+1} = F P_t Fᵀ + Q}, {@code E y = H m + d}, {@code Cov y = H P Hᵀ +
   * R}, {@code Cov(x, y) = P Hᵀ}: each within Z standard errors, with se(mean_i) = sqrt(Σ_ii / N)
   * and se(cov_ij) = sqrt((Σ_ii Σ_jj + Σ_ij²) / N) (Gaussian data). Measured: the largest deviation
   * is 2.4 standard errors.
   */
  @Test
  void sampleMomentsMatchTheModel() {
    StateSpaceSystem s = smallSystem();
    int T = 5;
    int n = 3; // z = (x_0, x_1, y)
    double[][][] sum = new double[T][n][1];
    double[][][] cross = new double[T][n][n];
    Random rng = new Random(2024);
    for (int path = 0; path < PATHS; path++) {
      SimulatedPath p = Simulator.simulate(s, T, rng);
      DMatrixRMaj X = p.states();
      DMatrixRMaj Yp = p.observations();
      for (int t = 0; t < T; t++) {
        double[] z = {X.get(t, 0), X.get(t, 1), Yp.get(t, 0)};
        for (int i = 0; i < n; i++) {
          sum[t][i][0] += z[i];
          for (int j = 0; j < n; j++) {
            cross[t][i][j] += z[i] * z[j];
          }
        }
      }
    }
    DMatrixRMaj m = s.m0().copy();
    DMatrixRMaj P = Matrices.gram(s.cholP0());
    DMatrixRMaj R = Matrices.gram(s.cholR(0));
    double worst = 0;
    for (int t = 0; t < T; t++) {
      double[] mu = new double[n];
      DMatrixRMaj Sigma = new DMatrixRMaj(n, n);
      DMatrixRMaj PHt = CommonOps_DDRM.multTransB(P, s.H(t), null);
      DMatrixRMaj V = CommonOps_DDRM.mult(s.H(t), PHt, null);
      CommonOps_DDRM.addEquals(V, R);
      DMatrixRMaj ym = CommonOps_DDRM.mult(s.H(t), m, null);
      CommonOps_DDRM.addEquals(ym, s.d(t));
      mu[0] = m.get(0);
      mu[1] = m.get(1);
      mu[2] = ym.get(0);
      CommonOps_DDRM.insert(P, Sigma, 0, 0);
      Sigma.set(0, 2, PHt.get(0, 0));
      Sigma.set(1, 2, PHt.get(1, 0));
      Sigma.set(2, 0, PHt.get(0, 0));
      Sigma.set(2, 1, PHt.get(1, 0));
      Sigma.set(2, 2, V.get(0, 0));
      double[] mean = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = sum[t][i][0] / PATHS;
        double se = Math.sqrt(Sigma.get(i, i) / PATHS);
        worst = Math.max(worst, Math.abs(mean[i] - mu[i]) / se);
        assertTrue(
            Math.abs(mean[i] - mu[i]) <= Z * se,
            "mean of component " + i + " at step " + t + ": " + mean[i] + " vs " + mu[i]);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double cov = (cross[t][i][j] - PATHS * mean[i] * mean[j]) / (PATHS - 1);
          double sij = Sigma.get(i, j);
          double se = Math.sqrt((Sigma.get(i, i) * Sigma.get(j, j) + sij * sij) / PATHS);
          worst = Math.max(worst, Math.abs(cov - sij) / se);
          assertTrue(
              Math.abs(cov - sij) <= Z * se,
              "covariance (" + i + ", " + j + ") at step " + t + ": " + cov + " vs " + sij);
        }
      }
      DMatrixRMaj mn = CommonOps_DDRM.mult(s.F(t), m, null);
      CommonOps_DDRM.addEquals(mn, s.c(t));
      DMatrixRMaj FP = CommonOps_DDRM.mult(s.F(t), P, null);
      DMatrixRMaj Pn = CommonOps_DDRM.multTransB(FP, s.F(t), null);
      CommonOps_DDRM.addEquals(Pn, Matrices.gram(s.cholQ(t)));
      m = mn;
      P = Pn;
    }
    assertTrue(worst <= Z, "largest deviation " + worst + " standard errors");
  }

  /**
   * Local linear trend with slope noise only and cholP0 = 0: x_0 = m0 exactly and the level follows
   * level' = level + slope without noise, bit for bit.
   */
  @Test
  void rankDeficientNoiseKeepsPathsInItsSubspace() {
    DMatrixRMaj m0 = new DMatrixRMaj(new double[][] {{2.0}, {0.1}});
    StateSpaceSystem s = RandomSystems.localLinearTrend(0.3, 1.0, m0, new DMatrixRMaj(2, 2));
    DMatrixRMaj X = Simulator.simulate(s, 100, 7L).states();
    assertEquals(2.0, X.get(0, 0), 0.0);
    assertEquals(0.1, X.get(0, 1), 0.0);
    boolean slopeMoves = false;
    for (int t = 0; t < 99; t++) {
      assertEquals(X.get(t, 0) + X.get(t, 1), X.get(t + 1, 0), 0.0, "level at step " + (t + 1));
      slopeMoves |= X.get(t + 1, 1) != X.get(t, 1);
    }
    assertTrue(slopeMoves);
  }

  /** Zero state noise and initial factor: the states follow F(t), c(t) of each step exactly. */
  @Test
  void timeVaryingNoiseFreeStatesFollowTheRecursion() {
    int T = 12;
    RandomSystems.TimeVarying s =
        new RandomSystems.TimeVarying(new Random(5), 3, 2, 2, 0, 2, 2, 0, T);
    DMatrixRMaj X = Simulator.simulate(s, T, 99L).states();
    DMatrixRMaj x = s.m0().copy();
    for (int t = 0; t < T; t++) {
      for (int i = 0; i < 3; i++) {
        double scale = Math.max(1.0, Math.abs(x.get(i)));
        assertEquals(x.get(i), X.get(t, i), ROUNDING_TOLERANCE * scale, "step " + t);
      }
      DMatrixRMaj next = CommonOps_DDRM.mult(s.F(t), x, null);
      CommonOps_DDRM.addEquals(next, s.c(t));
      x = next;
    }
  }

  @Test
  void zeroStepsAndNegativeSteps() {
    StateSpaceSystem s = smallSystem();
    SimulatedPath p = Simulator.simulate(s, 0, 1L);
    assertEquals(0, p.steps());
    assertEquals(2, p.states().numCols);
    assertThrows(IllegalArgumentException.class, () -> Simulator.simulate(s, -1, 1L));
  }
}
