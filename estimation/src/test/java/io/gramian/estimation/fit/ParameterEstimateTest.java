package io.gramian.estimation.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.diagnostics.StandardNormal;
import io.gramian.estimation.results.Interval;
import org.junit.jupiter.api.Test;

/**
 * z, p and the intervals of a parameter, against scipy's normal quantiles (scipy 1.10, {@code
 * norm.ppf}), and NaN where the standard error is undefined.
 */
class ParameterEstimateTest {

  /** scipy.stats.norm.ppf(0.9): the half-width of an 80% interval in standard errors. */
  private static final double Z80 = 1.2815515655446004;

  /** scipy.stats.norm.ppf(0.975). */
  private static final double Z95 = 1.959963984540054;

  /** The quantiles come from an inverse error function; a few units in the last place. */
  private static final double QUANTILE_TOLERANCE = 1e-15;

  @Test
  void zPAndIntervalsAreStatsmodels() {
    ParameterEstimate p = new ParameterEstimate("sigma2.level", 1469.1764, 846.4507, true);
    assertTrue(p.hasStandardError());
    assertEquals(1469.1764 / 846.4507, p.zValue(), 0);
    assertEquals(StandardNormal.twoSidedPValue(p.zValue()), p.pValue(), 0);
    assertEquals(Z80, Interval.quantile(80), QUANTILE_TOLERANCE);
    assertEquals(Z95, Interval.quantile(95), QUANTILE_TOLERANCE);
    assertEquals(StandardNormal.Z95, Interval.quantile(95), 0); // the summary's 95% column
    Interval ci = p.confidenceInterval(80);
    assertEquals(80, ci.level());
    assertEquals(1469.1764 - Z80 * 846.4507, ci.lower(), 1e-9);
    assertEquals(1469.1764 + Z80 * 846.4507, ci.upper(), 1e-9);
  }

  @Test
  void anUndefinedStandardErrorIsNaNAndSoIsAllThatDependsOnIt() {
    ParameterEstimate p = new ParameterEstimate("sigma2.level", 0, Double.NaN, false);
    assertFalse(p.hasStandardError());
    assertTrue(Double.isNaN(p.zValue()));
    assertTrue(Double.isNaN(p.pValue()));
    assertTrue(Double.isNaN(p.confidenceInterval(95).lower()));
    assertTrue(Double.isNaN(p.confidenceInterval(95).upper()));
  }
}
