package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * N(0, 1) against values quoted to full double precision (scipy.stats.norm, Python's math.erfc).
 */
class StandardNormalTest {

  /** erf⁻¹ and erfc of commons-math3 agree with scipy to a few ulps. */
  private static final double TIGHT = 1e-15;

  /** Relative accuracy of a tail probability far out, where erfc is computed on its own. */
  private static final double TAIL_RELATIVE = 1e-13;

  @Test
  void ninetyFivePercentQuantileIsScipysNormPpf() {
    assertEquals(1.959963984540054, StandardNormal.Z95, TIGHT); // norm.ppf(0.975)
    assertEquals(-1.959963984540054, StandardNormal.quantile(0.025), TIGHT);
    assertEquals(0, StandardNormal.quantile(0.5), 0);
    assertEquals(-2.3263478740408408, StandardNormal.quantile(0.01), TIGHT); // norm.ppf(0.01)
    assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0), 0);
    assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1), 0);
  }

  @Test
  void distributionFunctionInvertsTheQuantile() {
    for (double p = 0.001; p < 1; p += 0.0371) {
      assertEquals(p, StandardNormal.cdf(StandardNormal.quantile(p)), TIGHT);
    }
    assertEquals(0.975, StandardNormal.cdf(StandardNormal.Z95), TIGHT);
    assertEquals(0.5, StandardNormal.cdf(0), 0);
  }

  @Test
  void densityAndTailsAreScipys() {
    assertEquals(0.3989422804014327, StandardNormal.density(0), TIGHT); // norm.pdf(0)
    assertEquals(0.24197072451914337, StandardNormal.density(1), TIGHT); // norm.pdf(1)
    assertEquals(StandardNormal.density(1.3), StandardNormal.density(-1.3), 0);
    assertEquals(0.05, StandardNormal.twoSidedPValue(StandardNormal.Z95), TIGHT);
    assertEquals(0.05, StandardNormal.twoSidedPValue(-StandardNormal.Z95), TIGHT);
    double p8 = 1.2441921148543639e-15; // 2 * norm.sf(8) = erfc(8/√2)
    assertEquals(p8, StandardNormal.twoSidedPValue(8), p8 * TAIL_RELATIVE);
  }

  @Test
  void probabilitiesOutsideTheUnitIntervalAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(-0.1));
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(1.5));
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(Double.NaN));
  }
}
