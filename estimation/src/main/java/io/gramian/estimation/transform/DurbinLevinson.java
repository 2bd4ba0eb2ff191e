package io.gramian.estimation.transform;

import java.util.Arrays;

/**
 * The Durbin–Levinson recursion between the partial autocorrelations r₁ … r_p of an AR(p) process
 * and the coefficients φ₁ … φ_p of its polynomial φ(z) = 1 − φ₁ z − … − φ_p z^p:
 *
 * <pre>
 *   φ_{k,k} = r_k,   φ_{k,i} = φ_{k−1,i} − r_k φ_{k−1,k−i}     (k = 1 … p, i = 1 … k−1)
 *   φ_i = φ_{p,i}
 * </pre>
 *
 * and back, from k = p down (r_k = φ_{k,k}):
 *
 * <pre>
 *   φ_{k−1,i} = (φ_{k,i} + r_k φ_{k,k−i}) / (1 − r_k²)
 * </pre>
 *
 * The map is a bijection from (−1, 1)^p onto the coefficients whose polynomial has all its roots
 * outside the unit circle (Barndorff-Nielsen &amp; Schou 1973; Jones 1980; Monahan 1984, Biometrika
 * 71, 403–404). Arrays are 0-based: {@code r[k]} is r_{k+1}.
 */
final class DurbinLevinson {

  private DurbinLevinson() {}

  /** φ₁ … φ_p from r₁ … r_p (any real values; stationarity needs every |r_k| &lt; 1). */
  static double[] coefficients(double[] r) {
    double[][] table = table(r);
    return r.length == 0 ? new double[0] : table[r.length - 1].clone();
  }

  /**
   * r₁ … r_p from φ₁ … φ_p by the backward recursion. It stops at the highest lag k with |r_k| ≥ 1
   * (or NaN), where 1 − r_k² leaves no stationary lower-order polynomial: that entry holds the
   * offending value and the entries below it are NaN.
   */
  static double[] partialAutocorrelations(double[] phi) {
    int p = phi.length;
    double[] r = new double[p];
    Arrays.fill(r, Double.NaN);
    double[] current = phi.clone();
    for (int k = p - 1; k >= 0; k--) {
      double rk = current[k];
      r[k] = rk;
      if (!(Math.abs(rk) < 1)) {
        return r;
      }
      double denominator = (1 - rk) * (1 + rk);
      double[] lower = new double[k];
      for (int i = 0; i < k; i++) {
        lower[i] = (current[i] + rk * current[k - 1 - i]) / denominator;
      }
      current = lower;
    }
    return r;
  }

  /**
   * r̄ = (∂φ/∂r)ᵀ φ̄, by reverse mode through the recursion. Each forward statement φ_{k,i} =
   * φ_{k−1,i} − r_k φ_{k−1,k−i} contributes, from last to first,
   *
   * <pre>
   *   φ̄_{k−1,i} += φ̄_{k,i},   φ̄_{k−1,k−i} −= r_k φ̄_{k,i},   r̄_k −= φ_{k−1,k−i} φ̄_{k,i}
   * </pre>
   *
   * and φ_{k,k} = r_k contributes r̄_k += φ̄_{k,k}.
   *
   * @param r r₁ … r_p, length p
   * @param phiBar φ̄₁ … φ̄_p, length p
   * @return r̄, length p (a new array)
   */
  static double[] pullBack(double[] r, double[] phiBar) {
    int p = r.length;
    double[][] table = table(r);
    double[] rBar = new double[p];
    double[] bar = phiBar.clone(); // φ̄_{k,·} for the current k
    for (int k = p - 1; k >= 0; k--) {
      rBar[k] += bar[k];
      double[] lowerBar = new double[k]; // φ̄_{k−1,·}
      for (int i = 0; i < k; i++) {
        lowerBar[i] += bar[i];
        lowerBar[k - 1 - i] -= r[k] * bar[i];
        rBar[k] -= table[k - 1][k - 1 - i] * bar[i];
      }
      bar = lowerBar;
    }
    return rBar;
  }

  /** The forward table: {@code table[k]} holds φ_{k+1,1} … φ_{k+1,k+1}. */
  private static double[][] table(double[] r) {
    int p = r.length;
    double[][] table = new double[p][];
    for (int k = 0; k < p; k++) {
      table[k] = new double[k + 1];
      for (int i = 0; i < k; i++) {
        table[k][i] = table[k - 1][i] - r[k] * table[k - 1][k - 1 - i];
      }
      table[k][k] = r[k];
    }
    return table;
  }
}
