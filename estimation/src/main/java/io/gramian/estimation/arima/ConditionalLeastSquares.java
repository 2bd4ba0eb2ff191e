package io.gramian.estimation.arima;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Conditional least squares for ARMA start values (Hannan and Rissanen 1982, as statsmodels' {@code
 * SARIMAX._conditional_sum_squares}): with m the largest MA lag,
 *
 * <pre>
 *   1. if m > 0: regress x_t on x_{t−1}, …, x_{t−2m} (t > 2m); e_t are the residuals
 *   2. regress x_t on x_{t−i} (i in the AR lags) and e_{t−j} (j in the MA lags),
 *      t ≥ max(3m, largest AR lag)
 *   3. the coefficients are the AR and MA start values, the mean square of the residuals
 *      (after the first #MA ones) the variance
 * </pre>
 *
 * Least squares by the pseudoinverse, like statsmodels, so collinear lags do not fail. Too few
 * observations for the regressions give zero coefficients and the series' variance.
 */
final class ConditionalLeastSquares {

  /** AR coefficients at the requested lags. */
  final double[] ar;

  /** MA coefficients at the requested lags. */
  final double[] ma;

  /** Residual variance, or NaN when there were no lags to fit. */
  final double variance;

  private ConditionalLeastSquares(double[] ar, double[] ma, double variance) {
    this.ar = ar;
    this.ma = ma;
    this.variance = variance;
  }

  /**
   * @param x the series (no missing values); not modified
   * @param arLags the AR lags, increasing (e.g. 1, 2 or 12, 24)
   * @param maLags the MA lags, increasing
   */
  static ConditionalLeastSquares fit(double[] x, int[] arLags, int[] maLags) {
    int n = x.length;
    if (arLags.length == 0 && maLags.length == 0) {
      return new ConditionalLeastSquares(new double[0], new double[0], Double.NaN);
    }
    int maxAr = arLags.length == 0 ? 0 : arLags[arLags.length - 1];
    int maxMa = maLags.length == 0 ? 0 : maLags[maLags.length - 1];
    int k = 2 * maxMa;
    int start = Math.max(k + maxMa, maxAr);
    int columns = arLags.length + maLags.length;
    if (n - start <= columns || (maxMa > 0 && n - k <= k)) {
      return new ConditionalLeastSquares(
          new double[arLags.length], new double[maLags.length], centredMeanSquare(x));
    }
    double[] e = new double[n];
    if (maxMa > 0) {
      int[] lags = new int[k];
      for (int i = 0; i < k; i++) {
        lags[i] = i + 1;
      }
      double[] residuals = regress(x, x, lags, new double[0], new int[0], k).residuals;
      System.arraycopy(residuals, 0, e, k, residuals.length);
    }
    Regression fit = regress(x, x, arLags, e, maLags, start);
    double[] ar = new double[arLags.length];
    double[] ma = new double[maLags.length];
    System.arraycopy(fit.coefficients, 0, ar, 0, ar.length);
    System.arraycopy(fit.coefficients, ar.length, ma, 0, ma.length);
    double sum = 0;
    int count = 0;
    for (int t = maLags.length; t < fit.residuals.length; t++) {
      sum += fit.residuals[t] * fit.residuals[t];
      count++;
    }
    return new ConditionalLeastSquares(ar, ma, count > 0 ? sum / count : centredMeanSquare(x));
  }

  /** Least squares by the pseudoinverse: β = X⁺ y. */
  static double[] leastSquares(DMatrixRMaj X, double[] y) {
    DMatrixRMaj pinv = new DMatrixRMaj(X.numCols, X.numRows);
    CommonOps_DDRM.pinv(X, pinv);
    DMatrixRMaj beta = new DMatrixRMaj(X.numCols, 1);
    CommonOps_DDRM.mult(pinv, new DMatrixRMaj(y.length, 1, true, y), beta);
    return beta.data;
  }

  static double centredMeanSquare(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double sum = 0;
    for (double v : x) {
      sum += (v - mean) * (v - mean);
    }
    return sum / x.length;
  }

  private record Regression(double[] coefficients, double[] residuals) {}

  /** y_t on x_{t−i} (i in xLags) and e_{t−j} (j in eLags), for t = start … n − 1. */
  private static Regression regress(
      double[] y, double[] x, int[] xLags, double[] e, int[] eLags, int start) {
    int rows = y.length - start;
    int columns = xLags.length + eLags.length;
    DMatrixRMaj X = new DMatrixRMaj(rows, columns);
    double[] target = new double[rows];
    for (int i = 0; i < rows; i++) {
      int t = start + i;
      target[i] = y[t];
      for (int j = 0; j < xLags.length; j++) {
        X.set(i, j, x[t - xLags[j]]);
      }
      for (int j = 0; j < eLags.length; j++) {
        X.set(i, xLags.length + j, e[t - eLags[j]]);
      }
    }
    double[] beta = leastSquares(X, target);
    double[] residuals = new double[rows];
    for (int i = 0; i < rows; i++) {
      double fitted = 0;
      for (int j = 0; j < columns; j++) {
        fitted += X.get(i, j) * beta[j];
      }
      residuals[i] = target[i] - fitted;
    }
    return new Regression(beta, residuals);
  }
}
