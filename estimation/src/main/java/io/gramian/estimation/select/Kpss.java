package io.gramian.estimation.select;

import io.gramian.estimation.arima.Differencing;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), as R's {@code
 * urca::ur.kpss(x, type = "mu", use.lag = trunc(3 √n / 13))} computes it for {@code
 * forecast::ndiffs}:
 *
 * <pre>
 *   e_t = x_t − x̄,   S_t = Σ_{i ≤ t} e_i,   η = Σ_t S_t² / (n² σ̂²),
 *   σ̂² = (1/n) Σ_t e_t² + (2/n) Σ_{l=1}^{L} (1 − l/(L + 1)) Σ_{t>l} e_t e_{t−l}
 * </pre>
 *
 * with the Bartlett window of L = ⌊3 √n / 13⌋ lags. Level stationarity is rejected at 5% when η
 * exceeds the tabulated {@value #CRITICAL_5_PERCENT} (KPSS 1992, Table 1; urca's {@code cval}).
 */
public final class Kpss {

  /** The 5% critical value of η for level stationarity (KPSS 1992, Table 1). */
  public static final double CRITICAL_5_PERCENT = 0.463;

  private Kpss() {}

  /**
   * The statistic η of a series without missing values.
   *
   * @param x n ≥ 2 values; not modified
   * @throws IllegalArgumentException when x has fewer than 2 values or a NaN
   */
  public static double statistic(double[] x) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("the KPSS test needs at least 2 values, got " + n);
    }
    double mean = 0;
    for (double v : x) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("the KPSS test needs a series without missing values");
      }
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    double partial = 0;
    double sumS2 = 0;
    double sumE2 = 0;
    for (int t = 0; t < n; t++) {
      e[t] = x[t] - mean;
      partial += e[t];
      sumS2 += partial * partial;
      sumE2 += e[t] * e[t];
    }
    int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
    double longRun = sumE2 / n;
    for (int l = 1; l <= lags; l++) {
      double cov = 0;
      for (int t = l; t < n; t++) {
        cov += e[t] * e[t - l];
      }
      longRun += 2.0 / n * (1 - l / (lags + 1.0)) * cov;
    }
    return sumS2 / ((double) n * n) / longRun;
  }

  /**
   * The number of first differences {@code forecast::ndiffs} chooses: difference while the KPSS
   * test rejects level stationarity at 5%, at most {@code maxD} times; a constant series needs
   * none.
   *
   * @param x the series without missing values; not modified
   */
  public static int differences(double[] x, int maxD) {
    double[] w = x.clone();
    if (isConstant(w)) {
      return 0;
    }
    int d = 0;
    while (d < maxD && w.length >= 2 && statistic(w) > CRITICAL_5_PERCENT) {
      d++;
      w = firstDifference(w);
      if (isConstant(w)) {
        return d;
      }
    }
    return d;
  }

  static boolean isConstant(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }
    return true;
  }

  private static double[] firstDifference(double[] x) {
    return Differencing.apply(x, 1, 0, 1);
  }
}
