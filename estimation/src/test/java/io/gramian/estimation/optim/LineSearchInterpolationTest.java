package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineSearchInterpolationTest {

  /** The minimisers are closed-form algebra on exact polynomials: round-off only. */
  private static final double EXACT = 1e-12;

  @Test
  void theCubicMinimizerIsExactForACubic() {
    // φ(α) = (α − 2)² (α + 1) = α³ − 3α² + 4: local minimum at α = 2, maximum at 0.
    double a = 0.5;
    double b = 3;
    assertEquals(2, cubicThrough(a, b), EXACT);
    assertEquals(2, cubicThrough(b, a), EXACT);
  }

  private static double cubicThrough(double a, double b) {
    return LineSearchInterpolation.cubicMinimizer(a, phi(a), dphi(a), b, phi(b), dphi(b));
  }

  private static double phi(double alpha) {
    return alpha * alpha * alpha - 3 * alpha * alpha + 4;
  }

  private static double dphi(double alpha) {
    return 3 * alpha * alpha - 6 * alpha;
  }

  @Test
  void theCubicMinimizerIsExactForAQuadratic() {
    // φ(α) = (α − 0.7)²: a cubic with zero leading coefficient.
    double a = 0;
    double b = 5;
    double minimizer =
        LineSearchInterpolation.cubicMinimizer(
            a, (a - 0.7) * (a - 0.7), 2 * (a - 0.7), b, (b - 0.7) * (b - 0.7), 2 * (b - 0.7));
    assertEquals(0.7, minimizer, EXACT);
  }

  @Test
  void theQuadraticMinimizerIsExactForAQuadratic() {
    // φ(α) = 3 (α − 1.5)² − 2
    double a = 0.2;
    double b = 4;
    double minimizer =
        LineSearchInterpolation.quadraticMinimizer(
            a, 3 * (a - 1.5) * (a - 1.5) - 2, 6 * (a - 1.5), b, 3 * (b - 1.5) * (b - 1.5) - 2);
    assertEquals(1.5, minimizer, EXACT);
  }

  @Test
  void withoutAMinimizerTheResultIsNaN() {
    // A concave quadratic −α², and a cubic through two points of a monotone cubic α³ + α.
    assertTrue(Double.isNaN(LineSearchInterpolation.quadraticMinimizer(1, -1, -2, 2, -4)));
    assertTrue(Double.isNaN(LineSearchInterpolation.cubicMinimizer(0, 0, 1, 1, 2, 4)));
    assertTrue(Double.isNaN(LineSearchInterpolation.cubicMinimizer(1, 0, 1, 1, 0, 1)));
  }
}
