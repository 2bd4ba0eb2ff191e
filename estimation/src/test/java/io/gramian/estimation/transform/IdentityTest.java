package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdentityTest {

  private final Identity identity = new Identity("mean", "beta.x");

  @Test
  void mapsEachValueToItself() {
    double[] theta = {-3.5, 1e300};
    assertArrayEquals(theta, identity.toNatural(theta));
    assertArrayEquals(theta, identity.toUnconstrained(theta));
    assertArrayEquals(new double[] {2, -7}, identity.pullBack(theta, new double[] {2, -7}));
  }

  @Test
  void pullBackMatchesFiniteDifferences() {
    Random random = new Random(11);
    TransformChecks.assertPullBackMatchesFiniteDifferences(
        identity, TransformChecks.gaussian(random, 2, 3), TransformChecks.gaussian(random, 2, 1));
  }

  @Test
  void aNonFiniteValueIsRejectedByName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> identity.toUnconstrained(new double[] {0, Double.NaN}));
    assertTrue(error.getMessage().contains("beta.x"), error.getMessage());
  }

  @Test
  void aWrongLengthIsRejected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> identity.toNatural(new double[3]));
    assertTrue(error.getMessage().contains("length 3, expected 2"), error.getMessage());
  }
}
