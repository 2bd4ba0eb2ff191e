package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.StateSpaceSystem;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The method-of-moments start values of structural models ({@link MomentStart}), against
 * autocovariances derived by hand and against the variances that simulated series were drawn with.
 */
class MomentStartTest {

  /** The hand-derived autocovariances are small integers: only rounding separates them. */
  static final double EXACT = 1e-12;

  /**
   * Relative distance of an estimate from the variance the series was drawn with, at T = 100 000:
   * over seeds 100 to 119 the largest seen was 0.07 (local level), 0.17 (BSM, dummy seasonal) and
   * 0.13 (trigonometric seasonal); a wrong autocovariance of a component misses by O(1).
   */
  static final double SAMPLING = 0.25;

  static final int LONG = 100_000;

  @Test
  void localLevelAutocovariancesAreThoseOfDifferences() {
    // Δy_t = η_{t−1} + ε_t − ε_{t−1}: γ(0) = σ²_η + 2σ²_ε, γ(1) = −σ²_ε
    UnobservedComponents model = UnobservedComponents.localLevel();
    ModelData data = ModelData.of(simulateLocalLevel(new Random(1), 200, 1, 1));
    double[][] g = contributions(model, data);
    assertArrayEquals(new double[] {2, 1}, g[0], EXACT); // [irregular, level] at lag 0
    assertArrayEquals(new double[] {-1, 0}, g[1], EXACT);
  }

  @Test
  void bsmAutocovariancesAreThoseOfItsComponentPolynomials() {
    // w = (1−L)² S(L) y, S(L) = 1 + L + … + L¹¹: irregular (1−L)(1−L¹²), level 1−L¹², slope
    // S(L), seasonal (1−L)²
    UnobservedComponents model = UnobservedComponents.bsm(12, null);
    ModelData data = ModelData.of(simulateBsm(new Random(2), 200, new double[] {1, 1, 1, 1}));
    double[][] g = contributions(model, data);
    double[][] polynomials = {
      polynomial(13, 0, 1, 12, 13, new double[] {1, -1, -1, 1}),
      polynomial(13, 0, 12, new double[] {1, -1}),
      ones(12),
      new double[] {1, -2, 1}
    };
    assertEquals(14, g.length);
    for (int j = 0; j < 4; j++) {
      for (int k = 0; k < 14; k++) {
        assertEquals(
            autocovariance(polynomials[j], k), g[k][j], EXACT, "variance " + j + ", lag " + k);
      }
    }
  }

  @Test
  void characteristicPolynomialOfAnUpperHessenbergMatrixIsItsDeterminant() {
    Random random = new Random(3);
    int n = 7;
    DMatrixRMaj A = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = Math.max(0, i - 1); j < n; j++) {
        A.set(i, j, random.nextGaussian());
      }
    }
    double[] D = HessenbergPolynomial.reversedCharacteristic(A);
    for (double L : new double[] {-1.3, -0.4, 0.25, 0.9, 1.7}) {
      DMatrixRMaj M = CommonOps_DDRM.identity(n);
      CommonOps_DDRM.addEquals(M, -L, A);
      double value = 0;
      for (int i = n; i >= 0; i--) {
        value = value * L + D[i];
      }
      double det = CommonOps_DDRM.det(M);
      assertEquals(det, value, 1e-12 * Math.max(1, Math.abs(det)), "L = " + L);
    }
  }

  @Test
  void nonNegativeLeastSquaresMeetsItsOptimalityConditions() {
    Random random = new Random(4);
    for (int trial = 0; trial < 20; trial++) {
      int m = 9;
      int p = 5;
      double[][] G = new double[m][p];
      double[] c = new double[m];
      for (int k = 0; k < m; k++) {
        for (int j = 0; j < p; j++) {
          G[k][j] = random.nextGaussian() * Math.pow(10, j - 2); // columns of unlike sizes
        }
        c[k] = random.nextGaussian();
      }
      double[] x = NonNegativeLeastSquares.solve(G, c);
      // KKT: x ≥ 0, Gᵀ(c − G x) ≤ 0 where x = 0 and = 0 where x > 0 (relative to column norms)
      for (int j = 0; j < p; j++) {
        assertTrue(x[j] >= 0, "x ≥ 0");
        double dual = 0;
        double norm = 0;
        for (int k = 0; k < m; k++) {
          double r = c[k];
          for (int i = 0; i < p; i++) {
            r -= G[k][i] * x[i];
          }
          dual += G[k][j] * r;
          norm += G[k][j] * G[k][j];
        }
        double scaled = dual / Math.sqrt(norm);
        if (x[j] > 0) {
          assertEquals(0, scaled, 1e-10, "trial " + trial + ": gradient on a free variable");
        } else {
          assertTrue(scaled <= 1e-10, "trial " + trial + ": a variable held at 0 would improve");
        }
      }
    }
  }

  @Test
  void localLevelEstimatesAreTheSimulatedVariances() {
    double[] truth = {2.0, 0.5};
    double[] y = simulateLocalLevel(new Random(5), LONG, truth[0], truth[1]);
    assertClose(truth, estimates(UnobservedComponents.localLevel(), ModelData.of(y)));
  }

  @Test
  void bsmEstimatesAreTheSimulatedVariances() {
    double[] truth = {1.0, 0.5, 0.05, 0.2};
    double[] y = simulateBsm(new Random(6), LONG, truth);
    assertClose(truth, estimates(UnobservedComponents.bsm(12, null), ModelData.of(y)));
  }

  @Test
  void trigonometricSeasonalEstimatesAreTheSimulatedVariances() {
    double[] truth = {1.0, 0.5, 0.05, 0.02};
    double[] y = simulateTrigonometricBsm(new Random(7), LONG, truth);
    assertClose(truth, estimates(UnobservedComponents.bsm(12, "trig"), ModelData.of(y)));
  }

  @Test
  void regressorsAndMissingValuesAreAllowedFor() {
    Random random = new Random(8);
    double[] truth = {2.0, 0.5};
    double[] y = simulateLocalLevel(random, LONG, truth[0], truth[1]);
    DMatrixRMaj x = new DMatrixRMaj(LONG, 1);
    for (int t = 0; t < LONG; t++) {
      x.set(t, 0, t % 7 == 0 ? 1 : random.nextGaussian());
      y[t] += 3 * x.get(t, 0);
      if (random.nextDouble() < 0.1) {
        y[t] = Double.NaN;
      }
    }
    UnobservedComponents model =
        UnobservedComponents.named(
            "local-level", java.util.OptionalInt.empty(), null, List.of("x"));
    ModelData data = new ModelData(new DMatrixRMaj(LONG, 1, true, y), x, List.of("x"));
    assertClose(truth, estimates(model, data));
  }

  /** The model gives w mean zero: its autocovariances are about zero, not about w's mean. */
  @Test
  void autocovariancesAreAboutZeroAndSkipMissingPairs() {
    double[] w = {1, 1, Double.NaN, 1, 1, 1, 1, 1};
    double[] gamma = MomentStart.autocovariances(w, 2);
    assertArrayEquals(new double[] {1, 1}, gamma, EXACT);
    assertNull(MomentStart.autocovariances(w, 4)); // 7 defined values, fewer than 2 per lag
  }

  @Test
  void aSeriesTooShortForTheMomentsKeepsStatsmodelsStart() {
    UnobservedComponents model = UnobservedComponents.bsm(12, null);
    ModelData data = ModelData.of(simulateBsm(new Random(9), 30, new double[] {1, 1, 1, 1}));
    double[] start = model.statsmodelsStartParameters(data);
    assertNull(MomentStart.estimates(model, model.spec(), data, start));
    assertArrayEquals(start, model.startParameters(data));
  }

  @Test
  void noVarianceStartsBelowTheFloor() {
    // a series with no seasonal: its variance's estimate is 0, the start is the floor
    double[] y = simulateLocalLevel(new Random(10), 600, 1, 0.3);
    UnobservedComponents model = UnobservedComponents.bsm(12, null);
    ModelData data = ModelData.of(y);
    double[] start = model.startParameters(data);
    double largest = 0;
    for (double v : start) {
      largest = Math.max(largest, v);
    }
    for (double v : start) {
      assertTrue(v >= MomentStart.FLOOR_FRACTION * largest * (1 - 1e-15), "start " + v);
    }
  }

  /**
   * Two fits of the same series reach the same maximum: BFGS stops at a relative gradient of 1e-6,
   * where ℓ is flat to about 1e-10 of its value; measured, the two ℓ agree to 2e-15 relative.
   */
  static final double SAME_MAXIMUM = 1e-8;

  @Test
  void bsmFitsFromTheMomentsReachTheSameMaximumInFewerEvaluations() {
    Random random = new Random(11);
    UnobservedComponents model = UnobservedComponents.bsm(12, null);
    int fromMoments = 0;
    int fromStatsmodels = 0;
    for (int series = 0; series < 8; series++) {
      double[] variances = {
        0.5 + random.nextDouble(),
        0.2 * random.nextDouble(),
        0.002 * random.nextDouble(),
        0.05 * random.nextDouble()
      };
      ModelData data = ModelData.of(simulateBsm(random, 150, variances));
      FitResult moments = MaximumLikelihood.fit(model, data, FitOptions.defaults());
      FitResult statsmodels =
          MaximumLikelihood.fit(
              model, data, FitOptions.defaults().withStart(model.statsmodelsStartParameters(data)));
      assertTrue(moments.converged() && statsmodels.converged(), "series " + series);
      assertEquals(
          statsmodels.logLikelihood(),
          moments.logLikelihood(),
          SAME_MAXIMUM * Math.abs(statsmodels.logLikelihood()),
          "series " + series);
      fromMoments += moments.evaluations();
      fromStatsmodels += statsmodels.evaluations();
    }
    // measured: 168 evaluations against 309
    assertTrue(
        fromMoments < 0.75 * fromStatsmodels,
        fromMoments + " evaluations from the moments, " + fromStatsmodels + " from statsmodels'");
  }

  private static double[][] contributions(UnobservedComponents model, ModelData data) {
    double[] start = model.statsmodelsStartParameters(data);
    int n = model.spec().states() - model.spec().exogNames().size();
    StateSpaceSystem system = MomentStart.startSystem(model, data, start);
    DMatrixRMaj F = CommonOps_DDRM.extract(system.F(0), 0, n, 0, n);
    DMatrixRMaj H = CommonOps_DDRM.extract(system.H(0), 0, 1, 0, n);
    double[] D = HessenbergPolynomial.reversedCharacteristic(F);
    return MomentStart.contributions(model, data, start, F, H, D);
  }

  private static double[] estimates(UnobservedComponents model, ModelData data) {
    double[] start = model.statsmodelsStartParameters(data);
    double[] estimates = MomentStart.estimates(model, model.spec(), data, start);
    assertNotNull(estimates);
    return estimates;
  }

  private static void assertClose(double[] truth, double[] estimates) {
    assertEquals(truth.length, estimates.length);
    for (int j = 0; j < truth.length; j++) {
      assertEquals(
          truth[j], estimates[j], SAMPLING * truth[j], "variance " + j + " of " + List.of(truth));
    }
  }

  static double[] simulateLocalLevel(Random r, int n, double irregular, double level) {
    double[] y = new double[n];
    double mu = 10;
    for (int t = 0; t < n; t++) {
      y[t] = mu + Math.sqrt(irregular) * r.nextGaussian();
      mu += Math.sqrt(level) * r.nextGaussian();
    }
    return y;
  }

  /** y = μ + γ + ε; μ' = μ + ν + η, ν' = ν + ζ, γ' = −(γ + … 11 lags) + ω. */
  static double[] simulateBsm(Random r, int n, double[] variances) {
    double[] y = new double[n];
    double mu = 5;
    double nu = 0.1;
    double[] gamma = new double[11];
    for (int i = 0; i < 11; i++) {
      gamma[i] = r.nextGaussian();
    }
    for (int t = 0; t < n; t++) {
      y[t] = mu + gamma[0] + Math.sqrt(variances[0]) * r.nextGaussian();
      mu += nu + Math.sqrt(variances[1]) * r.nextGaussian();
      nu += Math.sqrt(variances[2]) * r.nextGaussian();
      double next = Math.sqrt(variances[3]) * r.nextGaussian();
      for (double g : gamma) {
        next -= g;
      }
      System.arraycopy(gamma, 0, gamma, 1, 10);
      gamma[0] = next;
    }
    return y;
  }

  /** The BSM with six harmonics of period 12, each rotated with noise of one shared variance. */
  static double[] simulateTrigonometricBsm(Random r, int n, double[] variances) {
    double[] y = new double[n];
    double mu = 5;
    double nu = 0.1;
    double[] g = new double[6];
    double[] gStar = new double[6];
    double s = Math.sqrt(variances[3]);
    for (int t = 0; t < n; t++) {
      double seasonal = 0;
      for (double v : g) {
        seasonal += v;
      }
      y[t] = mu + seasonal + Math.sqrt(variances[0]) * r.nextGaussian();
      mu += nu + Math.sqrt(variances[1]) * r.nextGaussian();
      nu += Math.sqrt(variances[2]) * r.nextGaussian();
      for (int h = 0; h < 6; h++) {
        double lambda = 2 * Math.PI * (h + 1) / 12;
        double a = Math.cos(lambda) * g[h] + Math.sin(lambda) * gStar[h] + s * r.nextGaussian();
        double b = -Math.sin(lambda) * g[h] + Math.cos(lambda) * gStar[h] + s * r.nextGaussian();
        g[h] = a;
        gStar[h] = h == 5 ? 0 : b;
      }
    }
    return y;
  }

  private static double[] polynomial(int degree, Object... termsAndCoefficients) {
    double[] p = new double[degree + 1];
    double[] coefficients = (double[]) termsAndCoefficients[termsAndCoefficients.length - 1];
    for (int i = 0; i < coefficients.length; i++) {
      p[(Integer) termsAndCoefficients[i]] = coefficients[i];
    }
    return p;
  }

  private static double[] ones(int count) {
    double[] p = new double[count];
    java.util.Arrays.fill(p, 1);
    return p;
  }

  private static double autocovariance(double[] p, int k) {
    double s = 0;
    for (int i = 0; i + k < p.length; i++) {
      s += p[i] * p[i + k];
    }
    return s;
  }
}
