package io.gramian.estimation.diagnostics;

import static io.gramian.estimation.diagnostics.ReferenceResiduals.NILE_BURN_IN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Nile local level at Durbin &amp; Koopman's parameters (σ²ε = 15099, σ²η = 1469.1): the
 * standardized residuals v/√F of 1872–1970 from statsmodels 0.13.5's exact-diffuse filter ({@code
 * nile_filtered_dk_params.csv}; 1871, the diffuse observation, is excluded), checked against the
 * published diagnostics of Durbin &amp; Koopman (2012) p. 40 and against statsmodels 0.13.5's own
 * tests on the same model ({@code statsmodels_diagnostics_output.txt}, made by {@code
 * statsmodels_diagnostics.py}; see the README beside them).
 */
class NileDiagnosticsTest {

  /**
   * Durbin &amp; Koopman print their diagnostics rounded to two decimals, so a correct value is
   * within half a unit of the last printed digit of theirs.
   */
  private static final double PRINTED_ROUNDING = 0.005;

  /**
   * statsmodels computes from the same filter output (the CSV holds its v and F to 17 significant
   * digits): only summation order and the √ differ, ≈ 1e-14 relative.
   */
  private static final double STATSMODELS_RELATIVE = 1e-10;

  /** The standardized residuals are one division away from the CSV's values: a few ulps. */
  private static final double RESIDUAL_RELATIVE = 1e-14;

  private final double[] residuals = ReferenceResiduals.nileStandardized();

  @Test
  void residualsAreThoseOf1872To1970() {
    int[] years = ReferenceResiduals.nileYears();
    assertEquals(100, residuals.length);
    assertEquals(1871, years[0]);
    assertTrue(Double.isNaN(residuals[0]), "1871 is the diffuse observation");
    assertEquals(99, Arrays.stream(residuals).filter(Double::isFinite).count());
    // statsmodels' standardized_forecasts_error[1:4] (statsmodels_diagnostics_output.txt).
    double[] statsmodels = {0.22477905682290023, -1.1374861635607108, 0.9177495509445011};
    for (int t = 0; t < statsmodels.length; t++) {
      assertRelative(statsmodels[t], residuals[t + 1], RESIDUAL_RELATIVE, "residual " + (1872 + t));
    }
  }

  @Test
  void matchesDurbinKoopmanPublishedDiagnostics() {
    // Durbin & Koopman (2012) §2.12, p. 40: Q(9) = 8.84, H(33) = 0.61, S = −0.03, K = 3.09.
    LjungBox.Result q = LjungBox.afterBurnIn(residuals, NILE_BURN_IN, 9);
    assertEquals(9, q.lags());
    assertEquals(99, q.nobs());
    assertEquals(8.84, q.statistic(), PRINTED_ROUNDING, "Q(9)");

    Heteroskedasticity.Result h = Heteroskedasticity.afterBurnIn(residuals, NILE_BURN_IN);
    assertEquals(33, h.subsetLength(), "h = round(99/3), the h Durbin & Koopman use");
    assertEquals(0.61, h.statistic(), PRINTED_ROUNDING, "H(33)");

    JarqueBera.Result jb = JarqueBera.afterBurnIn(residuals, NILE_BURN_IN);
    assertEquals(-0.03, jb.skewness(), PRINTED_ROUNDING, "skewness");
    assertEquals(3.09, jb.kurtosis(), PRINTED_ROUNDING, "kurtosis");
  }

  @Test
  void ljungBoxMatchesStatsmodelsTestSerialCorrelation() {
    // nile.ljungbox_default: test_serial_correlation('ljungbox'), lags 1..10.
    double[] q = {
      1.3515166011246675, 1.3619444973158163, 1.6762286798562707, 3.9578097912835366,
      4.897873981306352, 5.1576665506944375, 6.008201065325971, 7.221398949524691,
      8.84332302953159, 13.195318038612939
    };
    double[] p = {
      0.24501315747379288, 0.5061246740413846, 0.6422315712147557, 0.411745784762623,
      0.42847062514526957, 0.523756250665055, 0.538792079123648, 0.5129448366620311,
      0.4518609028464674, 0.21295550406811573
    };
    double[] tail = Arrays.copyOfRange(residuals, NILE_BURN_IN, residuals.length);
    double[] ours = LjungBox.statistics(tail, 10);
    for (int k = 1; k <= 10; k++) {
      assertRelative(q[k - 1], ours[k - 1], STATSMODELS_RELATIVE, "Q(" + k + ")");
      LjungBox.Result r = LjungBox.test(tail, k);
      assertRelative(q[k - 1], r.statistic(), STATSMODELS_RELATIVE, "Q(" + k + ")");
      assertRelative(p[k - 1], r.pValue(), STATSMODELS_RELATIVE, "p(" + k + ")");
    }
    LjungBox.Result byDefault = LjungBox.afterBurnIn(residuals, NILE_BURN_IN);
    assertEquals(10, byDefault.lags(), "min(10, 99 // 5)");
    assertRelative(q[9], byDefault.statistic(), STATSMODELS_RELATIVE, "default Q");
    assertRelative(p[9], byDefault.pValue(), STATSMODELS_RELATIVE, "default p");
  }

  @Test
  void heteroskedasticityAndJarqueBeraMatchStatsmodels() {
    // nile.heteroskedasticity = [H, two-sided p]; nile.jarquebera = [JB, p, skew, kurtosis].
    Heteroskedasticity.Result h = Heteroskedasticity.afterBurnIn(residuals, NILE_BURN_IN);
    assertRelative(0.6129587104021949, h.statistic(), STATSMODELS_RELATIVE, "H");
    assertRelative(0.16500524870695193, h.pValue(), STATSMODELS_RELATIVE, "p(H)");
    assertEquals(33, h.numeratorDf());
    assertEquals(33, h.denominatorDf());

    JarqueBera.Result jb = JarqueBera.afterBurnIn(residuals, NILE_BURN_IN);
    assertEquals(99, jb.nobs());
    assertRelative(0.04686964517611179, jb.statistic(), STATSMODELS_RELATIVE, "JB");
    assertRelative(0.9768376403433265, jb.pValue(), STATSMODELS_RELATIVE, "p(JB)");
    assertRelative(-0.030551926160613106, jb.skewness(), STATSMODELS_RELATIVE, "skew");
    assertRelative(3.0873421860043457, jb.kurtosis(), STATSMODELS_RELATIVE, "kurtosis");
  }

  @Test
  void missingObservationsFollowStatsmodels() {
    // The `missing.*` case: 1876, 1877, 1891, 1921, 1951, 1966 missing.
    double[] missing = ReferenceResiduals.nileMissingStandardized();
    assertEquals(7, Arrays.stream(missing).filter(Double::isNaN).count());

    // test_heteroskedasticity: blocks are the first and last 33 periods after 1871; the
    // first (1872–1904) lacks 1876, 1877, 1891; the last (1938–1970) lacks 1951, 1966.
    Heteroskedasticity.Result h = Heteroskedasticity.afterBurnIn(missing, NILE_BURN_IN);
    assertEquals(33, h.subsetLength());
    assertEquals(31, h.numeratorDf());
    assertEquals(30, h.denominatorDf());
    assertRelative(0.67115155337185, h.statistic(), STATSMODELS_RELATIVE, "H");
    assertRelative(0.27501593630640714, h.pValue(), STATSMODELS_RELATIVE, "p(H)");

    JarqueBera.Result jb = JarqueBera.afterBurnIn(missing, NILE_BURN_IN);
    assertEquals(93, jb.nobs());
    assertRelative(0.02758517479344726, jb.statistic(), STATSMODELS_RELATIVE, "JB");
    assertRelative(0.9863020945340207, jb.pValue(), STATSMODELS_RELATIVE, "p(JB)");
    assertRelative(-0.010372129319411704, jb.skewness(), STATSMODELS_RELATIVE, "skew");
    assertRelative(3.0817828253298414, jb.kurtosis(), STATSMODELS_RELATIVE, "kurtosis");

    // acorr_ljungbox on the residuals with NaN dropped (statsmodels' own
    // test_serial_correlation is NaN here).
    double[] q = {
      2.543380462906966, 2.968588688282696, 3.499989648319516, 9.27174791820439,
      10.538194269911637, 10.726066414731624, 11.012672845587296, 11.37132989052054,
      15.628320266397294, 16.53202199667184
    };
    double[] tail = Arrays.copyOfRange(missing, NILE_BURN_IN, missing.length);
    double[] ours = LjungBox.statistics(tail, 10);
    for (int k = 0; k < q.length; k++) {
      assertRelative(q[k], ours[k], STATSMODELS_RELATIVE, "Q(" + (k + 1) + ")");
    }
    LjungBox.Result byDefault = LjungBox.afterBurnIn(missing, NILE_BURN_IN);
    assertEquals(10, byDefault.lags(), "min(10, 99 // 5): missing periods count");
    assertEquals(93, byDefault.nobs());
    assertRelative(0.08538202476401147, byDefault.pValue(), STATSMODELS_RELATIVE, "p(10)");
    LjungBox.Result adjusted = LjungBox.test(tail, 10, 2);
    assertEquals(8, adjusted.degreesOfFreedom());
    assertRelative(0.0353682412930498, adjusted.pValue(), STATSMODELS_RELATIVE, "p(10), df 2");
  }

  @Test
  void bundleComputesTheSummaryDiagnostics() {
    ResidualDiagnostics d = ResidualDiagnostics.of(residuals, NILE_BURN_IN);
    assertEquals(1, d.ljungBox().lags(), "statsmodels' summary reports Ljung-Box (L1)");
    assertRelative(1.3515166011246675, d.ljungBox().statistic(), STATSMODELS_RELATIVE, "Q(1)");
    assertRelative(
        0.6129587104021949, d.heteroskedasticity().statistic(), STATSMODELS_RELATIVE, "H");
    assertRelative(3.0873421860043457, d.jarqueBera().kurtosis(), STATSMODELS_RELATIVE, "K");
    ResidualDiagnostics nine = ResidualDiagnostics.of(residuals, NILE_BURN_IN, 9);
    assertRelative(8.84332302953159, nine.ljungBox().statistic(), STATSMODELS_RELATIVE, "Q(9)");
    assertArrayEquals(
        new double[] {d.heteroskedasticity().statistic(), d.jarqueBera().statistic()},
        new double[] {nine.heteroskedasticity().statistic(), nine.jarqueBera().statistic()});
  }

  static void assertRelative(double expected, double actual, double tolerance, String what) {
    assertEquals(expected, actual, tolerance * Math.abs(expected), what);
  }
}
