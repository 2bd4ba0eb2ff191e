package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.testing.RandomSystems;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Caller-owned outputs of other shapes than the system's are refused at the public entry point,
 * with a message naming the argument, the shape expected and the shape given (not EJML's or the
 * JVM's message from deep inside a step).
 */
class CallerOwnedShapesTest {

  private static final int T = 20;

  private final Random rng = new Random(8);
  // nx 3, ny 2, q 2, r 2, k 3, d 0
  private final StateSpaceSystem system = RandomSystems.system(rng, 3, 2, 2, 2, 2, 2, 3, 3);
  private final DMatrixRMaj Y = RandomSystems.sample(rng, system, T);
  private final SquareRootFilter filter = SquareRootFilter.forSystem(system);

  @Test
  void aGradientOfOtherDimensionsIsNamed() {
    SystemGradient wrong = new SystemGradient(new Dimensions(2, 2, 2, 2, 3));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, wrong));
    assertEquals("gradient.FBar is 2 × 2, expected nx × nx = 3 × 3", e.getMessage());
    SystemGradient fewerNoiseColumns = new SystemGradient(new Dimensions(3, 2, 1, 2, 3));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, fewerNoiseColumns));
    assertEquals("gradient.cholQBar is 3 × 1, expected nx × q = 3 × 2", e.getMessage());
    SystemGradient right = new SystemGradient(Dimensions.of(system));
    assertDoesNotThrow(() -> filter.logLikelihoodGradient(system, Y, TriaRule.MASKED, right));
  }

  @Test
  void aTangentDirectionOrOutputOfOtherSizesIsNamed() {
    StateSpaceSystem other = RandomSystems.system(rng, 2, 2, 2, 2, 2, 2, 2, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> filter.logLikelihoodTangent(system, other, Y, TriaRule.MASKED, new double[T]));
    assertTrue(e.getMessage().startsWith("the direction has Dimensions[nx=2"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                filter.logLikelihoodTangent(system, system, Y, TriaRule.MASKED, new double[T - 1]));
    assertEquals("dLogLik has length 19, expected at least T = 20", e.getMessage());
  }

  @Test
  void theOnlineFilterNamesTheShapesItGot() {
    OnlineKalmanFilter online =
        new OnlineKalmanFilter(Dimensions.of(system), system.m0(), system.cholP0());
    DMatrixRMaj narrowQ = new DMatrixRMaj(3, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> online.predict(system.F(0), system.c(0), narrowQ));
    assertTrue(
        e.getMessage().endsWith("got F 3 × 3, c of length 3 and cholQ 3 × 1"), e.getMessage());
    DMatrixRMaj y = new DMatrixRMaj(2, 1);
    DMatrixRMaj wideR = new DMatrixRMaj(2, 3);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> online.update(y, system.H(0), system.d(0), wideR));
    assertTrue(e.getMessage().endsWith("and cholR 2 × 3"), e.getMessage());
  }
}
