package io.gramian.estimation.fit;

import io.gramian.estimation.model.ModelData;
import java.util.Arrays;

/**
 * A robust scale s of a series, in the units of y: the median of |y_t − y_{t'}| over consecutive
 * observed values (t' the previous observed period), falling back, when that is zero (a series that
 * mostly repeats), to the mean of those differences, then to the median and the mean of |y_t|, then
 * to 1 for a series that is all zeros.
 *
 * <p>Every rule is homogeneous of degree one, s(a·y) = |a|·s(y), so a problem expressed in units of
 * s does not depend on the units the data are written in. A median of differences is untouched by a
 * level far from zero and moved by at most two differences per outlier. Missing values are skipped;
 * with several columns, all columns' differences are pooled.
 */
final class DataScale {

  private DataScale() {}

  /** s > 0 for the observations of {@code data}. */
  static double of(ModelData data) {
    double[] differences = new double[data.y().getNumElements()];
    double[] values = new double[data.y().getNumElements()];
    int nd = 0;
    int nv = 0;
    for (int j = 0; j < data.y().numCols; j++) {
      double previous = Double.NaN;
      for (int t = 0; t < data.length(); t++) {
        double y = data.y().get(t, j);
        if (Double.isNaN(y)) {
          continue;
        }
        values[nv++] = Math.abs(y);
        if (!Double.isNaN(previous)) {
          differences[nd++] = Math.abs(y - previous);
        }
        previous = y;
      }
    }
    double[] candidates = {
      median(differences, nd), mean(differences, nd), median(values, nv), mean(values, nv)
    };
    for (double s : candidates) {
      if (s > 0 && Double.isFinite(s)) {
        return s;
      }
    }
    return 1;
  }

  private static double median(double[] a, int n) {
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(a, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private static double mean(double[] a, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += a[i] / n; // divided first: no overflow near Double.MAX_VALUE
    }
    return sum;
  }
}
