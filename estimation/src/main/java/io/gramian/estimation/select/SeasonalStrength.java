package io.gramian.estimation.select;

/**
 * The strength of seasonality of Wang, Smith and Hyndman (2006), the measure {@code
 * forecast::nsdiffs} tests by default ({@code seasonal.test = "seas"}):
 *
 * <pre>
 *   F_S = max(0, 1 − var(R) / var(S + R))
 * </pre>
 *
 * with S the seasonal and R the remainder of a decomposition; one seasonal difference is taken when
 * F_S &gt; {@value #THRESHOLD}. forecast decomposes by STL ({@code mstl}); this class uses the
 * classical additive decomposition (a centred moving average of order s for the trend, the mean
 * detrended value of each season, centred, for S), which needs no smoothing parameters. The two
 * decompositions give different F_S; the decision at 0.64 agrees on the series in docs/select.md.
 */
public final class SeasonalStrength {

  /** forecast's threshold: one seasonal difference when the strength exceeds it. */
  public static final double THRESHOLD = 0.64;

  private SeasonalStrength() {}

  /**
   * F_S of a series without missing values.
   *
   * @param x at least 2s values; not modified
   * @param s the seasonal period, at least 2
   * @throws IllegalArgumentException when x is shorter than 2s or s &lt; 2
   */
  public static double of(double[] x, int s) {
    int n = x.length;
    if (s < 2 || n < 2 * s) {
      throw new IllegalArgumentException(
          "the seasonal strength needs a period of at least 2 and two full periods, got period "
              + s
              + " and "
              + n
              + " values");
    }
    double[] detrended = new double[n];
    boolean[] defined = new boolean[n];
    int half = s / 2;
    for (int t = half; t < n - half; t++) {
      double sum = 0;
      if (s % 2 == 1) {
        for (int i = -half; i <= half; i++) {
          sum += x[t + i];
        }
        sum /= s;
      } else {
        if (t + half >= n) {
          continue;
        }
        sum = 0.5 * (x[t - half] + x[t + half]);
        for (int i = -half + 1; i < half; i++) {
          sum += x[t + i];
        }
        sum /= s;
      }
      detrended[t] = x[t] - sum;
      defined[t] = true;
    }
    double[] season = new double[s];
    int[] count = new int[s];
    for (int t = 0; t < n; t++) {
      if (defined[t]) {
        season[t % s] += detrended[t];
        count[t % s]++;
      }
    }
    double centre = 0;
    for (int j = 0; j < s; j++) {
      season[j] /= count[j];
      centre += season[j] / s;
    }
    double[] remainder = new double[n];
    double[] seasonalPlusRemainder = new double[n];
    int m = 0;
    for (int t = 0; t < n; t++) {
      if (defined[t]) {
        double seasonal = season[t % s] - centre;
        remainder[m] = detrended[t] - seasonal;
        seasonalPlusRemainder[m] = detrended[t];
        m++;
      }
    }
    double strength = 1 - variance(remainder, m) / variance(seasonalPlusRemainder, m);
    return Math.max(0, Math.min(1, strength));
  }

  /**
   * The number of seasonal differences {@code forecast::nsdiffs} chooses with at most one: 1 when
   * F_S &gt; {@value #THRESHOLD}, 0 when not, or when the series is constant or shorter than 2s + 1
   * ({@code auto.arima} takes no seasonal difference of a series of 2s values or fewer).
   */
  public static int differences(double[] x, int s) {
    if (Kpss.isConstant(x) || x.length <= 2 * s) {
      return 0;
    }
    return of(x, s) > THRESHOLD ? 1 : 0;
  }

  private static double variance(double[] v, int m) {
    double mean = 0;
    for (int i = 0; i < m; i++) {
      mean += v[i];
    }
    mean /= m;
    double ss = 0;
    for (int i = 0; i < m; i++) {
      ss += (v[i] - mean) * (v[i] - mean);
    }
    return ss / (m - 1);
  }
}
