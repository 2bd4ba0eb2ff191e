package io.gramian.estimation.diagnostics;

/**
 * The Gaussian kernel density estimate f̂(u) = (1/(n h)) Σ<sub>i</sub> φ((u − x<sub>i</sub>)/h)
 * with Scott's bandwidth h = σ̂ n<sup>−1/5</sup> (σ̂ the sample standard deviation, divisor n − 1):
 * scipy's {@code gaussian_kde} default, as statsmodels' {@code plot_diagnostics} draws it.
 */
public final class KernelDensity {

  private final double[] x;

  private final double bandwidth;

  private KernelDensity(double[] x, double bandwidth) {
    this.x = x;
    this.bandwidth = bandwidth;
  }

  /**
   * The estimate from complete data with Scott's bandwidth.
   *
   * @throws IllegalArgumentException with fewer than 2 values, a value that is not finite, or
   *     constant data (the bandwidth would be 0)
   */
  public static KernelDensity scott(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("kernel density: value " + i + " is not finite");
      }
    }
    double h = scottBandwidth(x);
    if (!(h > 0)) {
      throw new IllegalArgumentException(
          "a kernel density needs at least 2 values that are not all equal, got " + x.length);
    }
    return new KernelDensity(x.clone(), h);
  }

  /** Scott's rule, σ̂ n<sup>−1/5</sup>; 0 for constant data or fewer than 2 values. */
  public static double scottBandwidth(double[] x) {
    int n = x.length;
    if (n < 2) {
      return 0;
    }
    double mean = ResidualSeries.mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd * Math.pow(n, -0.2);
  }

  /** The bandwidth h. */
  public double bandwidth() {
    return bandwidth;
  }

  /** f̂(u). */
  public double density(double u) {
    double s = 0;
    for (double v : x) {
      s += StandardNormal.density((u - v) / bandwidth);
    }
    return s / (x.length * bandwidth);
  }
}
