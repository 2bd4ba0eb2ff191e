package io.gramian.estimation.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/** Checks every transform must pass: the pull-back against finite differences, round trips. */
final class TransformChecks {

  private TransformChecks() {}

  /**
   * |θ̄_j − FD_j| ≤ 1e-8 · max(1, ‖θ̄‖_∞). The central difference with step h = 1e-5 · max(1,
   * |θ_j|) errs by about h² |g'''| / 6 ≈ 2e-11 (truncation) plus ulp · |⟨natural̄, g⟩| / h ≈ 2e-11
   * (round-off) for the O(1) values used here, so 1e-8 leaves a wide margin.
   */
  static final double PULL_BACK_TOLERANCE = 1e-8;

  private static final double FINITE_DIFFERENCE_STEP = 1e-5;

  /** θ̄ = Jᵀ natural̄ against the central difference of ⟨natural̄, g(θ)⟩ in each θ_j. */
  static void assertPullBackMatchesFiniteDifferences(
      ParameterTransform transform, double[] theta, double[] naturalBar) {
    double[] thetaBar = transform.pullBack(theta, naturalBar);
    double scale = 1;
    for (double v : thetaBar) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < theta.length; j++) {
      double h = FINITE_DIFFERENCE_STEP * Math.max(1, Math.abs(theta[j]));
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += h;
      minus[j] -= h;
      double difference =
          (dot(naturalBar, transform.toNatural(plus)) - dot(naturalBar, transform.toNatural(minus)))
              / (plus[j] - minus[j]);
      assertEquals(difference, thetaBar[j], PULL_BACK_TOLERANCE * scale, "θ̄[" + j + "]");
    }
  }

  /** toUnconstrained(toNatural(θ)) = θ to {@code tolerance} · max(1, |θ_j|). */
  static void assertRoundTrip(ParameterTransform transform, double[] theta, double tolerance) {
    double[] back = transform.toUnconstrained(transform.toNatural(theta));
    for (int j = 0; j < theta.length; j++) {
      assertEquals(theta[j], back[j], tolerance * Math.max(1, Math.abs(theta[j])), "θ[" + j + "]");
    }
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static double[] gaussian(Random random, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * random.nextGaussian();
    }
    return v;
  }
}
