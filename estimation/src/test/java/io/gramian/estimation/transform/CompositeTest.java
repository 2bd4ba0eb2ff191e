package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An ARMA(2, 1) with a mean and a variance: [mean | ar.L1 ar.L2 | ma.L1 | sigma2]. */
class CompositeTest {

  private static final long SEED = 51L;
  private static final int TRIALS = 20;

  /** Each slice is its part's own computation: identical bits. */
  private static final double SAME = 0;

  /**
   * As in {@link StationaryTest}: the round trip through the Durbin–Levinson recursion errs by up
   * to about 4.4e-14 · Π (1 + θ_k²) over the AR and MA entries; this factor times that product.
   */
  private static final double ROUND_TRIP_PER_CONDITION = 1e-12;

  private final Identity mean = new Identity("mean");
  private final Stationary ar = Stationary.autoregressive("ar.L1", "ar.L2");
  private final Stationary ma = Stationary.movingAverage("ma.L1");
  private final Square variance = new Square("sigma2");
  private final Composite arma = Composite.of(mean, ar, ma, variance);

  @Test
  void slicesTheVectorInOrder() {
    assertEquals(5, arma.size());
    assertEquals(0, arma.offset(0));
    assertEquals(1, arma.offset(1));
    assertEquals(3, arma.offset(2));
    assertEquals(4, arma.offset(3));

    double[] theta = {2.5, 0.3, -0.4, 0.8, 1.5};
    double[] natural = arma.toNatural(theta);

    assertArrayEquals(mean.toNatural(new double[] {2.5}), Arrays.copyOfRange(natural, 0, 1), SAME);
    assertArrayEquals(
        ar.toNatural(new double[] {0.3, -0.4}), Arrays.copyOfRange(natural, 1, 3), SAME);
    assertArrayEquals(ma.toNatural(new double[] {0.8}), Arrays.copyOfRange(natural, 3, 4), SAME);
    assertArrayEquals(
        variance.toNatural(new double[] {1.5}), Arrays.copyOfRange(natural, 4, 5), SAME);
  }

  @Test
  void roundTripsAndPullsBackLikeItsParts() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      double[] theta = TransformChecks.gaussian(random, 5, 1.5);
      theta[4] = Math.abs(theta[4]); // the square root returns the non-negative root
      double condition = 1;
      for (int k = 1; k <= 3; k++) { // the AR and MA entries
        condition *= 1 + theta[k] * theta[k];
      }
      TransformChecks.assertRoundTrip(arma, theta, ROUND_TRIP_PER_CONDITION * condition);
      TransformChecks.assertPullBackMatchesFiniteDifferences(
          arma, theta, TransformChecks.gaussian(random, 5, 1));
    }
  }

  @Test
  void anInfeasiblePartIsRejectedWithItsName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> arma.toUnconstrained(new double[] {0, 0.2, 0.1, 0.5, -1}));
    assertTrue(error.getMessage().startsWith("sigma2 = -1.0 is negative"), error.getMessage());
  }

  @Test
  void aWrongLengthIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> arma.pullBack(new double[5], new double[4]));
  }
}
