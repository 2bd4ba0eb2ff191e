package io.gramian.estimation.arima;

import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import org.ejml.data.DMatrixRMaj;

/**
 * A time-invariant system whose observation row also reads regressors from the data:
 *
 * <pre>
 *   H_t = H + [0, …, 0, x_tᵀ]        x_t: the regressors at step t (k values),
 *                                    in the last k columns of H (nx ≥ k)
 * </pre>
 *
 * The regression coefficients are the last k states, constant (no noise) and known at the start
 * (they are the initial mean), so {@code H_t x_t} adds {@code x_t β}. Everything else is the
 * base system's; the parameters enter only through it, so summing the filter's adjoints over
 * time gives their gradient. H_t is precomputed for every step.
 */
final class RegressionSystem implements StateSpace {

  private final StateSpaceSystem base;
  private final DMatrixRMaj[] H;

  /**
   * @param exog T × k regressors; not modified
   */
  RegressionSystem(StateSpaceSystem base, DMatrixRMaj exog) {
    this.base = base;
    int nx = base.nx();
    int k = exog.numCols;
    H = new DMatrixRMaj[exog.numRows];
    for (int t = 0; t < H.length; t++) {
      H[t] = base.H(t).copy();
      for (int j = 0; j < k; j++) {
        H[t].set(0, nx - k + j, exog.get(t, j));
      }
    }
  }

  @Override
  public int nx() {
    return base.nx();
  }

  @Override
  public int ny() {
    return base.ny();
  }

  @Override
  public int q() {
    return base.q();
  }

  @Override
  public int r() {
    return base.r();
  }

  @Override
  public int k() {
    return base.k();
  }

  @Override
  public DMatrixRMaj F(int t) {
    return base.F(t);
  }

  @Override
  public DMatrixRMaj c(int t) {
    return base.c(t);
  }

  /**
   * @throws IllegalArgumentException beyond the data: the regressors' future values are needed
   */
  @Override
  public DMatrixRMaj H(int t) {
    if (t < 0 || t >= H.length) {
      throw new IllegalArgumentException(
          "the observation matrix at step " + (t + 1) + " needs the regressors' values there, "
              + "and they are given for steps 1 to " + H.length);
    }
    return H[t];
  }

  @Override
  public DMatrixRMaj d(int t) {
    return base.d(t);
  }

  @Override
  public DMatrixRMaj cholQ(int t) {
    return base.cholQ(t);
  }

  @Override
  public DMatrixRMaj cholR(int t) {
    return base.cholR(t);
  }

  @Override
  public DMatrixRMaj m0() {
    return base.m0();
  }

  @Override
  public DMatrixRMaj cholP0() {
    return base.cholP0();
  }

  @Override
  public int d() {
    return base.d();
  }

  @Override
  public DMatrixRMaj cholPinf() {
    return base.cholPinf();
  }
}
