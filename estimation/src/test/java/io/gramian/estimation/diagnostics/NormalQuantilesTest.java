package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Q–Q points with statsmodels' {@code ProbPlot} positions i/(n + 1). */
class NormalQuantilesTest {

  /** Φ⁻¹ of commons-math3 against Python's {@code statistics.NormalDist}: a few ulps. */
  private static final double TIGHT = 1e-15;

  @Test
  void sortsTheSampleAndPairsItWithNormalQuantiles() {
    NormalQuantiles qq = NormalQuantiles.of(new double[] {0.3, -2, 1});
    assertEquals(3, qq.size());
    assertArrayEquals(new double[] {-2, 0.3, 1}, qq.sample(), 0);
    double[] q = qq.theoretical();
    assertEquals(-0.6744897501960817, q[0], TIGHT); // NormalDist().inv_cdf(0.25)
    assertEquals(0, q[1], 0);
    assertEquals(0.6744897501960817, q[2], TIGHT);
  }

  @Test
  void emptyOrNonFiniteDataAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> NormalQuantiles.of(new double[0]));
    assertThrows(
        IllegalArgumentException.class, () -> NormalQuantiles.of(new double[] {Double.NaN}));
  }
}
