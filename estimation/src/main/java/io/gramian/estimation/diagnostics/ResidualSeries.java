package io.gramian.estimation.diagnostics;

import java.util.Arrays;

/** Slicing and validation of residual series, where NaN marks a missing value. */
final class ResidualSeries {

  private ResidualSeries() {}

  /**
   * The entries from {@code burnIn} on (a copy); the first {@code burnIn} entries are ignored,
   * whatever they hold.
   */
  static double[] afterBurnIn(double[] residuals, int burnIn) {
    if (residuals == null) {
      throw new IllegalArgumentException("residuals must not be null");
    }
    if (burnIn < 0 || burnIn > residuals.length) {
      throw new IllegalArgumentException(
          "burn-in " + burnIn + " is outside 0.." + residuals.length + " (the series length)");
    }
    return Arrays.copyOfRange(residuals, burnIn, residuals.length);
  }

  /**
   * The non-missing entries, in order (NaN dropped); an infinite entry is an error.
   *
   * @param what names the series in error messages
   */
  static double[] observed(double[] residuals, String what) {
    if (residuals == null) {
      throw new IllegalArgumentException(what + ": residuals must not be null");
    }
    double[] out = new double[residuals.length];
    int n = 0;
    for (int t = 0; t < residuals.length; t++) {
      double x = residuals[t];
      if (Double.isInfinite(x)) {
        throw new IllegalArgumentException(what + ": residual " + t + " is infinite");
      }
      if (!Double.isNaN(x)) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The arithmetic mean. */
  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
