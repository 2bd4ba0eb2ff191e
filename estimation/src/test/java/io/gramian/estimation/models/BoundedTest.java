package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The logistic map onto (a, b) of statsmodels' cycle frequency and damping. */
class BoundedTest {

  /** Round trips through log and exp: a few ulps of the interval's scale. */
  private static final double ROUND_TRIP = 1e-14;

  /**
   * Central differences at h = 1e-5, relative: O(h²) truncation ≈ 1e-11, rounding ε (b − a) / (h ·
   * dnatural/dθ) ≤ 1e-7 at |θ| = 8 (where dnatural/dθ ≈ 3e-4 (b − a)).
   */
  private static final double PULL_BACK = 1e-6;

  private final Bounded frequency = new Bounded("frequency.cycle", 2 * Math.PI / 48, Math.PI / 3);

  @Test
  void mapsOntoTheOpenInterval() {
    assertEquals(frequency.lower(), frequency.toNatural(new double[] {-800})[0], 0.0);
    assertEquals(frequency.upper(), frequency.toNatural(new double[] {800})[0], 0.0);
    assertEquals(
        (frequency.lower() + frequency.upper()) / 2,
        frequency.toNatural(new double[] {0})[0],
        ROUND_TRIP);
  }

  @Test
  void roundTrips() {
    for (double v : new double[] {0.131, 0.5, 0.9, 1.04}) {
      double[] theta = frequency.toUnconstrained(new double[] {v});
      assertEquals(v, frequency.toNatural(theta)[0], ROUND_TRIP);
    }
  }

  @Test
  void pullBackIsTheDerivative() {
    for (double theta : new double[] {-8, -3, -0.2, 0, 0.7, 4, 8}) {
      double h = 1e-5;
      double fd =
          (frequency.toNatural(new double[] {theta + h})[0]
                  - frequency.toNatural(new double[] {theta - h})[0])
              / (2 * h);
      double bar = 1.7;
      double pulled = frequency.pullBack(new double[] {theta}, new double[] {bar})[0];
      assertEquals(bar * fd, pulled, PULL_BACK * Math.abs(bar * fd), "θ = " + theta);
    }
  }

  /** Far out, where a + (b − a)σ(θ) rounds to a bound, the pull-back still has its value. */
  @Test
  void pullBackStaysPositiveInTheTails() {
    for (double theta : new double[] {-30, 30}) {
      double expected =
          (frequency.upper() - frequency.lower()) * Math.exp(-30) / Math.pow(1 + Math.exp(-30), 2);
      assertEquals(
          expected,
          frequency.pullBack(new double[] {theta}, new double[] {1})[0],
          ROUND_TRIP * expected);
    }
  }

  @Test
  void rejectsValuesOnOrOutsideTheBounds() {
    Bounded damping = new Bounded("damping.cycle", 0, 1);
    for (double v : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> damping.toUnconstrained(new double[] {v}));
      assertTrue(e.getMessage().contains("damping.cycle"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new Bounded("x", 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new Bounded("x", 0, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> damping.toNatural(new double[2]));
  }
}
