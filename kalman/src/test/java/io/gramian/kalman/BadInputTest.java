package io.gramian.kalman;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Bad input gives one clear error naming the matrix or the step, never a NaN. */
class BadInputTest {

  private static DMatrixRMaj m(double[][] a) {
    return new DMatrixRMaj(a);
  }

  private static StateSpaceSystem localLevel(double sigmaEta, double sigmaEps, double p0) {
    return StateSpaceSystem.builder()
        .F(m(new double[][] {{1}}))
        .H(m(new double[][] {{1}}))
        .cholQ(m(new double[][] {{sigmaEta}}))
        .cholR(m(new double[][] {{sigmaEps}}))
        .m0(m(new double[][] {{0}}))
        .cholP0(m(new double[][] {{p0}}))
        .build();
  }

  @Test
  void dimensionMismatchNamesTheMatrix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StateSpaceSystem.builder()
                    .F(m(new double[][] {{1, 0}, {0, 1}}))
                    .H(m(new double[][] {{1, 0, 0}}))
                    .cholQ(m(new double[][] {{1}, {1}}))
                    .cholR(m(new double[][] {{1}}))
                    .m0(m(new double[][] {{0}, {0}}))
                    .cholP0(m(new double[][] {{1}, {1}}))
                    .build());
    assertEquals("H is 1 × 3, expected 1 × 2", e.getMessage());
  }

  @Test
  void nonFiniteSystemEntryNamesTheMatrixAndEntry() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> localLevel(Double.NaN, 1, 1));
    assertEquals("cholQ[0][0] = NaN is not finite", e.getMessage());
  }

  @Test
  void infiniteDataValueNamesTheStep() {
    StateSpaceSystem s = localLevel(1, 1, 1);
    DMatrixRMaj Y = m(new double[][] {{1}, {2}, {Double.POSITIVE_INFINITY}});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SquareRootFilter.forSystem(s).logLikelihood(s, Y));
    assertTrue(e.getMessage().startsWith("time step 3, observation 1"), e.getMessage());
  }

  @Test
  void singularInnovationCovarianceNamesTheStep() {
    // P0 = 0 and R = 0: the first observation has no variance at all.
    StateSpaceSystem s = localLevel(1, 0, 0);
    DMatrixRMaj Y = m(new double[][] {{1}, {2}});
    FilterException e =
        assertThrows(
            FilterException.class, () -> SquareRootFilter.forSystem(s).logLikelihood(s, Y));
    assertEquals(0, e.step());
    assertTrue(e.getMessage().startsWith("time step 1: the innovation covariance is singular"));
    SystemGradient g = new SystemGradient(Dimensions.of(s));
    assertThrows(
        FilterException.class,
        () -> SquareRootFilter.forSystem(s).logLikelihoodGradient(s, Y, TriaRule.MASKED, g));
  }

  @Test
  void singularInnovationLaterInTheSeries() {
    // Q = 0, R = 0, P0 > 0: y_1 pins the state exactly, so y_2 has no variance.
    StateSpaceSystem s = localLevel(0, 0, 1);
    DMatrixRMaj Y = m(new double[][] {{1}, {1}});
    FilterException e =
        assertThrows(
            FilterException.class, () -> SquareRootFilter.forSystem(s).logLikelihood(s, Y));
    assertEquals(1, e.step());
  }

  @Test
  void wrongDataWidthIsReported() {
    StateSpaceSystem s = localLevel(1, 1, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SquareRootFilter.forSystem(s).logLikelihood(s, new DMatrixRMaj(4, 2)));
    assertTrue(e.getMessage().contains("2 columns"), e.getMessage());
  }

  @Test
  void allMissingSeriesHasZeroLogLikelihood() {
    StateSpaceSystem s = localLevel(1, 1, 1);
    DMatrixRMaj Y = m(new double[][] {{Double.NaN}, {Double.NaN}});
    assertEquals(0.0, SquareRootFilter.forSystem(s).logLikelihood(s, Y));
  }
}
