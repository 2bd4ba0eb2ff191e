package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Histogram bins as numpy's {@code histogram(x, bins='auto', density=True)} makes them. */
class HistogramTest {

  /** Edges and densities are a few arithmetic operations on the data: rounding only. */
  private static final double ROUNDING = 1e-15;

  @Test
  void binWidthIsTheSmallerOfFreedmanDiaconisAndSturges() {
    // 1 … 8: Sturges 7 / (log2 8 + 1) = 1.75, Freedman–Diaconis 2 · 3.5 / 2 = 3.5.
    assertEquals(1.75, Histogram.binWidth(new double[] {1, 2, 3, 4, 5, 6, 7, 8}), ROUNDING);
    // No spread between the quartiles: Sturges alone.
    double sturges = 2 / (Math.log(5) / Math.log(2) + 1);
    assertEquals(sturges, Histogram.binWidth(new double[] {0, 1, 1, 1, 2}), ROUNDING);
  }

  @Test
  void binsSpanTheDataAndCountEveryValue() {
    // numpy: histogram([1, 2, 3, 4, 5, 6, 7, 8], bins='auto') has 4 bins of width 1.75 from 1.
    Histogram h = Histogram.of(new double[] {8, 1, 2, 3, 4, 5, 6, 7});
    assertEquals(4, h.bins());
    assertEquals(1, h.lo(), 0);
    assertEquals(1.75, h.width(), ROUNDING);
    assertArrayEquals(new int[] {2, 2, 2, 2}, h.counts());
    assertEquals(2 / (8 * 1.75), h.density(0), ROUNDING);
    assertEquals(8, h.left(4), ROUNDING);
  }

  @Test
  void densitiesIntegrateToOne() {
    SplittableRandom random = new SplittableRandom(20261204L);
    double[] x = new double[500];
    Arrays.setAll(x, i -> random.nextDouble() * random.nextDouble() * 7 - 2);
    Histogram h = Histogram.of(x);
    double area = 0;
    int total = 0;
    for (int b = 0; b < h.bins(); b++) {
      area += h.density(b) * h.width();
      total += h.count(b);
    }
    assertEquals(500, total);
    assertEquals(1, area, 1e-12);
  }

  @Test
  void constantDataGetOneBinAroundTheValue() {
    Histogram h = Histogram.of(new double[] {3, 3, 3});
    assertEquals(1, h.bins());
    assertEquals(2.75, h.lo(), 0);
    assertEquals(0.5, h.width(), 0);
    assertEquals(3, h.count(0));
  }

  @Test
  void emptyOrNonFiniteDataAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1, Double.NaN}));
  }
}
