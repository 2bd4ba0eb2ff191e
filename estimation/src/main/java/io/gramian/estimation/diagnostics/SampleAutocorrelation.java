package io.gramian.estimation.diagnostics;

/**
 * ρ̂<sub>k</sub> = ĉ<sub>k</sub> / ĉ<sub>0</sub> with ĉ<sub>k</sub> = (1/n) Σ<sub>t=k+1..n</sub>
 * (x<sub>t</sub> − x̄)(x<sub>t−k</sub> − x̄): the sample autocorrelation with the mean removed and
 * every lag divided by n (not n − k), as statsmodels' {@code acf(x, adjusted=False, fft=False)}.
 */
public final class SampleAutocorrelation {

  private SampleAutocorrelation() {}

  /**
   * Z95/√n ≈ 1.96/√n: the half-width of the band within which the sample autocorrelations of n
   * values of white noise fall with about 95% probability (the correlogram's band).
   */
  public static double whiteNoiseBound(int n) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "an autocorrelation band needs at least 1 value, got " + n);
    }
    return StandardNormal.Z95 / Math.sqrt(n);
  }

  /**
   * ρ̂<sub>0</sub>, …, ρ̂<sub>maxLag</sub> of a complete series (no NaN).
   *
   * @throws IllegalArgumentException when maxLag is outside 0..n − 1, a value is not finite, or the
   *     series is constant (ĉ<sub>0</sub> = 0)
   */
  public static double[] of(double[] x, int maxLag) {
    int n = x.length;
    if (maxLag < 0 || maxLag > n - 1) {
      throw new IllegalArgumentException(
          "autocorrelation lag " + maxLag + " is outside 0.." + (n - 1) + " for " + n + " values");
    }
    for (int t = 0; t < n; t++) {
      if (!Double.isFinite(x[t])) {
        throw new IllegalArgumentException("autocorrelation: value " + t + " is not finite");
      }
    }
    double mean = ResidualSeries.mean(x);
    double[] d = new double[n];
    for (int t = 0; t < n; t++) {
      d[t] = x[t] - mean;
    }
    double c0 = 0;
    for (double v : d) {
      c0 += v * v;
    }
    if (!(c0 > 0)) {
      throw new IllegalArgumentException(
          "autocorrelation is undefined: the " + n + " values are all equal");
    }
    double[] rho = new double[maxLag + 1];
    rho[0] = 1;
    for (int k = 1; k <= maxLag; k++) {
      double ck = 0;
      for (int t = k; t < n; t++) {
        ck += d[t] * d[t - k];
      }
      rho[k] = ck / c0;
    }
    return rho;
  }
}
