package io.gramian.estimation.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class InverseHessianTest {

  private static final int N = 6;
  private static final long SEED = 7L;

  /** The update is a handful of O(1) products per entry: round-off only. */
  private static final double EXACT = 1e-12;

  private static double[] randomVector(Random random) {
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  /** y = A s for a random symmetric positive definite A, so that sᵀy &gt; 0. */
  private static double[] curvaturePair(RealMatrix a, double[] s) {
    return a.operate(s);
  }

  private static RealMatrix randomSpd(Random random) {
    RealMatrix g = MatrixUtils.createRealMatrix(N, N);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        g.setEntry(i, j, random.nextGaussian());
      }
    }
    return g.multiply(g.transpose()).add(MatrixUtils.createRealIdentityMatrix(N));
  }

  private static RealMatrix toMatrix(InverseHessian h) {
    RealMatrix m = MatrixUtils.createRealMatrix(N, N);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        m.setEntry(i, j, h.get(i, j));
      }
    }
    return m;
  }

  @Test
  void everyUpdateSatisfiesTheSecantEquationAndStaysPositiveDefinite() {
    Random random = new Random(SEED);
    RealMatrix a = randomSpd(random);
    InverseHessian h = new InverseHessian(N);
    for (int k = 0; k < 2 * N; k++) {
      double[] s = randomVector(random);
      double[] y = curvaturePair(a, s);

      assertTrue(h.update(s, y));

      RealMatrix m = toMatrix(h);
      double[] hy = m.operate(y);
      for (int i = 0; i < N; i++) {
        assertEquals(s[i], hy[i], EXACT * (1 + Math.abs(s[i])), "H₊ y = s");
        for (int j = 0; j < N; j++) {
          assertEquals(m.getEntry(i, j), m.getEntry(j, i), EXACT, "symmetric");
        }
      }
      new CholeskyDecomposition(m); // throws when not positive definite
    }
  }

  @Test
  void theFirstUpdateStartsFromTheScaledIdentity() {
    // n = 1: H = (sy / yy) · 1, then the update gives s / y, the exact inverse curvature.
    InverseHessian h = new InverseHessian(1);
    assertTrue(h.isUnscaledIdentity());

    assertTrue(h.update(new double[] {2}, new double[] {8}));

    assertFalse(h.isUnscaledIdentity());
    assertEquals(0.25, h.get(0, 0), EXACT);
  }

  @Test
  void theUpdateIsSkippedWithoutSafelyPositiveCurvature() {
    InverseHessian h = new InverseHessian(2);
    double[] s = {1, 0};

    assertFalse(h.update(s, new double[] {-1, 0}), "sᵀy < 0");
    assertFalse(
        h.update(s, new double[] {InverseHessian.CURVATURE_SKIP_THRESHOLD / 2, 1}),
        "sᵀy ≤ ε ‖s‖ ‖y‖");
    assertTrue(h.isUnscaledIdentity());
    assertEquals(1, h.get(0, 0));
    assertEquals(0, h.get(0, 1));
  }

  @Test
  void theSearchDirectionIsMinusHTimesTheGradient() {
    InverseHessian h = new InverseHessian(2);
    double[] p = h.searchDirection(new double[] {3, -4});
    assertEquals(-3, p[0]);
    assertEquals(4, p[1]);
  }
}
