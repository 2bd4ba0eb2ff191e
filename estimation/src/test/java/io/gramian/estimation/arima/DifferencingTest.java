package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.estimation.model.ModelData;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Simple differencing, and the differencing states that integrate w_t back to y_t. */
class DifferencingTest {

  /** Sums and differences of O(1) values over 60 steps: rounding only. */
  private static final double TOLERANCE = 1e-12;

  @ParameterizedTest(name = "d={0}, D={1}, s={2}")
  @CsvSource({"1,0,0", "2,0,0", "0,1,4", "1,1,12", "2,2,3"})
  void differencesAreTheConvolutionWithTheDifferencingPolynomial(int d, int D, int s) {
    double[] y = series(60, 3);
    double[] w = Differencing.apply(y, d, D, s);
    double[] poly = Polynomials.differencing(d, D, s);
    int k = poly.length - 1;
    assertEquals(y.length - k, w.length);
    for (int t = k; t < y.length; t++) {
      double expected = 0;
      for (int i = 0; i <= k; i++) {
        expected += poly[i] * y[t - i];
      }
      assertEquals(expected, w[t - k], TOLERANCE, "t = " + t);
    }
  }

  @Test
  void aMissingValueMakesTheDifferencesThatUseItMissing() {
    double[] y = {1, 2, Double.NaN, 4, 5, 6, 8};
    double[] w = Differencing.apply(y, 1, 1, 2);
    // w_t = y_t − y_{t−1} − y_{t−2} + y_{t−3}, t = 3 … 6 (0-based): y_2 is in the first three
    assertEquals(4, w.length);
    for (int i = 0; i < 3; i++) {
      assertTrue(Double.isNaN(w[i]), "w_" + (i + 3));
    }
    assertEquals(8 - 6 - 5 + 4, w[3], 0.0);
  }

  @Test
  void modelDataDifferencesTheRegressorsToo() {
    DMatrixRMaj y = new DMatrixRMaj(5, 1, true, 1, 3, 6, 10, 15);
    DMatrixRMaj x = new DMatrixRMaj(5, 1, true, 0, 1, 4, 9, 16);
    ModelData w = Differencing.apply(new ModelData(y, x, List.of("x")), SarimaxOrder.of(0, 1, 0));
    assertArrayEquals(new double[] {2, 3, 4, 5}, w.y().data, 0.0);
    assertArrayEquals(new double[] {1, 3, 5, 7}, w.exog().data, 0.0);
    assertEquals(List.of("x"), w.exogNames());
  }

  /**
   * The differencing states integrate w: from any δ_1 and any w_1 … w_n, the series y_t = Z δ_t +
   * w_t, δ_{t+1} = T δ_t + ι w_t differences back to w_{k+1} … w_n.
   */
  @ParameterizedTest(name = "d={0}, D={1}, s={2}")
  @CsvSource({"1,0,0", "2,0,0", "0,1,4", "1,1,12", "2,2,3"})
  void differencingStatesIntegrateTheDifferencedSeries(int d, int D, int s) {
    DifferencingStates states = new DifferencingStates(SarimaxOrder.of(0, d, 0, 0, D, 0, s));
    int k = states.size();
    assertEquals(d + s * D, k);
    DMatrixRMaj T = states.transition();
    double[] Z = states.design();
    boolean[] iota = states.receivesDifferenced();
    double[] w = series(60, 5);
    DMatrixRMaj delta = new DMatrixRMaj(k, 1, true, series(k, 7));
    double[] y = new double[w.length];
    for (int t = 0; t < w.length; t++) {
      double level = 0;
      for (int j = 0; j < k; j++) {
        level += Z[j] * delta.get(j, 0);
      }
      y[t] = level + w[t];
      DMatrixRMaj next = new DMatrixRMaj(k, 1);
      CommonOps_DDRM.mult(T, delta, next);
      for (int j = 0; j < k; j++) {
        if (iota[j]) {
          next.set(j, 0, next.get(j, 0) + w[t]);
        }
      }
      delta = next;
    }
    double[] differenced = Differencing.apply(y, d, D, s);
    for (int t = k; t < w.length; t++) {
      assertEquals(w[t], differenced[t - k], TOLERANCE * Math.max(1, Math.abs(y[t])), "t = " + t);
    }
  }

  private static double[] series(int n, long seed) {
    Random random = new Random(seed);
    double[] y = new double[n];
    double level = 10;
    for (int t = 0; t < n; t++) {
      level += random.nextGaussian();
      y[t] = level + Math.sin(t);
    }
    return y;
  }
}
