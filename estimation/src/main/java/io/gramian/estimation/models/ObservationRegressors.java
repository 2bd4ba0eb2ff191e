package io.gramian.estimation.models;

import io.gramian.kalman.ForwardingStateSpace;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import org.ejml.data.DMatrixRMaj;

/**
 * A system of p series whose regression coefficients are constant states β = (β_1, …, β_p), β_j the
 * r coefficients of series j, from state {@code offset} on; H_t places the regressors x_t of step t
 * in their columns:
 *
 * <pre>
 *   H_t = H + E_t,   (E_t)_{j, offset + j r + l} = x_{t, l}      (H: the base system's, p × nx)
 * </pre>
 *
 * so row j of H_t x_t reads β_jᵀ x_t. The regressors are data, not parameters, so the parameters
 * stay in the base's time-invariant matrices (as {@code StateSpaceModel.system} requires). The rows
 * H_t are built once, when the view is made; past the data there are none (a forecast needs the
 * regressors' future values).
 */
final class ObservationRegressors extends ForwardingStateSpace {

  private final StateSpaceSystem base;
  private final DMatrixRMaj[] H;

  /**
   * @param exog T × r regressors. Not modified.
   * @param offset the first coefficient state
   */
  ObservationRegressors(StateSpaceSystem base, DMatrixRMaj exog, int offset) {
    this.base = base;
    int p = base.ny();
    int r = exog.numCols;
    H = new DMatrixRMaj[exog.numRows];
    for (int t = 0; t < H.length; t++) {
      DMatrixRMaj h = base.H(0).copy();
      for (int j = 0; j < p; j++) {
        for (int l = 0; l < r; l++) {
          h.set(j, offset + j * r + l, exog.get(t, l));
        }
      }
      H[t] = h;
    }
  }

  @Override
  protected StateSpace delegate() {
    return base;
  }

  /**
   * @throws IllegalArgumentException past the data: the regressors' future values are not known
   */
  @Override
  public DMatrixRMaj H(int t) {
    if (t >= H.length) {
      throw new IllegalArgumentException(
          "the regressors are known for "
              + H.length
              + " periods; step "
              + (t + 1)
              + " needs their future values");
    }
    return H[t];
  }

  @Override
  public boolean isTimeInvariant() {
    return false;
  }
}
