package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** Ljung–Box Q and the sample autocorrelation on series small enough to do by hand. */
class LjungBoxTest {

  /** Hand-computed values are exact rationals; only the last bits of the arithmetic differ. */
  private static final double EXACT = 1e-14;

  /**
   * Our p-value uses the regularized gamma function directly; commons-math's distribution computes
   * 1 − P(a, x) from the same series, losing at most ~1e-15 to the subtraction.
   */
  private static final double P_VALUE = 1e-13;

  /** x = 1..5: x̄ = 3, deviations −2..2, ĉ₀ = 10/5, ĉ₁ = 4/5, ĉ₂ = −1/5. */
  private static final double[] ONE_TO_FIVE = {1, 2, 3, 4, 5};

  @Test
  void autocorrelationByHand() {
    assertArrayEquals(
        new double[] {1, 0.4, -0.1, -0.4, -0.4}, SampleAutocorrelation.of(ONE_TO_FIVE, 4), EXACT);
  }

  @Test
  void statisticByHand() {
    // Q(1) = 5·7·(0.4²/4) = 1.4; Q(2) = 35·(0.04 + 0.01/3) = 4.55/3.
    assertArrayEquals(new double[] {1.4, 4.55 / 3}, LjungBox.statistics(ONE_TO_FIVE, 2), EXACT);
    LjungBox.Result r = LjungBox.test(ONE_TO_FIVE, 2);
    assertEquals(4.55 / 3, r.statistic(), EXACT);
    assertEquals(2, r.lags());
    assertEquals(2, r.degreesOfFreedom());
    assertEquals(5, r.nobs());
  }

  @Test
  void missingValuesAreDroppedFirst() {
    double nan = Double.NaN;
    double[] gappy = {nan, 1, 2, nan, 3, 4, nan, nan, 5};
    assertArrayEquals(LjungBox.statistics(ONE_TO_FIVE, 3), LjungBox.statistics(gappy, 3));
    assertEquals(5, LjungBox.test(gappy, 1).nobs());
  }

  @Test
  void pValueIsChiSquaredUpperTailWithLagsLessModelDf() {
    double[] x = {0.3, -1.2, 0.8, 2.1, -0.4, -0.9, 1.5, 0.2, -1.7, 0.6, 1.1, -0.3};
    for (int lags = 1; lags <= 6; lags++) {
      for (int df = 0; df < lags; df++) {
        LjungBox.Result r = LjungBox.test(x, lags, df);
        double expected =
            1 - new ChiSquaredDistribution(lags - df).cumulativeProbability(r.statistic());
        assertEquals(expected, r.pValue(), P_VALUE, "lags " + lags + ", df " + df);
        assertEquals(lags - df, r.degreesOfFreedom());
      }
    }
  }

  @Test
  void defaultLagsFollowStatsmodels() {
    assertEquals(10, LjungBox.defaultLags(99));
    assertEquals(10, LjungBox.defaultLags(50));
    assertEquals(9, LjungBox.defaultLags(49));
    assertEquals(1, LjungBox.defaultLags(5));
    assertEquals(24, LjungBox.defaultLags(191, 12), "min(2·12, 191 // 5)");
    assertEquals(8, LjungBox.defaultLags(40, 12), "min(24, 40 // 5)");
    assertEquals(10, LjungBox.defaultLags(99, 0));
    assertThrows(IllegalArgumentException.class, () -> LjungBox.defaultLags(4));
  }

  @Test
  void afterBurnInSkipsLeadingEntriesWhateverTheyHold() {
    double[] withBurnIn = {1e6, -3, 1, 2, 3, 4, 5};
    assertEquals(
        LjungBox.test(ONE_TO_FIVE, 2).statistic(),
        LjungBox.afterBurnIn(withBurnIn, 2, 2).statistic());
    // 5 periods after the burn-in: default lags min(10, 5 // 5) = 1.
    assertEquals(1, LjungBox.afterBurnIn(withBurnIn, 2).lags());
  }

  @Test
  void undefinedCasesAreErrorsNotNaN() {
    assertThrows(IllegalArgumentException.class, () -> LjungBox.test(ONE_TO_FIVE, 0));
    assertThrows(IllegalArgumentException.class, () -> LjungBox.test(ONE_TO_FIVE, 5));
    assertThrows(IllegalArgumentException.class, () -> LjungBox.test(ONE_TO_FIVE, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> LjungBox.test(ONE_TO_FIVE, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> LjungBox.test(new double[] {2, 2, 2}, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LjungBox.test(new double[] {1, Double.POSITIVE_INFINITY, 3}, 1));
    assertTrue(e.getMessage().contains("infinite"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LjungBox.afterBurnIn(ONE_TO_FIVE, 6, 1));
  }
}
