package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SquareTest {

  /** √(θ²) = |θ| to within an ulp or two. */
  private static final double ROUND_TRIP_TOLERANCE = 1e-15;

  private final Square square = new Square("sigma2.irregular", "sigma2.level", "sigma2.trend");

  @Test
  void squaresAndTakesTheNonNegativeRoot() {
    assertArrayEquals(new double[] {4, 0, 0.25}, square.toNatural(new double[] {-2, 0, 0.5}));
    assertArrayEquals(new double[] {2, 0, 0.5}, square.toUnconstrained(new double[] {4, 0, 0.25}));
  }

  @Test
  void anExactZeroVarianceIsReachedAtThetaZero() {
    assertEquals(0, square.toNatural(new double[] {0, 1, 1})[0]);
    assertEquals(0, square.toUnconstrained(new double[] {0, 1, 1})[0]);
  }

  @Test
  void roundTripsForNonNegativeTheta() {
    Random random = new Random(12);
    for (int trial = 0; trial < 20; trial++) {
      double[] theta = TransformChecks.gaussian(random, 3, 10);
      for (int i = 0; i < theta.length; i++) {
        theta[i] = Math.abs(theta[i]);
      }
      TransformChecks.assertRoundTrip(square, theta, ROUND_TRIP_TOLERANCE);
    }
  }

  @Test
  void pullBackMatchesFiniteDifferences() {
    Random random = new Random(13);
    for (int trial = 0; trial < 20; trial++) {
      TransformChecks.assertPullBackMatchesFiniteDifferences(
          square, TransformChecks.gaussian(random, 3, 3), TransformChecks.gaussian(random, 3, 1));
    }
  }

  @Test
  void aNegativeVarianceIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> square.toUnconstrained(new double[] {1, -0.5, 1}));
    assertTrue(error.getMessage().contains("sigma2.level = -0.5 is negative"), error.getMessage());
  }

  @Test
  void aNonFiniteVarianceIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> square.toUnconstrained(new double[] {1, 1, Double.POSITIVE_INFINITY}));
    assertTrue(error.getMessage().contains("sigma2.trend"), error.getMessage());
  }
}
