package io.gramian.autodiff;

import static io.gramian.autodiff.testing.Matrices.*;
import static org.junit.jupiter.api.Assertions.*;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The one-step counterexample where the published rule is not exact: nx = 2, ny = 1, P = I, H = [1,
 * t], R = 0, m = 0, y = 1. The update triangularises
 *
 * <pre>
 *   M_u = [[H, 0], [I, 0]]  (3 × 3, the last column is the zero factor of R)
 *   tria(M_u) = [[A, 0], [C, D]],   m⁺ = C A⁻¹ (y − H m)
 * </pre>
 *
 * The filtered mean is [1, t] / (1 + t²), so d m⁺ / dt at t = 0 is [0, 1]. The pseudoinverse rule's
 * null-space term leaks into the top-right block and gives [0, 0.5]; the masked rule gives [0, 1].
 */
class KalmanCounterexampleTest {

  /** Both values are exact rationals; only rounding in one small QR remains. */
  private static final double TOLERANCE = 1e-14;

  @Test
  void pseudoinverseRuleGivesHalfTheTrueDerivative() {
    assertArrayEquals(
        new double[] {0, 0.5}, filteredMeanDerivative(TriaRule.PSEUDOINVERSE), TOLERANCE);
  }

  @Test
  void maskedRuleGivesTheTrueDerivative() {
    assertArrayEquals(new double[] {0, 1}, filteredMeanDerivative(TriaRule.MASKED), TOLERANCE);
  }

  /** d m⁺ / dt at t = 0 through the JVP of tria. */
  private static double[] filteredMeanDerivative(TriaRule rule) {
    double t = 0;
    double y = 1;
    DMatrixRMaj Mu = of(new double[][] {{1, t, 0}, {1, 0, 0}, {0, 1, 0}});
    DMatrixRMaj dMu = of(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}});
    DMatrixRMaj L = Tria.tria(Mu);
    DMatrixRMaj dL = TriaAdjoint.jvp(rule, Mu, dMu);

    double A = L.get(0, 0);
    double dA = dL.get(0, 0);
    double e = y; // y − H m with m = 0; de = −dH m = 0
    double z = e / A;
    double dz = -dA * z / A;
    double[] derivative = new double[2];
    for (int i = 0; i < 2; i++) {
      double C = L.get(1 + i, 0);
      double dC = dL.get(1 + i, 0);
      derivative[i] = dC * z + C * dz;
    }
    // the primal is right whatever the rule: m⁺ = [1, t] / (1 + t²) = [1, 0]
    assertEquals(1.0, L.get(1, 0) * z, TOLERANCE);
    assertEquals(0.0, L.get(2, 0) * z, TOLERANCE);
    return derivative;
  }
}
