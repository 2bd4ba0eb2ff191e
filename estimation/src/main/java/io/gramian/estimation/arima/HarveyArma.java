package io.gramian.estimation.arima;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;

/**
 * The ARMA block of the SARIMA state in Harvey's representation (Durbin and Koopman 2012 §3.4;
 * statsmodels' default), on the tape:
 *
 * <pre>
 *   a_{t+1} = F_a a_t + g ε_{t+1},   u_t = a_t[0],   ε ~ N(0, σ²)      F_a: r × r, g: r × 1
 *   F_a[i][0] = φ*_{i+1},  F_a[i][i+1] = 1          (zero elsewhere)
 *   g = (1, θ*_1, …, θ*_{r−1})ᵀ,   cholQ_a = σ g
 *   a_1 ~ N(0, P_a),   P_a = F_a P_a F_aᵀ + σ² g gᵀ  (cholP_a by StationaryFactor)
 * </pre>
 *
 * with r = max(p + sP, q + sQ + 1) and φ*, θ* the multiplied-out coefficients ({@link
 * LagPolynomial}). The matrices are kept as entries (null for a structural zero) so that the model
 * can place them in its larger system.
 */
final class HarveyArma {

  /** r, the number of ARMA states. */
  final int size;

  /** F_a as r·r entries in row-major order, null for zero. */
  final Var[] transition;

  /** σ g as r entries, null for zero. */
  final Var[] noise;

  /** A factor of the stationary covariance P_a, r × r. */
  final Var cholP;

  private HarveyArma(int size, Var[] transition, Var[] noise, Var cholP) {
    this.size = size;
    this.transition = transition;
    this.noise = noise;
    this.cholP = cholP;
  }

  /**
   * @param arStar φ*_1 … φ*_{p+sP} (null where zero)
   * @param maStar θ*_1 … θ*_{q+sQ} (null where zero)
   * @param sigma σ, 1 × 1
   * @param size r ≥ max(p + sP, q + sQ + 1)
   * @throws ArithmeticException when F_a is not stable (the AR polynomial is not stationary)
   */
  static HarveyArma of(Var[] arStar, Var[] maStar, Var sigma, int size) {
    Tape tape = sigma.tape();
    Var one = tape.constant(1);
    Var[] transition = new Var[size * size];
    for (int i = 0; i < size; i++) {
      if (i < arStar.length) {
        transition[i * size] = arStar[i];
      }
      if (i + 1 < size) {
        transition[i * size + i + 1] = one;
      }
    }
    Var[] noise = new Var[size];
    noise[0] = sigma;
    for (int i = 1; i < size && i - 1 < maStar.length; i++) {
      if (maStar[i - 1] != null) {
        noise[i] = sigma.mul(maStar[i - 1]);
      }
    }
    Var cholP =
        StationaryFactor.of(
            tape.fromEntries(size, size, transition), tape.fromEntries(size, 1, noise));
    return new HarveyArma(size, transition, noise, cholP);
  }
}
