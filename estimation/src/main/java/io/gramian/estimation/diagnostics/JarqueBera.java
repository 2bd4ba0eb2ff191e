package io.gramian.estimation.diagnostics;

/**
 * JB = n/6 · (S² + (K − 3)²/4), with S = m₃/m₂<sup>3/2</sup> the skewness and K = m₄/m₂² the
 * kurtosis (not the excess), m<sub>j</sub> = (1/n) Σ (x<sub>t</sub> − x̄)<sup>j</sup> the biased
 * central moments; p-value P(χ²₂ &gt; JB) = exp(−JB/2).
 *
 * <p>NaN entries (missing values) are dropped first. This is statsmodels 0.13.5's {@code
 * stattools.jarque_bera} (scipy's biased {@code skew} and 3 + {@code kurtosis}) as {@code
 * MLEResults.test_normality('jarquebera')} applies it: {@link #afterBurnIn(double[], int)} skips
 * the first d residuals and drops the missing ones.
 */
public final class JarqueBera {

  /**
   * One Jarque–Bera test.
   *
   * @param statistic JB
   * @param pValue P(χ²₂ &gt; JB)
   * @param skewness S
   * @param kurtosis K (a normal sample has K ≈ 3)
   * @param nobs n, the number of non-missing residuals used
   */
  public record Result(
      double statistic, double pValue, double skewness, double kurtosis, int nobs) {}

  private JarqueBera() {}

  /**
   * JB of the non-missing residuals.
   *
   * @throws IllegalArgumentException with fewer than 2 non-missing values, an infinite value, or
   *     zero variance
   */
  public static Result test(double[] residuals) {
    double[] x = ResidualSeries.observed(residuals, "Jarque-Bera");
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          "Jarque-Bera needs at least 2 non-missing residuals, got " + n);
    }
    double mean = ResidualSeries.mean(x);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    if (!(m2 > 0)) {
      throw new IllegalArgumentException(
          "Jarque-Bera is undefined: the " + n + " residuals are all equal");
    }
    double skewness = m3 / Math.pow(m2, 1.5);
    double kurtosis = m4 / (m2 * m2);
    double excess = kurtosis - 3;
    double statistic = n / 6.0 * (skewness * skewness + excess * excess / 4);
    return new Result(statistic, LjungBox.chiSquaredSurvival(statistic, 2), skewness, kurtosis, n);
  }

  /** {@link #test(double[])} on the residuals from index {@code burnIn} on. */
  public static Result afterBurnIn(double[] standardizedResiduals, int burnIn) {
    return test(ResidualSeries.afterBurnIn(standardizedResiduals, burnIn));
  }
}
