package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentialTest {

  /** log(exp(θ)) = θ to within a few ulps of max(1, |θ|). */
  private static final double ROUND_TRIP_TOLERANCE = 1e-15;

  private final Exponential exponential =
      new Exponential("sqrt.cov.irregular.a.a", "sqrt.cov.irregular.b.b");

  @Test
  void exponentiatesAndTakesTheLogarithm() {
    assertArrayEquals(
        new double[] {1, Math.exp(-2)}, exponential.toNatural(new double[] {0, -2}), 0);
    assertArrayEquals(
        new double[] {0, -2}, exponential.toUnconstrained(new double[] {1, Math.exp(-2)}), 1e-16);
  }

  @Test
  void roundTrips() {
    Random random = new Random(21);
    for (int trial = 0; trial < 20; trial++) {
      TransformChecks.assertRoundTrip(
          exponential, TransformChecks.gaussian(random, 2, 10), ROUND_TRIP_TOLERANCE);
    }
  }

  @Test
  void pullBackMatchesFiniteDifferences() {
    Random random = new Random(22);
    for (int trial = 0; trial < 20; trial++) {
      TransformChecks.assertPullBackMatchesFiniteDifferences(
          exponential,
          TransformChecks.gaussian(random, 2, 3),
          TransformChecks.gaussian(random, 2, 1));
    }
  }

  /**
   * An optimiser heading for a singular covariance can go below θ = −745, where exp underflows to
   * 0: the natural value stays at the floor, converts back, and has a zero derivative there.
   */
  @Test
  void aThetaFarBelowTheUnderflowStaysAtTheFloorAndConvertsBack() {
    double[] natural = exponential.toNatural(new double[] {-800, -1e6});
    assertArrayEquals(new double[] {Exponential.SMALLEST, Exponential.SMALLEST}, natural, 0);
    double[] back = exponential.toUnconstrained(natural);
    assertArrayEquals(natural, exponential.toNatural(back), 0);
    assertArrayEquals(
        new double[] {0, 0},
        exponential.pullBack(new double[] {-800, -1e6}, new double[] {1, 1}),
        0);
  }

  @Test
  void aNonPositiveValueIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> exponential.toUnconstrained(new double[] {1, 0}));
    assertTrue(
        error.getMessage().contains("sqrt.cov.irregular.b.b = 0.0 is not positive"),
        error.getMessage());
  }
}
