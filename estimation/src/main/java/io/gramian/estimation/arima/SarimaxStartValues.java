package io.gramian.estimation.arima;

import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.transform.SparsePolynomial;
import io.gramian.estimation.transform.Stationary;
import org.ejml.data.DMatrixRMaj;

/**
 * Start values of a SARIMA model from its differenced data, as statsmodels computes them:
 *
 * <ol>
 *   <li>the mean and regression coefficients by least squares of w_t on (1, x_t) (the differenced
 *       series and regressors, missing values dropped); u_t the residuals;
 *   <li>φ, θ and σ² by conditional least squares on u at lags 1 … p, 1 … q ({@link
 *       ConditionalLeastSquares});
 *   <li>Φ, Θ the same way, separately, at lags s, 2s, …;
 *   <li>a block that comes out non-stationary (non-invertible) starts at zero instead (also for
 *       sparse lags, where the fit itself would allow a non-invertible MA); σ² falls back to the
 *       seasonal fit's residual variance, then to the mean square of u.
 * </ol>
 */
final class SarimaxStartValues {

  private SarimaxStartValues() {}

  /**
   * Start values in the order of {@link Sarimax#parameterNames()}: ar, ma, seasonal ar, seasonal
   * ma, sigma2, [mean], [beta …].
   *
   * @param differenced the differenced data w (with differenced regressors)
   */
  static double[] compute(SarimaxOrder order, boolean mean, ModelData differenced) {
    double[] w = Differencing.column(differenced.y(), 0);
    DMatrixRMaj exog = differenced.exog();
    int observed = 0;
    for (double v : w) {
      if (!Double.isNaN(v)) {
        observed++;
      }
    }
    int regressors = (mean ? 1 : 0) + exog.numCols;
    double[] u = new double[observed];
    DMatrixRMaj Z = new DMatrixRMaj(observed, regressors);
    for (int t = 0, i = 0; t < w.length; t++) {
      if (Double.isNaN(w[t])) {
        continue;
      }
      u[i] = w[t];
      int j = 0;
      if (mean) {
        Z.set(i, j++, 1);
      }
      for (int c = 0; c < exog.numCols; c++) {
        Z.set(i, j++, exog.get(t, c));
      }
      i++;
    }
    double[] coefficients = new double[regressors];
    if (regressors > 0 && observed > 0) {
      coefficients = ConditionalLeastSquares.leastSquares(Z, u);
      for (int i = 0; i < observed; i++) {
        for (int j = 0; j < regressors; j++) {
          u[i] -= Z.get(i, j) * coefficients[j];
        }
      }
    }
    int s = order.period();
    ConditionalLeastSquares regular =
        ConditionalLeastSquares.fit(u, array(order.arLags()), array(order.maLags()));
    ConditionalLeastSquares seasonal =
        ConditionalLeastSquares.fit(u, lags(order.seasonalP(), s), lags(order.seasonalQ(), s));
    double variance = regular.variance;
    if (!(variance > 0)) {
      variance = seasonal.variance;
    }
    if (!(variance > 0)) {
      variance = meanSquare(u);
    }
    if (!(variance > 0)) {
      variance = 1;
    }

    double[] start =
        new double
            [order.arLags().size()
                + order.maLags().size()
                + order.seasonalP()
                + order.seasonalQ()
                + 1
                + regressors];
    int k = 0;
    k =
        put(
            start,
            k,
            order.sparseAr()
                ? sparseOrZero(
                    SparsePolynomial.autoregressive(
                        array(order.arLags()), names("ar", order.arLags().size())),
                    regular.ar)
                : stationaryOrZero(Stationary.autoregressive(names("ar", order.p())), regular.ar));
    k =
        put(
            start,
            k,
            order.sparseMa()
                ? sparseOrZero(
                    SparsePolynomial.movingAverage(
                        array(order.maLags()), names("ma", order.maLags().size())),
                    regular.ma)
                : stationaryOrZero(Stationary.movingAverage(names("ma", order.q())), regular.ma));
    k =
        put(
            start,
            k,
            stationaryOrZero(
                Stationary.autoregressive(names("ar.S", order.seasonalP())), seasonal.ar));
    k =
        put(
            start,
            k,
            stationaryOrZero(
                Stationary.movingAverage(names("ma.S", order.seasonalQ())), seasonal.ma));
    start[k++] = variance;
    put(start, k, coefficients);
    return start;
  }

  private static int[] array(java.util.List<Integer> lags) {
    int[] out = new int[lags.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = lags.get(i);
    }
    return out;
  }

  /** Sparse coefficients when stationary (invertible), zeros otherwise. */
  private static double[] sparseOrZero(SparsePolynomial polynomial, double[] coefficients) {
    return polynomial.isStationary(coefficients) ? coefficients : new double[coefficients.length];
  }

  private static int[] lags(int count, int step) {
    int[] lags = new int[count];
    for (int i = 0; i < count; i++) {
      lags[i] = (i + 1) * step;
    }
    return lags;
  }

  private static String[] names(String prefix, int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = prefix + "." + (i + 1);
    }
    return names;
  }

  /** The coefficients when they are strictly stationary (invertible), zeros otherwise. */
  private static double[] stationaryOrZero(Stationary transform, double[] coefficients) {
    try {
      transform.toUnconstrained(coefficients);
      return coefficients;
    } catch (IllegalArgumentException infeasible) {
      return new double[coefficients.length];
    }
  }

  private static int put(double[] target, int offset, double[] values) {
    System.arraycopy(values, 0, target, offset, values.length);
    return offset + values.length;
  }

  private static double meanSquare(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return x.length == 0 ? Double.NaN : sum / x.length;
  }
}
