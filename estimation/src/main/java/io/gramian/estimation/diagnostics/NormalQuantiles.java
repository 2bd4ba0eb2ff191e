package io.gramian.estimation.diagnostics;

import java.util.Arrays;

/**
 * The points of a normal Q–Q plot: the sorted sample x<sub>(i)</sub> against the theoretical
 * quantiles Φ⁻¹(i/(n + 1)), i = 1 … n (statsmodels' {@code ProbPlot} plotting positions with a =
 * 0).
 *
 * @param theoretical Φ⁻¹(i/(n + 1)), increasing
 * @param sample the values sorted increasingly
 */
public record NormalQuantiles(double[] theoretical, double[] sample) {

  /** Copies the arrays. */
  public NormalQuantiles {
    theoretical = theoretical.clone();
    sample = sample.clone();
  }

  /**
   * The Q–Q points of complete data.
   *
   * @throws IllegalArgumentException when x is empty or holds a value that is not finite
   */
  public static NormalQuantiles of(double[] x) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("a Q-Q plot needs at least one value");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("Q-Q plot: value " + i + " is not finite");
      }
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = StandardNormal.quantile((i + 1.0) / (n + 1.0));
    }
    return new NormalQuantiles(q, sorted);
  }

  @Override
  public double[] theoretical() {
    return theoretical.clone();
  }

  @Override
  public double[] sample() {
    return sample.clone();
  }

  /** The number of points. */
  public int size() {
    return sample.length;
  }
}
