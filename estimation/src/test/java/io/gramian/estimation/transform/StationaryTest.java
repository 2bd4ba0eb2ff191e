package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StationaryTest {

  private static final long SEED = 41L;
  private static final int TRIALS = 50;
  private static final int MAX_ORDER = 8;

  /** Closed-form values and the recursion differ by a few roundings of O(1) numbers. */
  private static final double EXACT = 1e-14;

  /**
   * θ → r → φ → r → θ. The backward recursion divides by 1 − r_k² = 1 / (1 + θ_k²) at every lag, so
   * the round trip's relative error grows like ulp · Π_k (1 + θ_k²): 2000 random trials with p ≤ 8
   * and θ of standard deviation 2 measured at most 4.4e-14 · Π (1 + θ_k²). The tolerance is this
   * factor times the product.
   */
  private static final double ROUND_TRIP_PER_CONDITION = 1e-12;

  /** Coefficients → θ → coefficients for a well-conditioned polynomial (Π (1 + θ²) ≈ 3.8). */
  private static final double COEFFICIENT_ROUND_TRIP_TOLERANCE = 1e-13;

  /**
   * statsmodels' values were produced by its {@code constrain_stationary_univariate} transcribed in
   * NumPy (statsmodels.tsa.statespace.tools, r = θ/√(1+θ²), y_{k,i} = y_{k−1,i} + r_k y_{k−1,k−i},
   * returning −y_{p,·}) at θ_sm = (0.5, −2.0, 0.25, 3.0); our θ is −θ_sm. Agreement is to round-off
   * of the same arithmetic.
   */
  private static final double STATSMODELS_TOLERANCE = 1e-15;

  private static double r(double theta) {
    return theta / Math.sqrt(1 + theta * theta);
  }

  private static double[] ar(Random random, int p, double scale) {
    return TransformChecks.gaussian(random, p, scale);
  }

  private static Stationary autoregressive(int p) {
    String[] names = new String[p];
    for (int i = 0; i < p; i++) {
      names[i] = "ar.L" + (i + 1);
    }
    return Stationary.autoregressive(names);
  }

  private static Stationary movingAverage(int q) {
    String[] names = new String[q];
    for (int i = 0; i < q; i++) {
      names[i] = "ma.L" + (i + 1);
    }
    return Stationary.movingAverage(names);
  }

  @Test
  void orderOneIsThePartialAutocorrelation() {
    assertEquals(r(0.8), autoregressive(1).toNatural(new double[] {0.8})[0], EXACT);
    assertEquals(0, autoregressive(1).toNatural(new double[] {0})[0]);
  }

  @Test
  void orderTwoMatchesItsClosedForm() {
    // φ₁ = r₁ (1 − r₂), φ₂ = r₂
    double[] theta = {-0.6, 1.7};
    double r1 = r(theta[0]);
    double r2 = r(theta[1]);
    assertArrayEquals(new double[] {r1 * (1 - r2), r2}, autoregressive(2).toNatural(theta), EXACT);
  }

  @Test
  void orderThreeMatchesItsClosedForm() {
    // φ₁ = r₁ (1 − r₂) − r₂ r₃,  φ₂ = r₂ − r₃ r₁ (1 − r₂),  φ₃ = r₃
    double[] theta = {0.3, -0.9, 2.2};
    double r1 = r(theta[0]);
    double r2 = r(theta[1]);
    double r3 = r(theta[2]);
    double[] expected = {r1 * (1 - r2) - r2 * r3, r2 - r3 * r1 * (1 - r2), r3};
    assertArrayEquals(expected, autoregressive(3).toNatural(theta), EXACT);
  }

  @Test
  void agreesWithStatsmodelsUpToTheSignOfTheta() {
    double[] thetaStatsmodels = {0.5, -2.0, 0.25, 3.0};
    double[] expected = {
      -0.060372634335512904, 1.720640997105157, -0.0815280723570454, -0.9486832980505138
    };
    double[] theta = new double[4];
    for (int i = 0; i < 4; i++) {
      theta[i] = -thetaStatsmodels[i];
    }
    assertArrayEquals(expected, autoregressive(4).toNatural(theta), STATSMODELS_TOLERANCE);
  }

  @Test
  void everyOutputIsStationary() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      int p = 1 + random.nextInt(MAX_ORDER);
      double[] phi = autoregressive(p).toNatural(ar(random, p, 2));
      assertTrue(Polynomials.companionSpectralRadius(phi) < 1, "stationary AR(" + p + ")");
    }
  }

  @Test
  void movingAverageIsTheNegatedMapAndInvertible() {
    // θ(z) = 1 + θ₁ z + … has its roots outside the unit circle iff −θ is a stationary AR.
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < TRIALS; trial++) {
      int q = 1 + random.nextInt(MAX_ORDER);
      double[] theta = ar(random, q, 2);
      double[] ma = movingAverage(q).toNatural(theta);
      double[] arCoefficients = autoregressive(q).toNatural(theta);
      double[] negated = new double[q];
      for (int i = 0; i < q; i++) {
        assertEquals(-arCoefficients[i], ma[i]);
        negated[i] = -ma[i];
      }
      assertTrue(Polynomials.companionSpectralRadius(negated) < 1, "invertible MA(" + q + ")");
    }
  }

  @Test
  void roundTripsFromTheta() {
    Random random = new Random(SEED + 2);
    for (int trial = 0; trial < TRIALS; trial++) {
      int p = 1 + random.nextInt(MAX_ORDER);
      double[] theta = ar(random, p, 2);
      double condition = 1;
      for (double t : theta) {
        condition *= 1 + t * t;
      }
      double tolerance = ROUND_TRIP_PER_CONDITION * condition;
      TransformChecks.assertRoundTrip(autoregressive(p), theta, tolerance);
      TransformChecks.assertRoundTrip(movingAverage(p), theta, tolerance);
    }
  }

  @Test
  void roundTripsFromStationaryCoefficients() {
    // φ(z) = (1 − 0.9z)(1 + 0.5z)(1 − 0.2z): all reciprocal roots inside the unit circle.
    double[] phi = Polynomials.fromReciprocalRoots(0.9, -0.5, 0.2);
    Stationary transform = autoregressive(3);
    assertArrayEquals(
        phi, transform.toNatural(transform.toUnconstrained(phi)), COEFFICIENT_ROUND_TRIP_TOLERANCE);
  }

  @Test
  void pullBackMatchesFiniteDifferences() {
    Random random = new Random(SEED + 3);
    for (int trial = 0; trial < TRIALS; trial++) {
      int p = 1 + random.nextInt(MAX_ORDER);
      double[] theta = ar(random, p, 1.5);
      double[] naturalBar = TransformChecks.gaussian(random, p, 1);
      TransformChecks.assertPullBackMatchesFiniteDifferences(autoregressive(p), theta, naturalBar);
      TransformChecks.assertPullBackMatchesFiniteDifferences(movingAverage(p), theta, naturalBar);
    }
  }

  @Test
  void pullBackMatchesFiniteDifferencesAtZeroAndNearTheUnitRoot() {
    double[] naturalBar = {0.7, -1.1, 0.4};
    TransformChecks.assertPullBackMatchesFiniteDifferences(
        autoregressive(3), new double[3], naturalBar);
    TransformChecks.assertPullBackMatchesFiniteDifferences(
        autoregressive(3), new double[] {25, -40, 30}, naturalBar);
  }

  @Test
  void aNonStationaryPolynomialIsRejectedByName() {
    IllegalArgumentException explosive =
        assertThrows(
            IllegalArgumentException.class,
            () -> autoregressive(1).toUnconstrained(new double[] {1.2}));
    assertTrue(
        explosive.getMessage().startsWith("ar.L1 = [1.2] is not stationary"),
        explosive.getMessage());

    // φ₁ + φ₂ = 1.1 > 1; the failure shows up at lag 1 (r₁ = 1.25).
    IllegalArgumentException sum =
        assertThrows(
            IllegalArgumentException.class,
            () -> autoregressive(2).toUnconstrained(new double[] {0.5, 0.6}));
    assertTrue(sum.getMessage().contains("ar.L1, ar.L2"), sum.getMessage());
    assertTrue(sum.getMessage().contains("at lag 1 is 1.2"), sum.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> autoregressive(1).toUnconstrained(new double[] {1.0}),
        "a unit root is not stationary");
  }

  @Test
  void randomNonStationaryPolynomialsAreRejected() {
    Random random = new Random(SEED + 4);
    for (int trial = 0; trial < TRIALS; trial++) {
      // Reciprocal roots in (−0.9, 0.9) but one of modulus in (1, 2): not stationary.
      double[] lambda = new double[1 + random.nextInt(4)];
      for (int i = 0; i < lambda.length; i++) {
        lambda[i] = 1.8 * random.nextDouble() - 0.9;
      }
      lambda[random.nextInt(lambda.length)] =
          (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble());
      double[] phi = Polynomials.fromReciprocalRoots(lambda);
      assertThrows(
          IllegalArgumentException.class, () -> autoregressive(phi.length).toUnconstrained(phi));
    }
  }

  @Test
  void aNonInvertibleMovingAverageIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> movingAverage(1).toUnconstrained(new double[] {-1.5}));
    assertTrue(
        error.getMessage().startsWith("ma.L1 = [-1.5] is not invertible"), error.getMessage());
  }

  @Test
  void aNonFiniteCoefficientIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> autoregressive(2).toUnconstrained(new double[] {0.1, Double.NaN}));
    assertTrue(error.getMessage().contains("ar.L2 = NaN"), error.getMessage());
  }

  @Test
  void orderZeroIsEmpty() {
    Stationary none = Stationary.autoregressive();
    assertEquals(0, none.size());
    assertEquals(0, none.toNatural(new double[0]).length);
    assertEquals(0, none.toUnconstrained(new double[0]).length);
    assertEquals(0, none.pullBack(new double[0], new double[0]).length);
  }
}
