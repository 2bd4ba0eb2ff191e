package io.gramian.estimation.results;

import io.gramian.estimation.diagnostics.StandardNormal;

/**
 * A series of Gaussian estimates, an immutable value: a mean and a standard deviation at each time.
 * NaN (in either) marks a time without an estimate, which tables and plots leave out.
 *
 * @param mean the means
 * @param sd the standard deviations (non-negative where present)
 */
public record Estimate(double[] mean, double[] sd) {

  /** The two-sided 95% normal quantile, {@link StandardNormal#Z95} (the plots' "± 1.96 sd"). */
  public static final double Z95 = StandardNormal.Z95;

  /** Copies the arrays and checks that their lengths agree and no sd is negative. */
  public Estimate {
    if (mean == null || sd == null) {
      throw new IllegalArgumentException("an estimate needs both means and standard deviations");
    }
    if (mean.length != sd.length) {
      throw new IllegalArgumentException(
          "an estimate has " + mean.length + " means but " + sd.length + " standard deviations");
    }
    for (int i = 0; i < sd.length; i++) {
      if (sd[i] < 0 || Double.isInfinite(sd[i]) || Double.isInfinite(mean[i])) {
        throw new IllegalArgumentException(
            "estimate " + i + " has mean " + mean[i] + " and standard deviation " + sd[i]);
      }
    }
    mean = mean.clone();
    sd = sd.clone();
  }

  /** An estimate with every time missing. */
  public static Estimate missing(int length) {
    double[] nan = new double[length];
    java.util.Arrays.fill(nan, Double.NaN);
    return new Estimate(nan, nan);
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] sd() {
    return sd.clone();
  }

  /** The number of times. */
  public int length() {
    return mean.length;
  }

  /** The mean at time i. */
  public double mean(int i) {
    return mean[i];
  }

  /** The standard deviation at time i. */
  public double sd(int i) {
    return sd[i];
  }

  /** Whether time i has an estimate (mean and sd both present). */
  public boolean isPresent(int i) {
    return !Double.isNaN(mean[i]) && !Double.isNaN(sd[i]);
  }

  /** The variance sd² at time i. */
  public double variance(int i) {
    return sd[i] * sd[i];
  }

  /** mean − z·sd at time i. */
  public double lower(int i, double z) {
    return mean[i] - z * sd[i];
  }

  /** mean + z·sd at time i. */
  public double upper(int i, double z) {
    return mean[i] + z * sd[i];
  }
}
