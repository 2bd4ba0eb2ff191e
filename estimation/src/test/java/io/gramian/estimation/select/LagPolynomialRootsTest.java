package io.gramian.estimation.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Roots of lag polynomials against closed forms. */
class LagPolynomialRootsTest {

  /** Eigenvalues of a companion matrix of degree ≤ 13 by EJML: a few ulps of the modulus. */
  private static final double ROOT_TOLERANCE = 1e-12;

  @Test
  void firstDegreeRootIsMinusOneOverTheCoefficient() {
    // 1 − 0.5 z has its root at z = 2
    assertEquals(2.0, LagPolynomialRoots.smallestModulus(new double[] {-0.5}), ROOT_TOLERANCE);
  }

  @Test
  void complexRootsOfAQuadratic() {
    // 1 + 0.25 z² = 0 at z = ±2i
    assertEquals(2.0, LagPolynomialRoots.smallestModulus(new double[] {0, 0.25}), ROOT_TOLERANCE);
  }

  @Test
  void seasonalFactorRootsLieOnACircle() {
    // (1 − 0.9 z)(1 − 0.5 z¹²): roots 1/0.9 and the twelve 12th roots of 2, the smaller
    double[] c = LagPolynomialRoots.product(new double[] {-0.9}, new double[] {-0.5}, 12);
    assertEquals(13, c.length);
    assertEquals(-0.9, c[0]);
    assertEquals(-0.5, c[11]);
    assertEquals(0.45, c[12], 1e-15);
    assertEquals(Math.pow(2, 1.0 / 12), LagPolynomialRoots.smallestModulus(c), ROOT_TOLERANCE);
    double[] nonSeasonalDominates =
        LagPolynomialRoots.product(new double[] {-0.9}, new double[] {-0.1}, 12);
    assertEquals(1 / 0.9, LagPolynomialRoots.smallestModulus(nonSeasonalDominates), ROOT_TOLERANCE);
    double[] seasonalOnly = LagPolynomialRoots.product(new double[0], new double[] {-0.5}, 12);
    assertEquals(Math.pow(2, 1.0 / 12), LagPolynomialRoots.smallestModulus(seasonalOnly), 1e-12);
  }

  @Test
  void trailingZerosAndTheConstantPolynomial() {
    assertEquals(
        Double.POSITIVE_INFINITY, LagPolynomialRoots.smallestModulus(new double[] {0, 1e-9}));
    assertEquals(2.0, LagPolynomialRoots.smallestModulus(new double[] {-0.5, 0, 0}), 1e-12);
    assertArrayEquals(new double[0], LagPolynomialRoots.product(new double[0], new double[0], 4));
  }
}
