package io.gramian.estimation.diagnostics;

import java.util.Arrays;

/**
 * A histogram normalised as a density, with numpy's {@code bins='auto'}: the bin width is the
 * smaller of the Freedman–Diaconis width 2·IQR/n<sup>1/3</sup> and the Sturges width range/(log₂ n
 * + 1) (Sturges alone when the interquartile range is 0), then shrunk so that a whole number of
 * bins spans [min, max]. Constant data get one bin of width 0.5 centred on the value.
 *
 * @param lo the left edge of the first bin
 * @param width the width of every bin
 * @param counts the number of values in each bin (the last bin is closed on the right)
 * @param n the number of values
 */
public record Histogram(double lo, double width, int[] counts, int n) {

  /** Copies the counts. */
  public Histogram {
    counts = counts.clone();
  }

  /**
   * The histogram of complete data.
   *
   * @throws IllegalArgumentException when x is empty or holds a value that is not finite
   */
  public static Histogram of(double[] x) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("a histogram needs at least one value");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("histogram: value " + i + " is not finite");
      }
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double lo = sorted[0];
    double hi = sorted[n - 1];
    double width;
    int bins;
    if (hi == lo) {
      width = 0.5;
      lo -= width / 2;
      bins = 1;
    } else {
      bins = Math.max(1, (int) Math.ceil((hi - lo) / binWidth(sorted)));
      width = (hi - lo) / bins;
    }
    int[] counts = new int[bins];
    for (double v : x) {
      int b = (int) Math.floor((v - lo) / width);
      counts[Math.min(Math.max(b, 0), bins - 1)]++;
    }
    return new Histogram(lo, width, counts, n);
  }

  /** The number of bins. */
  public int bins() {
    return counts.length;
  }

  /** The number of values in bin b. */
  public int count(int b) {
    return counts[b];
  }

  /** The left edge of bin b. */
  public double left(int b) {
    return lo + b * width;
  }

  /** The density of bin b, count / (n · width): the bars' areas add up to 1. */
  public double density(int b) {
    return counts[b] / (n * width);
  }

  @Override
  public int[] counts() {
    return counts.clone();
  }

  /** numpy's {@code bins='auto'} width of sorted values, before it is fitted to the range. */
  static double binWidth(double[] sorted) {
    int n = sorted.length;
    double range = sorted[n - 1] - sorted[0];
    double sturges = range / (Math.log(n) / Math.log(2) + 1);
    double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    double fd = 2 * iqr / Math.cbrt(n);
    double w = fd > 0 ? Math.min(fd, sturges) : sturges;
    return w > 0 ? w : 1;
  }

  /** Linear-interpolation quantile of sorted values (numpy's default). */
  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
