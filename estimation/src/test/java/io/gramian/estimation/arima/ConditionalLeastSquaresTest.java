package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.estimation.model.ModelData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Start values: OLS on lags for a pure AR, Hannan–Rissanen for MA terms. */
class ConditionalLeastSquaresTest {

  /** Normal equations vs pseudoinverse on 100 rows: rounding only. */
  private static final double OLS_TOLERANCE = 1e-10;

  @Test
  void pureArIsOrdinaryLeastSquaresOnLags() {
    double[] x = demeaned(ArimaSeries.nile().y().data);
    ConditionalLeastSquares fit = ConditionalLeastSquares.fit(x, new int[] {1, 2}, new int[0]);
    // normal equations for x_t on (x_{t−1}, x_{t−2}), t = 2 … n − 1
    double s11 = 0, s12 = 0, s22 = 0, b1 = 0, b2 = 0;
    for (int t = 2; t < x.length; t++) {
      s11 += x[t - 1] * x[t - 1];
      s12 += x[t - 1] * x[t - 2];
      s22 += x[t - 2] * x[t - 2];
      b1 += x[t - 1] * x[t];
      b2 += x[t - 2] * x[t];
    }
    double det = s11 * s22 - s12 * s12;
    double[] expected = {(s22 * b1 - s12 * b2) / det, (s11 * b2 - s12 * b1) / det};
    assertArrayEquals(expected, fit.ar, OLS_TOLERANCE);
  }

  /** An MA(1) with θ = 0.6, 2000 values: Hannan–Rissanen is consistent (error ~ 1/√n). */
  @Test
  void movingAverageStartIsNearTheTruth() {
    Random random = new Random(11);
    double[] x = new double[2000];
    double previous = random.nextGaussian();
    for (int t = 0; t < x.length; t++) {
      double e = random.nextGaussian();
      x[t] = e + 0.6 * previous;
      previous = e;
    }
    ConditionalLeastSquares fit = ConditionalLeastSquares.fit(x, new int[0], new int[] {1});
    assertEquals(0.6, fit.ma[0], 0.05);
    assertEquals(1.0, fit.variance, 0.1);
  }

  /** The mean and regression coefficients start at least squares on the differenced data. */
  @Test
  void meanStartsAtTheMeanOfTheDifferencedSeries() {
    double[] y = new double[50];
    for (int t = 0; t < y.length; t++) {
      y[t] = 3 + 2 * t + Math.sin(t);
    }
    Sarimax model = Sarimax.of(SarimaxOrder.of(0, 1, 1)).withMean(true);
    double[] start = model.startParameters(ModelData.of(y));
    double drift = (y[49] - y[0]) / 49;
    assertEquals(drift, start[2], 1e-12);
  }

  private static double[] demeaned(double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double[] x = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      x[t] = y[t] - mean;
    }
    return x;
  }
}
