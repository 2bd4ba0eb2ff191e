package io.gramian.estimation.diagnostics;

import org.apache.commons.math3.special.Gamma;

/**
 * Q(h) = n(n + 2) Σ<sub>k=1..h</sub> ρ̂<sub>k</sub>² / (n − k), the Ljung–Box portmanteau
 * statistic, with p-value P(χ²<sub>h − df</sub> &gt; Q).
 *
 * <p>ρ̂<sub>k</sub> is {@link SampleAutocorrelation} (mean removed, divided by n) and n is the
 * number of non-missing residuals: missing values (NaN) are dropped first and the remaining values
 * are treated as one consecutive series. This is statsmodels 0.13.5's {@code
 * acorr_ljungbox(x[~isnan(x)], lags, model_df=df)}. On a series without missing values it is
 * exactly {@code MLEResults.test_serial_correlation}; with missing values statsmodels' own answer
 * is NaN (its {@code acf} does not skip them), which this project does not return.
 *
 * <p>{@link #afterBurnIn(double[], int)} is {@code test_serial_correlation('ljungbox')} with its
 * defaults: the first d residuals are skipped and the number of lags is {@link #defaultLags(int)
 * min(10, ⌊(T − d)/5⌋)}, where T − d counts the periods after the burn-in, missing ones included
 * (as statsmodels counts {@code nobs - d}); df = 0 ({@code df_adjust=False}).
 */
public final class LjungBox {

  /**
   * One Ljung–Box test.
   *
   * @param statistic Q(lags)
   * @param pValue P(χ²<sub>degreesOfFreedom</sub> &gt; Q)
   * @param lags h, the largest lag included
   * @param degreesOfFreedom h − df, df being the degrees of freedom consumed by the model
   * @param nobs n, the number of non-missing residuals used
   */
  public record Result(double statistic, double pValue, int lags, int degreesOfFreedom, int nobs) {}

  private LjungBox() {}

  /** Q(lags) with its χ²(lags) p-value (df = 0); NaN entries dropped first. */
  public static Result test(double[] residuals, int lags) {
    return test(residuals, lags, 0);
  }

  /**
   * Q(lags) with its χ²(lags − modelDf) p-value; NaN entries dropped first.
   *
   * @throws IllegalArgumentException unless 1 ≤ lags ≤ n − 1 and 0 ≤ modelDf &lt; lags, or when the
   *     residuals are constant or not finite
   */
  public static Result test(double[] residuals, int lags, int modelDf) {
    if (modelDf < 0 || modelDf >= lags) {
      throw new IllegalArgumentException(
          "Ljung-Box: model degrees of freedom "
              + modelDf
              + " must be in 0.."
              + (lags - 1)
              + " for "
              + lags
              + " lags (the test has lags - df degrees of freedom)");
    }
    double[] x = ResidualSeries.observed(residuals, "Ljung-Box");
    double[] q = cumulative(x, lags);
    double statistic = q[lags - 1];
    int dof = lags - modelDf;
    return new Result(statistic, chiSquaredSurvival(statistic, dof), lags, dof, x.length);
  }

  /**
   * Q(1), …, Q(maxLag) (index k − 1 holds Q(k)), NaN entries dropped first: the {@code lb_stat}
   * column of {@code acorr_ljungbox(x, lags=maxLag)}.
   */
  public static double[] statistics(double[] residuals, int maxLag) {
    return cumulative(ResidualSeries.observed(residuals, "Ljung-Box"), maxLag);
  }

  /**
   * statsmodels' {@code test_serial_correlation('ljungbox')} with default lags: the residuals from
   * index {@code burnIn} on, lags = {@link #defaultLags(int)} of their count (missing included), df
   * = 0.
   */
  public static Result afterBurnIn(double[] standardizedResiduals, int burnIn) {
    double[] tail = ResidualSeries.afterBurnIn(standardizedResiduals, burnIn);
    return test(tail, defaultLags(tail.length), 0);
  }

  /** The residuals from index {@code burnIn} on, Q(lags) with df = 0. */
  public static Result afterBurnIn(double[] standardizedResiduals, int burnIn, int lags) {
    return test(ResidualSeries.afterBurnIn(standardizedResiduals, burnIn), lags, 0);
  }

  /**
   * min(10, ⌊n/5⌋): statsmodels' default number of lags for a non-seasonal model.
   *
   * @throws IllegalArgumentException when that is below 1 (fewer than 5 periods)
   */
  public static int defaultLags(int nobsEffective) {
    return checkedLags(Math.min(10, nobsEffective / 5), nobsEffective);
  }

  /**
   * min(2s, ⌊n/5⌋) for a model with seasonal period s ≥ 1 (statsmodels' rule when the model has
   * {@code seasonal_periods}); {@link #defaultLags(int)} when s = 0.
   */
  public static int defaultLags(int nobsEffective, int seasonalPeriod) {
    if (seasonalPeriod < 0) {
      throw new IllegalArgumentException("seasonal period " + seasonalPeriod + " is negative");
    }
    if (seasonalPeriod == 0) {
      return defaultLags(nobsEffective);
    }
    return checkedLags(Math.min(2 * seasonalPeriod, nobsEffective / 5), nobsEffective);
  }

  private static int checkedLags(int lags, int nobsEffective) {
    if (lags < 1) {
      throw new IllegalArgumentException(
          "Ljung-Box: " + nobsEffective + " periods are too few for the default lags (need 5)");
    }
    return lags;
  }

  private static double[] cumulative(double[] x, int maxLag) {
    int n = x.length;
    if (maxLag < 1 || maxLag > n - 1) {
      throw new IllegalArgumentException(
          "Ljung-Box: lags "
              + maxLag
              + " must be in 1.."
              + (n - 1)
              + " for "
              + n
              + " non-missing residuals");
    }
    double[] rho = SampleAutocorrelation.of(x, maxLag);
    double[] q = new double[maxLag];
    double sum = 0;
    for (int k = 1; k <= maxLag; k++) {
      sum += rho[k] * rho[k] / (n - k);
      q[k - 1] = (double) n * (n + 2) * sum;
    }
    return q;
  }

  /** P(χ²<sub>dof</sub> &gt; q) = Q(dof/2, q/2), the regularized upper incomplete gamma. */
  static double chiSquaredSurvival(double q, int dof) {
    return Gamma.regularizedGammaQ(dof / 2.0, q / 2.0);
  }
}
