package io.gramian.estimation.results;

import java.util.Arrays;
import java.util.List;

/**
 * Simulated future paths of a univariate series, an immutable value: N paths over the H periods
 * after the data, each drawn from the fitted model given the data (the future states and
 * observation noises drawn, starting from the filtered state at the end of the data), on the
 * modelled scale. At each horizon the paths' distribution is the forecast's, {@code N(μ_h, σ_h²)};
 * across horizons they keep the model's dependence, which the marginal intervals do not show (the
 * maximum over a year, the total of the next quarter).
 *
 * @param periods the labels of the H forecast periods
 * @param values path i, horizon h at {@code values[i][h − 1]}; N rows of length H
 * @param seed the seed the paths were drawn with (the same seed gives the same paths)
 */
public record ForecastPaths(List<String> periods, double[][] values, long seed) {

  /** Copies the arrays and checks that every path covers every period. */
  public ForecastPaths {
    periods = List.copyOf(periods);
    values = deepCopy(values);
    for (int i = 0; i < values.length; i++) {
      if (values[i].length != periods.size()) {
        throw new IllegalArgumentException(
            "path "
                + (i + 1)
                + " has "
                + values[i].length
                + " values for "
                + periods.size()
                + " periods");
      }
    }
  }

  /** The values, a copy: {@code [path][h − 1]}. */
  @Override
  public double[][] values() {
    return deepCopy(values);
  }

  /** The number N of paths. */
  public int paths() {
    return values.length;
  }

  /** The number H of periods. */
  public int horizon() {
    return periods.size();
  }

  /** The value of path {@code path} (1 … N) at horizon {@code h} (1 … H). */
  public double value(int path, int h) {
    if (path < 1 || path > values.length) {
      throw new IndexOutOfBoundsException("path " + path + " is outside 1 … " + values.length);
    }
    return values[path - 1][checkHorizon(h)];
  }

  /** The N values at horizon h (1 … H), in path order. */
  public double[] atHorizon(int h) {
    int j = checkHorizon(h);
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i][j];
    }
    return v;
  }

  /** The paths' mean at horizon h, an estimate of the forecast mean μ_h. */
  public double mean(int h) {
    double s = 0;
    for (double v : atHorizon(h)) {
      s += v;
    }
    return s / values.length;
  }

  /**
   * The paths' p-quantile at horizon h: the order statistic of rank ⌈pN⌉ (the inverse of the
   * empirical distribution function), an estimate of μ_h + Φ⁻¹(p) σ_h.
   *
   * @param p in (0, 1)
   */
  public double quantile(int h, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a quantile's probability is in (0, 1), got " + p);
    }
    if (values.length == 0) {
      throw new IllegalStateException("no paths to take a quantile of");
    }
    double[] sorted = atHorizon(h);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private int checkHorizon(int h) {
    if (h < 1 || h > periods.size()) {
      throw new IndexOutOfBoundsException("horizon " + h + " is outside 1 … " + periods.size());
    }
    return h - 1;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
