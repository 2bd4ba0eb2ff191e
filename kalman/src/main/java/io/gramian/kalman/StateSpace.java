package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A linear Gaussian state-space system, asked for its matrices one step at a time:
 *
 * <pre>
 *   x_{t+1} = F_t x_t + c_t + w_t,   w_t ~ N(0, cholQ_t cholQ_tᵀ)    F: nx × nx, cholQ: nx × q
 *   y_t     = H_t x_t + d_t + v_t,   v_t ~ N(0, cholR_t cholR_tᵀ)    H: ny × nx, cholR: ny × r
 *   x_0     = m0 + cholPinf δ + cholP0 η,   η ~ N(0, I),  δ diffuse     cholP0: nx × k
 *                                                                     cholPinf: nx × d
 * </pre>
 *
 * with steps {@code t = 0, …, T − 1} and {@code m0, cholP0, cholPinf} the state at the first step
 * before its observation is seen. The diffuse part (P₁ = κ P∞ + P*, κ → ∞, with {@code P∞ =
 * cholPinf cholPinfᵀ} and {@code P* = cholP0 cholP0ᵀ}) gives the exact diffuse log-likelihood of
 * Durbin and Koopman; {@code d = 0} (the default) is an ordinary proper initial state. The factors
 * may have any number of columns and any rank (zero columns, singular noise, a zero initial factor
 * are all legal). Vectors {@code c, d, m0} are column matrices.
 *
 * <p>The filter asks for each step's matrices when it reaches that step and does not keep them, so
 * a time-varying system never has to materialise its whole series; returning the same instances at
 * every step is expected of a time-invariant one. Returned matrices are not modified by the filter.
 * Dimensions {@code nx, ny, q, r, k} are fixed over time.
 */
public interface StateSpace {

  /** State dimension nx. */
  int nx();

  /** Observation dimension ny. */
  int ny();

  /** Columns q of the state-noise factor. */
  int q();

  /** Columns r of the observation-noise factor. */
  int r();

  /** Columns k of the initial factor. */
  int k();

  /** Transition F_t, nx × nx, used to predict from step t to t + 1. */
  DMatrixRMaj F(int t);

  /** State intercept c_t, nx × 1. */
  DMatrixRMaj c(int t);

  /** Observation matrix H_t, ny × nx. */
  DMatrixRMaj H(int t);

  /** Observation intercept d_t, ny × 1. */
  DMatrixRMaj d(int t);

  /** State-noise factor cholQ_t, nx × q. */
  DMatrixRMaj cholQ(int t);

  /** Observation-noise factor cholR_t, ny × r. */
  DMatrixRMaj cholR(int t);

  /** Initial mean m0, nx × 1. */
  DMatrixRMaj m0();

  /** Initial factor cholP0, nx × k. */
  DMatrixRMaj cholP0();

  /**
   * Number of exactly diffuse initial directions, the columns of {@link #cholPinf()} (0 unless
   * overridden). Named apart from the observation intercept {@link #d(int)}.
   */
  default int diffuseRank() {
    return 0;
  }

  /**
   * Diffuse directions cholPinf, nx × d: {@code P∞ = cholPinf cholPinfᵀ}. The default is an nx × 0
   * matrix.
   */
  default DMatrixRMaj cholPinf() {
    return new DMatrixRMaj(nx(), 0);
  }

  /** True when every step returns the same matrices (lets results sum adjoints over time). */
  default boolean isTimeInvariant() {
    return false;
  }
}
