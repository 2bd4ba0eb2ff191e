package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DurbinLevinsonTest {

  private static final long SEED = 31L;
  private static final int TRIALS = 50;
  private static final int MAX_ORDER = 8;

  /**
   * The recursions are O(p²) products of numbers in (−1, 1) with sums of a few such terms; both
   * directions and both derivative sweeps agree to round-off.
   */
  private static final double ROUND_OFF = 1e-12;

  private static double[] partialAutocorrelations(Random random, int p) {
    double[] r = new double[p];
    for (int k = 0; k < p; k++) {
      r[k] = 2 * random.nextDouble() - 1;
    }
    return r;
  }

  /**
   * dφ = (∂φ/∂r) dr by the tangent (forward-mode) recursion, written independently of the reverse
   * sweep under test:
   *
   * <pre>
   *   dφ_{k,k} = dr_k,   dφ_{k,i} = dφ_{k−1,i} − dr_k φ_{k−1,k−i} − r_k dφ_{k−1,k−i}
   * </pre>
   */
  private static double[] tangent(double[] r, double[] dr) {
    double[] phi = new double[0];
    double[] dphi = new double[0];
    for (int k = 0; k < r.length; k++) {
      double[] next = new double[k + 1];
      double[] dnext = new double[k + 1];
      for (int i = 0; i < k; i++) {
        next[i] = phi[i] - r[k] * phi[k - 1 - i];
        dnext[i] = dphi[i] - dr[k] * phi[k - 1 - i] - r[k] * dphi[k - 1 - i];
      }
      next[k] = r[k];
      dnext[k] = dr[k];
      phi = next;
      dphi = dnext;
    }
    return dphi;
  }

  @Test
  void theBackwardRecursionInvertsTheForwardOne() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      double[] r = partialAutocorrelations(random, 1 + random.nextInt(MAX_ORDER));
      double[] back = DurbinLevinson.partialAutocorrelations(DurbinLevinson.coefficients(r));
      for (int k = 0; k < r.length; k++) {
        assertEquals(r[k], back[k], ROUND_OFF);
      }
    }
  }

  @Test
  void thePullBackIsTheTransposeOfTheTangent() {
    // ⟨φ̄, (∂φ/∂r) dr⟩ = ⟨(∂φ/∂r)ᵀ φ̄, dr⟩ for random r, dr, φ̄.
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < TRIALS; trial++) {
      int p = 1 + random.nextInt(MAX_ORDER);
      double[] r = partialAutocorrelations(random, p);
      double[] dr = TransformChecks.gaussian(random, p, 1);
      double[] phiBar = TransformChecks.gaussian(random, p, 1);

      double forward = TransformChecks.dot(phiBar, tangent(r, dr));
      double reverse = TransformChecks.dot(DurbinLevinson.pullBack(r, phiBar), dr);

      assertEquals(forward, reverse, ROUND_OFF * Math.max(1, Math.abs(forward)));
    }
  }

  @Test
  void theBackwardRecursionStopsAtTheFirstNonStationaryLag() {
    // φ = (0.5, 0.6): r₂ = 0.6, then r₁ = (0.5 + 0.6 · 0.5) / (1 − 0.36) = 1.25.
    double[] r = DurbinLevinson.partialAutocorrelations(new double[] {0.5, 0.6});
    assertEquals(0.6, r[1], ROUND_OFF);
    assertEquals(1.25, r[0], ROUND_OFF);

    // φ = (0.1, 0.2, 1.5): r₃ = 1.5 stops the recursion; the lower lags are undefined.
    double[] stopped = DurbinLevinson.partialAutocorrelations(new double[] {0.1, 0.2, 1.5});
    assertEquals(1.5, stopped[2]);
    assertTrue(Double.isNaN(stopped[1]) && Double.isNaN(stopped[0]));
  }
}
