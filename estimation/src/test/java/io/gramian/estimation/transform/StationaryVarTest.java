package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class StationaryVarTest {

  private static final long SEED = 20261205L;

  /**
   * Against the map evaluated with 50 digits: a few roundings of the recursion (tria of products,
   * no downdates), relative to max(1, |A_ij|).
   */
  private static final double EXACT_TOLERANCE = 1e-13;

  /**
   * statsmodels computes the same map by downdating Σ − φ Σ* φᵀ from a scale of (p + k)¹⁰, which
   * loses digits as the partial autocorrelations' singular values approach 1: on the reference case
   * k = 3, p = 3 with θ of standard deviation 3 its value is 2.8e-12 from the 50-digit one (the
   * others ≤ 1.2e-15). Agreement with it is therefore checked at 1e-11.
   */
  private static final double STATSMODELS_TOLERANCE = 1e-11;

  /**
   * θ → A → θ: the inverse solves the autocovariances by doubling and runs Whittle's recursion,
   * whose downdates lose digits as A nears the boundary, like ulp · Π_s (1 + ‖U_s‖²_F): 9000 random
   * trials (k, p ≤ 3, θ of standard deviation 1) measured at most 9.2e-13 times that product
   * (2.3e-9 at worst in absolute terms). The tolerance is this factor times the product.
   */
  private static final double ROUND_TRIP_PER_CONDITION = 1e-11;

  private static List<String> names(int k, int p) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int l = 1; l <= p; l++) {
        for (int j = 0; j < k; j++) {
          names.add("L" + l + ".y" + j + ".y" + i);
        }
      }
    }
    return names;
  }

  private record Case(int k, int p, double[] theta, double[] natural, double[] exact) {}

  private static List<Case> statsmodels() throws IOException {
    Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in =
        StationaryVarTest.class.getResourceAsStream("stationary_var_reference.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(",");
        rows.computeIfAbsent(Integer.parseInt(f[0]), c -> new ArrayList<>()).add(f);
      }
    }
    List<Case> cases = new ArrayList<>();
    for (List<String[]> r : rows.values()) {
      int k = Integer.parseInt(r.get(0)[1]);
      int p = Integer.parseInt(r.get(0)[2]);
      double[] theta = new double[r.size()];
      double[] natural = new double[r.size()];
      double[] exact = new double[r.size()];
      for (String[] f : r) {
        int i = Integer.parseInt(f[3]);
        theta[i] = Double.parseDouble(f[4]);
        natural[i] = Double.parseDouble(f[5]);
        exact[i] = Double.parseDouble(f[6]);
      }
      cases.add(new Case(k, p, theta, natural, exact));
    }
    return cases;
  }

  @Test
  void agreesWithStatsmodelsConstrainStationaryMultivariate() throws IOException {
    List<Case> cases = statsmodels();
    assertEquals(7, cases.size());
    for (Case c : cases) {
      StationaryVar t = StationaryVar.autoregressive(c.k, c.p, names(c.k, c.p));
      double[] natural = t.toNatural(c.theta);
      for (int i = 0; i < natural.length; i++) {
        assertEquals(
            c.exact[i],
            natural[i],
            EXACT_TOLERANCE * Math.max(1, Math.abs(c.exact[i])),
            "50 digits, k = " + c.k + ", p = " + c.p + ", entry " + i);
        assertEquals(
            c.natural[i],
            natural[i],
            STATSMODELS_TOLERANCE * Math.max(1, Math.abs(c.natural[i])),
            "k = " + c.k + ", p = " + c.p + ", entry " + i);
      }
    }
  }

  @Test
  void everyImageIsStationaryAndInvertsBack() {
    Random random = new Random(SEED);
    for (int k = 1; k <= 3; k++) {
      for (int p = 1; p <= 3; p++) {
        StationaryVar t = StationaryVar.autoregressive(k, p, names(k, p));
        for (int trial = 0; trial < 10; trial++) {
          double[] theta = TransformChecks.gaussian(random, k * k * p, 1);
          double[] natural = t.toNatural(theta);
          assertTrue(spectralRadius(natural, k, p) < 1, "k = " + k + ", p = " + p);
          TransformChecks.assertRoundTrip(t, theta, roundTripTolerance(theta, k, p));
        }
        // Far out: still stationary (the radius approaches 1 but never reaches it).
        double[] far = TransformChecks.gaussian(random, k * k * p, 20);
        assertTrue(spectralRadius(t.toNatural(far), k, p) < 1);
      }
    }
  }

  @Test
  void pullBackMatchesFiniteDifferences() {
    Random random = new Random(SEED + 1);
    for (int k = 1; k <= 3; k++) {
      for (int p = 1; p <= 3; p++) {
        for (StationaryVar t :
            List.of(
                StationaryVar.autoregressive(k, p, names(k, p)),
                StationaryVar.movingAverage(k, p, names(k, p)))) {
          double[] theta = TransformChecks.gaussian(random, k * k * p, 1);
          double[] bar = TransformChecks.gaussian(random, k * k * p, 1);
          TransformChecks.assertPullBackMatchesFiniteDifferences(t, theta, bar);
        }
      }
    }
  }

  @Test
  void movingAverageIsTheNegatedAutoregressiveMap() {
    Random random = new Random(SEED + 2);
    StationaryVar ar = StationaryVar.autoregressive(2, 2, names(2, 2));
    StationaryVar ma = StationaryVar.movingAverage(2, 2, names(2, 2));
    double[] theta = TransformChecks.gaussian(random, 8, 1);
    double[] a = ar.toNatural(theta);
    double[] m = ma.toNatural(theta);
    for (int i = 0; i < a.length; i++) {
      assertEquals(-a[i], m[i], 0.0);
    }
    TransformChecks.assertRoundTrip(ma, theta, roundTripTolerance(theta, 2, 2));
  }

  @Test
  void aNonStationaryVarIsRefusedNamingItsCoefficients() {
    StationaryVar t = StationaryVar.autoregressive(2, 1, names(2, 1));
    double[] explosive = {1.1, 0, 0, 0.5};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.toUnconstrained(explosive));
    assertTrue(e.getMessage().contains("L1.y0.y0"), e.getMessage());
    assertTrue(e.getMessage().contains("spectral radius 1.1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.requireLikelihoodExists(explosive));
    // An MA polynomial need not be invertible for its likelihood to exist.
    StationaryVar ma = StationaryVar.movingAverage(2, 1, names(2, 1));
    ma.requireLikelihoodExists(explosive);
    assertThrows(IllegalArgumentException.class, () -> ma.toUnconstrained(explosive));
  }

  private static double roundTripTolerance(double[] theta, int k, int p) {
    double condition = 1;
    for (int l = 0; l < p; l++) {
      double frobenius = 0;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          double u = theta[i * k * p + l * k + j];
          frobenius += u * u;
        }
      }
      condition *= 1 + frobenius;
    }
    return ROUND_TRIP_PER_CONDITION * condition;
  }

  /** The largest |λ| of the companion matrix of [A₁ … A_p] (row-major k × kp). */
  private static double spectralRadius(double[] natural, int k, int p) {
    DMatrixRMaj F = new DMatrixRMaj(k * p, k * p);
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < k * p; c++) {
        F.unsafe_set(i, c, natural[i * k * p + c]);
      }
    }
    for (int i = k; i < k * p; i++) {
      F.unsafe_set(i, i - k, 1);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k * p, false, false);
    assertTrue(eig.decompose(F));
    double radius = 0;
    for (int i = 0; i < k * p; i++) {
      radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
    }
    return radius;
  }
}
