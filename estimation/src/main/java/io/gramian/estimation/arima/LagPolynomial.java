package io.gramian.estimation.arima;

import io.gramian.autodiff.tape.Var;

/**
 * The coefficients of a multiplied-out seasonal lag polynomial, as tape operations on the
 * parameters:
 *
 * <pre>
 *   AR:  1 − Σ_k φ*_k z^k = (1 − φ₁ z − … − φ_p z^p)(1 − Φ₁ z^s − … − Φ_P z^{sP})
 *        φ*_k = φ_k + Φ_j [k = js] − Σ_{i + js = k} φ_i Φ_j
 *   MA:  1 + Σ_k θ*_k z^k = (1 + θ₁ z + … + θ_q z^q)(1 + Θ₁ z^s + … + Θ_Q z^{sQ})
 *        θ*_k = θ_k + Θ_j [k = js] + Σ_{i + js = k} θ_i Θ_j
 * </pre>
 *
 * for k = 1, …, p + sP (q + sQ). A coefficient that no parameter reaches is {@code null} (zero), so
 * that the matrices built from it keep their structural zeros; so may a_i be (sparse lags).
 */
final class LagPolynomial {

  private LagPolynomial() {}

  /** φ*_1 … φ*_{p+sP} of the product of the AR polynomials (null where structurally zero). */
  static Var[] autoregressive(Var[] phi, Var[] seasonalPhi, int s) {
    return product(phi, seasonalPhi, s, -1);
  }

  /** θ*_1 … θ*_{q+sQ} of the product of the MA polynomials (null where structurally zero). */
  static Var[] movingAverage(Var[] theta, Var[] seasonalTheta, int s) {
    return product(theta, seasonalTheta, s, +1);
  }

  /**
   * c_k = a_k + A_j [k = js] + sign · Σ_{i + js = k} a_i A_j, k = 1 … n + sN.
   *
   * @param a a_1 … a_n (1 × 1 each, null for a lag without a coefficient)
   * @param seasonal A_1 … A_N (1 × 1 each), coefficients of z^s, …, z^{sN}
   */
  private static Var[] product(Var[] a, Var[] seasonal, int s, int sign) {
    int degree = a.length + s * seasonal.length;
    Var[] c = new Var[degree];
    for (int i = 1; i <= a.length; i++) {
      if (a[i - 1] != null) {
        c[i - 1] = add(c[i - 1], a[i - 1]);
      }
    }
    for (int j = 1; j <= seasonal.length; j++) {
      c[j * s - 1] = add(c[j * s - 1], seasonal[j - 1]);
      for (int i = 1; i <= a.length; i++) {
        if (a[i - 1] == null) {
          continue;
        }
        Var cross = a[i - 1].mul(seasonal[j - 1]);
        int k = i + j * s;
        c[k - 1] = sign > 0 ? add(c[k - 1], cross) : subtract(c[k - 1], cross);
      }
    }
    return c;
  }

  private static Var add(Var sum, Var term) {
    return sum == null ? term : sum.add(term);
  }

  private static Var subtract(Var sum, Var term) {
    return sum == null ? term.neg() : sum.sub(term);
  }
}
