package io.gramian.estimation.arima;

import org.ejml.data.DMatrixRMaj;

/**
 * The differencing block of the SARIMA state in statsmodels' layout (Durbin and Koopman 2012 §3.4):
 * k = d + sD states that carry the undifferenced past, with
 *
 * <pre>
 *   y_t = Z x_t + w_t,      x_{t+1} = T x_t + ι w_t              Z: 1 × k, T: k × k, ι: k × 1
 * </pre>
 *
 * where w_t = (1 − L)^d (1 − L^s)^D y_t is the differenced series (the ARMA part plus the mean).
 * The first d states are the partial sums for (1 − L)^d (T upper-triangular ones, Z ones); each of
 * the D seasonal blocks of s states is a rotation that keeps the last s values of the series
 * differenced so far, read through its last state. With P∞ = I on this block (statsmodels' {@code
 * use_exact_diffuse=True}), the map from the diffuse states to the first k observations is integer
 * and unimodular, which is why the exact diffuse likelihood equals the differenced likelihood less
 * (k/2) log 2π when no observation is missing.
 */
final class DifferencingStates {

  private final int d;
  private final int seasonalD;
  private final int s;
  private final int k;

  DifferencingStates(SarimaxOrder order) {
    this.d = order.d();
    this.seasonalD = order.seasonalD();
    this.s = order.period();
    this.k = order.differencingStates();
  }

  /** k = d + sD. */
  int size() {
    return k;
  }

  /** T (k × k). */
  DMatrixRMaj transition() {
    DMatrixRMaj T = new DMatrixRMaj(k, k);
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        T.set(i, j, 1);
      }
      for (int b = 0; b < seasonalD; b++) {
        T.set(i, d + b * s + s - 1, 1);
      }
    }
    for (int b = 0; b < seasonalD; b++) {
      int start = d + b * s;
      T.set(start, start + s - 1, 1);
      for (int i = 1; i < s; i++) {
        T.set(start + i, start + i - 1, 1);
      }
      if (b < seasonalD - 1) {
        T.set(start, start + 2 * s - 1, 1);
      }
    }
    return T;
  }

  /** ι (k × 1): which states w_t enters. */
  boolean[] receivesDifferenced() {
    boolean[] iota = new boolean[k];
    for (int i = 0; i < d; i++) {
      iota[i] = true;
    }
    for (int b = 0; b < seasonalD; b++) {
      iota[d + b * s] = true;
    }
    return iota;
  }

  /** Z (1 × k) as an array. */
  double[] design() {
    double[] z = new double[k];
    for (int i = 0; i < d; i++) {
      z[i] = 1;
    }
    for (int b = 0; b < seasonalD; b++) {
      z[d + b * s + s - 1] = 1;
    }
    return z;
  }
}
