package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Gaussian kernel density with Scott's bandwidth, as scipy's {@code gaussian_kde}. */
class KernelDensityTest {

  /** A trapezoid rule on a fine grid integrates the smooth kernel density this closely. */
  private static final double INTEGRAL = 1e-6;

  /** Closed-form values: rounding only. */
  private static final double ROUNDING = 1e-15;

  @Test
  void integratesToOneOnTheNileResiduals() {
    double[] observed =
        Arrays.stream(ReferenceResiduals.nileStandardized())
            .filter(v -> !Double.isNaN(v))
            .toArray();
    KernelDensity kde = KernelDensity.scott(observed);
    int n = 20_000;
    double lo = -10;
    double hi = 10;
    double step = (hi - lo) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double w = (i == 0 || i == n) ? 0.5 : 1;
      sum += w * kde.density(lo + i * step);
    }
    assertEquals(1, sum * step, INTEGRAL);
  }

  @Test
  void scottsBandwidthAndTheKernelAreScipys() {
    // x = (−1, 1): sd √2, h = √2 · 2^(−1/5); f(0) = φ(1/h) / h.
    double[] x = {-1, 1};
    double h = Math.sqrt(2) * Math.pow(2, -0.2);
    assertEquals(h, KernelDensity.scottBandwidth(x), ROUNDING);
    KernelDensity kde = KernelDensity.scott(x);
    assertEquals(h, kde.bandwidth(), 0);
    assertEquals(StandardNormal.density(1 / h) / h, kde.density(0), ROUNDING);
  }

  @Test
  void constantOrTooFewValuesHaveNoDensity() {
    assertEquals(0, KernelDensity.scottBandwidth(new double[] {2, 2, 2}), 0);
    assertEquals(0, KernelDensity.scottBandwidth(new double[] {2}), 0);
    assertThrows(IllegalArgumentException.class, () -> KernelDensity.scott(new double[] {2, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelDensity.scott(new double[] {1, Double.POSITIVE_INFINITY}));
  }
}
