package io.gramian.estimation.models;

/**
 * The Hodrick–Prescott filter, which statsmodels' {@code UnobservedComponents} uses for start
 * values: the trend τ minimises {@code Σ (y_t − τ_t)² + λ Σ (Δ²τ_t)²}, that is
 *
 * <pre>
 *   (I + λ KᵀK) τ = y,     K: (n − 2) × n second differences, rows (…, 1, −2, 1, …)
 *   cycle = y − τ
 * </pre>
 *
 * (Hodrick &amp; Prescott 1997; statsmodels' {@code hpfilter}, whose default λ = 1600 is used
 * whatever the data's frequency, as statsmodels does for start values). The matrix is symmetric
 * positive definite with bandwidth 2, so it is solved by a banded Cholesky factorisation in O(n). A
 * series shorter than 3 has no second differences: its trend is the series itself.
 */
final class HodrickPrescott {

  /** statsmodels' default smoothing parameter. */
  static final double DEFAULT_LAMBDA = 1600;

  private HodrickPrescott() {}

  /** The trend τ of y (not modified) with smoothing parameter λ ≥ 0. */
  static double[] trend(double[] y, double lambda) {
    int n = y.length;
    if (n < 3) {
      return y.clone();
    }
    // Band storage of A = I + λ KᵀK: a0 diagonal, a1 first and a2 second sub-diagonal.
    double[] a0 = new double[n];
    double[] a1 = new double[n];
    double[] a2 = new double[n];
    java.util.Arrays.fill(a0, 1);
    double[] k = {1, -2, 1};
    for (int row = 0; row < n - 2; row++) {
      for (int i = 0; i < 3; i++) {
        a0[row + i] += lambda * k[i] * k[i];
        if (i >= 1) {
          a1[row + i] += lambda * k[i] * k[i - 1];
        }
        if (i == 2) {
          a2[row + i] += lambda * k[2] * k[0];
        }
      }
    }
    // Cholesky A = L Lᵀ in the same band: l0 diagonal, l1, l2 sub-diagonals (index = row).
    double[] l0 = new double[n];
    double[] l1 = new double[n];
    double[] l2 = new double[n];
    for (int i = 0; i < n; i++) {
      if (i >= 2) {
        l2[i] = a2[i] / l0[i - 2];
      }
      if (i >= 1) {
        double s = a1[i] - (i >= 2 ? l2[i] * l1[i - 1] : 0);
        l1[i] = s / l0[i - 1];
      }
      double d = a0[i] - l1[i] * l1[i] - l2[i] * l2[i];
      l0[i] = Math.sqrt(d);
    }
    // L z = y, then Lᵀ τ = z.
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = y[i];
      if (i >= 1) {
        s -= l1[i] * z[i - 1];
      }
      if (i >= 2) {
        s -= l2[i] * z[i - 2];
      }
      z[i] = s / l0[i];
    }
    double[] tau = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      if (i + 1 < n) {
        s -= l1[i + 1] * tau[i + 1];
      }
      if (i + 2 < n) {
        s -= l2[i + 2] * tau[i + 2];
      }
      tau[i] = s / l0[i];
    }
    return tau;
  }
}
