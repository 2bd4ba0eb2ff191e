package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

/** The break-in-variance statistic H(h) on hand-made series. */
class HeteroskedasticityTest {

  /** Exact rationals; only the last bits of the arithmetic differ. */
  private static final double EXACT = 1e-14;

  /**
   * commons-math's F CDF and ours evaluate the same regularized incomplete beta (to its 1e-14
   * default accuracy), ours without the 1 − CDF subtraction for the upper tail.
   */
  private static final double P_VALUE = 1e-12;

  @Test
  void ratioOfLastAndFirstThirdByHand() {
    // n = 9, h = round(9/3) = 3: first {1, −1, 2} → 6, last {2, −2, 3} → 17.
    Heteroskedasticity.Result r =
        Heteroskedasticity.test(new double[] {1, -1, 2, 0, 5, 0, 2, -2, 3});
    assertEquals(3, r.subsetLength());
    assertEquals(17.0 / 6, r.statistic(), EXACT);
    assertEquals(3, r.numeratorDf());
    assertEquals(3, r.denominatorDf());
  }

  @Test
  void missingValuesKeepTheirPeriodsAndReduceTheDegreesOfFreedom() {
    // h = 3 periods; first block {1, NaN, 2} → 5 over 2 values, last {2, NaN, 3} → 13 over 2.
    // F(2, 2) has CDF x/(1 + x): P(F ≤ 13/5) = 13/18, so the two-sided p-value is 2·5/18.
    double nan = Double.NaN;
    Heteroskedasticity.Result r =
        Heteroskedasticity.test(new double[] {1, nan, 2, -1, 0, 0, 2, nan, 3});
    assertEquals(3, r.subsetLength(), "missing periods count in n");
    assertEquals(13.0 / 5, r.statistic(), EXACT);
    assertEquals(2, r.numeratorDf());
    assertEquals(2, r.denominatorDf());
    assertEquals(5.0 / 9, r.pValue(), EXACT);
  }

  @Test
  void subsetLengthIsRoundedThird() {
    assertEquals(3, Heteroskedasticity.test(series(10)).subsetLength(), "10/3 = 3.33");
    assertEquals(4, Heteroskedasticity.test(series(11)).subsetLength(), "11/3 = 3.67");
    assertEquals(33, Heteroskedasticity.test(series(99)).subsetLength());
    assertEquals(33, Heteroskedasticity.test(series(100)).subsetLength(), "100/3 = 33.3");
    assertEquals(34, Heteroskedasticity.test(series(101)).subsetLength(), "101/3 = 33.7");
  }

  @Test
  void pValueIsTwoSidedF() {
    double[] x = series(30);
    for (int h = 2; h <= 15; h++) {
      Heteroskedasticity.Result r = Heteroskedasticity.test(x, h);
      FDistribution f = new FDistribution(r.numeratorDf(), r.denominatorDf());
      double cdf = f.cumulativeProbability(r.statistic());
      assertEquals(2 * Math.min(cdf, 1 - cdf), r.pValue(), P_VALUE, "h = " + h);
    }
  }

  @Test
  void afterBurnInCountsPeriodsAfterTheBurnIn() {
    double[] withBurnIn = {50, -40, 1, -1, 2, 0, 5, 0, 2, -2, 3};
    Heteroskedasticity.Result r = Heteroskedasticity.afterBurnIn(withBurnIn, 2);
    assertEquals(3, r.subsetLength());
    assertEquals(17.0 / 6, r.statistic(), EXACT);
  }

  @Test
  void undefinedCasesAreErrorsNotNaN() {
    double nan = Double.NaN;
    assertThrows(
        IllegalArgumentException.class,
        () -> Heteroskedasticity.test(new double[] {1, nan, nan, 0, 0, 0, 2, 1, 3}),
        "one value in the first block");
    assertThrows(
        IllegalArgumentException.class,
        () -> Heteroskedasticity.test(new double[] {0, 0, 0, 1, 1, 1, 2, 1, 3}),
        "first block all zero");
    assertThrows(IllegalArgumentException.class, () -> Heteroskedasticity.test(series(4)));
    assertThrows(IllegalArgumentException.class, () -> Heteroskedasticity.test(series(9), 5));
    assertThrows(IllegalArgumentException.class, () -> Heteroskedasticity.test(series(9), 0));
  }

  /** A deterministic series with no zero values: sin(t + 1) + 1.5. */
  private static double[] series(int n) {
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = Math.sin(t + 1) + 1.5;
    }
    return x;
  }
}
