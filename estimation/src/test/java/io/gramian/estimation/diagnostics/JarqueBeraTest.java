package io.gramian.estimation.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** Jarque–Bera on series whose moments are known in closed form. */
class JarqueBeraTest {

  /** Closed-form values; only the last bits of the arithmetic differ. */
  private static final double EXACT = 1e-14;

  /** commons-math's 1 − CDF against our direct upper tail: the subtraction's ~1e-16. */
  private static final double P_VALUE = 1e-13;

  @Test
  void bernoulliQuarterByHand() {
    // {0, 0, 0, 1}: a Bernoulli(1/4) sample, S = (1 − 2p)/√(p(1 − p)) = 2/√3,
    // K = (1 − 6p(1 − p))/(p(1 − p)) + 3 = 7/3, JB = 4/6·(4/3 + (2/3)²/4) = 26/27.
    JarqueBera.Result r = JarqueBera.test(new double[] {0, 0, 0, 1});
    assertEquals(2 / Math.sqrt(3), r.skewness(), EXACT);
    assertEquals(7.0 / 3, r.kurtosis(), EXACT);
    assertEquals(26.0 / 27, r.statistic(), EXACT);
    assertEquals(Math.exp(-13.0 / 27), r.pValue(), EXACT, "χ²₂ upper tail is exp(−x/2)");
    assertEquals(4, r.nobs());
  }

  @Test
  void symmetricPairHasZeroSkewAndKurtosisOne() {
    // {−1, 1}: m₂ = 1, m₃ = 0, m₄ = 1, so S = 0, K = 1 and JB = 2/6·(0 + 4/4) = 1/3.
    JarqueBera.Result r = JarqueBera.test(new double[] {-1, 1});
    assertEquals(0, r.skewness(), EXACT);
    assertEquals(1, r.kurtosis(), EXACT);
    assertEquals(1.0 / 3, r.statistic(), EXACT);
  }

  @Test
  void missingValuesAreDroppedAndBurnInSkipped() {
    double nan = Double.NaN;
    JarqueBera.Result r = JarqueBera.afterBurnIn(new double[] {99, nan, 0, 0, nan, 0, 1}, 1);
    assertEquals(26.0 / 27, r.statistic(), EXACT);
    assertEquals(4, r.nobs());
  }

  @Test
  void pValueIsChiSquaredTwoUpperTail() {
    double[] x = {0.3, -1.2, 0.8, 2.1, -0.4, -0.9, 1.5, 0.2, -1.7, 0.6, 4.1, -0.3};
    JarqueBera.Result r = JarqueBera.test(x);
    double expected = 1 - new ChiSquaredDistribution(2).cumulativeProbability(r.statistic());
    assertEquals(expected, r.pValue(), P_VALUE);
  }

  @Test
  void undefinedCasesAreErrorsNotNaN() {
    assertThrows(IllegalArgumentException.class, () -> JarqueBera.test(new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> JarqueBera.test(new double[] {1, Double.NaN, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> JarqueBera.test(new double[] {3, 3, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> JarqueBera.test(new double[] {1, Double.NEGATIVE_INFINITY, 2}));
  }
}
