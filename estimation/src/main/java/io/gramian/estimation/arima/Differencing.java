package io.gramian.estimation.arima;

import io.gramian.estimation.model.ModelData;
import org.ejml.data.DMatrixRMaj;

/**
 * Simple differencing {@code w_t = (1 − L)^d (1 − L^s)^D x_t}: the series and each regressor column
 * lose their first d + sD values; a missing value makes every difference that uses it missing (NaN
 * propagates), as in statsmodels' {@code diff}.
 */
public final class Differencing {

  private Differencing() {}

  /**
   * The differenced series, of length n − (d + sD) (empty when n ≤ d + sD).
   *
   * @param x the series; not modified
   */
  public static double[] apply(double[] x, int d, int seasonalD, int s) {
    double[] w = x.clone();
    for (int k = 0; k < d; k++) {
      w = lagDifference(w, 1);
    }
    for (int k = 0; k < seasonalD; k++) {
      w = lagDifference(w, s);
    }
    return w;
  }

  /** The data with y and every regressor column differenced (a new value). */
  static ModelData apply(ModelData data, SarimaxOrder order) {
    int drop = order.differencingStates();
    int n = data.length() - drop;
    if (n <= 0) {
      throw new IllegalArgumentException(
          "too few observations: "
              + data.length()
              + " values, but differencing for ARIMA"
              + order
              + " uses the first "
              + drop);
    }
    DMatrixRMaj y = new DMatrixRMaj(n, data.y().numCols);
    for (int j = 0; j < y.numCols; j++) {
      setColumn(y, j, apply(column(data.y(), j), order));
    }
    DMatrixRMaj exog = new DMatrixRMaj(n, data.exog().numCols);
    for (int j = 0; j < exog.numCols; j++) {
      setColumn(exog, j, apply(column(data.exog(), j), order));
    }
    return new ModelData(y, exog, data.exogNames());
  }

  /** Column j of a matrix, as a new array. */
  static double[] column(DMatrixRMaj m, int j) {
    double[] c = new double[m.numRows];
    for (int t = 0; t < c.length; t++) {
      c[t] = m.get(t, j);
    }
    return c;
  }

  private static double[] apply(double[] x, SarimaxOrder order) {
    return apply(x, order.d(), order.seasonalD(), order.period());
  }

  private static void setColumn(DMatrixRMaj m, int j, double[] values) {
    for (int t = 0; t < values.length; t++) {
      m.set(t, j, values[t]);
    }
  }

  private static double[] lagDifference(double[] x, int lag) {
    double[] w = new double[Math.max(0, x.length - lag)];
    for (int t = 0; t < w.length; t++) {
      w[t] = x[t + lag] - x[t];
    }
    return w;
  }
}
