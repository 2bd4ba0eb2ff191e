package io.gramian.estimation.diagnostics;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;

/**
 * H(h) = Σ<sub>t=n−h+1..n</sub> ṽ<sub>t</sub>² / Σ<sub>t=1..h</sub> ṽ<sub>t</sub>², the ratio of
 * the sums of squared residuals in the last and first h periods (Harvey 1989 §5.4, Durbin &amp;
 * Koopman 2012 §2.12), with h = round(n/3), and the two-sided p-value 2 min(P(F ≤ H), P(F ≥ H)) for
 * F ~ F(h₁, h₀).
 *
 * <p>This is statsmodels 0.13.5's {@code MLEResults.test_heteroskedasticity('breakvar')} with its
 * defaults ({@code alternative='two-sided'}, {@code use_f=True}). The rule for missing values is
 * statsmodels': the residual series ṽ<sub>1</sub>, …, ṽ<sub>n</sub> is the one after the burn-in, n
 * counts its periods <em>including</em> missing ones, the two blocks are the first h and the last h
 * <em>periods</em>, the sums skip the missing (NaN) entries, and the F degrees of freedom are the
 * numbers h₁ (last block) and h₀ (first block) of non-missing residuals in each block. Without
 * missing values h₁ = h₀ = h. round(n/3) never meets a tie (n/3 has fraction 0, ⅓ or ⅔), so numpy's
 * round-half-even needs no special care.
 */
public final class Heteroskedasticity {

  /**
   * One test for a break in variance.
   *
   * @param statistic H(h)
   * @param pValue the two-sided p-value 2 min(P(F ≤ H), P(F ≥ H))
   * @param subsetLength h, the length of each block in periods
   * @param numeratorDf h₁, non-missing residuals in the last block
   * @param denominatorDf h₀, non-missing residuals in the first block
   */
  public record Result(
      double statistic, double pValue, int subsetLength, int numeratorDf, int denominatorDf) {}

  private Heteroskedasticity() {}

  /**
   * H(round(n/3)) on a residual series (already past the burn-in; NaN = missing).
   *
   * @throws IllegalArgumentException when a block has fewer than 2 non-missing residuals, the first
   *     block's squares sum to 0, or a value is infinite
   */
  public static Result test(double[] residuals) {
    if (residuals == null) {
      throw new IllegalArgumentException("heteroskedasticity test: residuals must not be null");
    }
    return test(residuals, (int) Math.round(residuals.length / 3.0));
  }

  /**
   * H(h) with a given block length h, 1 ≤ h ≤ n/2 (the blocks may not overlap).
   *
   * @throws IllegalArgumentException as {@link #test(double[])}, or when h is out of range
   */
  public static Result test(double[] residuals, int subsetLength) {
    if (residuals == null) {
      throw new IllegalArgumentException("heteroskedasticity test: residuals must not be null");
    }
    int n = residuals.length;
    int h = subsetLength;
    if (h < 1 || 2 * h > n) {
      throw new IllegalArgumentException(
          "heteroskedasticity test: block length "
              + h
              + " must be in 1.."
              + n / 2
              + " for "
              + n
              + " periods");
    }
    double[] first = ResidualSeries.observed(slice(residuals, 0, h), "heteroskedasticity test");
    double[] last = ResidualSeries.observed(slice(residuals, n - h, n), "heteroskedasticity test");
    requireTwo(first.length, "first");
    requireTwo(last.length, "last");
    double denominator = sumOfSquares(first);
    if (!(denominator > 0)) {
      throw new IllegalArgumentException(
          "heteroskedasticity test is undefined: the first " + h + " residuals are all zero");
    }
    double statistic = sumOfSquares(last) / denominator;
    int d1 = last.length;
    int d0 = first.length;
    double lower = fCdf(statistic, d1, d0);
    double upper = fSurvival(statistic, d1, d0);
    return new Result(statistic, 2 * Math.min(lower, upper), h, d1, d0);
  }

  /**
   * statsmodels' {@code test_heteroskedasticity('breakvar')}: {@link #test(double[])} on the
   * residuals from index {@code burnIn} on.
   */
  public static Result afterBurnIn(double[] standardizedResiduals, int burnIn) {
    return test(ResidualSeries.afterBurnIn(standardizedResiduals, burnIn));
  }

  private static void requireTwo(int count, String block) {
    if (count < 2) {
      throw new IllegalArgumentException(
          "heteroskedasticity test: the "
              + block
              + " block has "
              + count
              + " non-missing residuals, fewer than 2");
    }
  }

  private static double[] slice(double[] x, int from, int to) {
    return Arrays.copyOfRange(x, from, to);
  }

  private static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** P(F ≤ x) for F ~ F(d1, d2): I<sub>d1·x/(d1·x + d2)</sub>(d1/2, d2/2). */
  static double fCdf(double x, int d1, int d2) {
    return Beta.regularizedBeta(d1 * x / (d1 * x + d2), d1 / 2.0, d2 / 2.0);
  }

  /** P(F ≥ x) for F ~ F(d1, d2): I<sub>d2/(d2 + d1·x)</sub>(d2/2, d1/2), no cancellation. */
  static double fSurvival(double x, int d1, int d2) {
    return Beta.regularizedBeta(d2 / (d2 + d1 * x), d2 / 2.0, d1 / 2.0);
  }
}
