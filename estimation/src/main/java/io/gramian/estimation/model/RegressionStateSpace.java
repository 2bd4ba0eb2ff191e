package io.gramian.estimation.model;

import io.gramian.kalman.ForwardingStateSpace;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import org.ejml.data.DMatrixRMaj;

/**
 * A univariate system whose observation row carries the regressors of step t in the columns of the
 * regression states (shared by the structural and the SARIMA models):
 *
 * <pre>
 *   H_t = H + x_tᵀ E,    E = [0 … 0 I_k 0 …] placing x_t at the regression states
 * </pre>
 *
 * Everything else is the time-invariant base system. The loadings are data, not parameters, so the
 * parameters still enter only the base matrices (as {@code StateSpaceModel.system} requires). The
 * rows H_t are built once, when the view is made; every other matrix is forwarded to the base.
 */
public final class RegressionStateSpace extends ForwardingStateSpace {

  private final StateSpaceSystem base;
  private final DMatrixRMaj[] H;

  /**
   * @param exog T × k regressors. Not modified.
   * @param offset index of the first regression state
   */
  public RegressionStateSpace(StateSpaceSystem base, DMatrixRMaj exog, int offset) {
    this.base = base;
    int steps = exog.numRows;
    int k = exog.numCols;
    H = new DMatrixRMaj[steps];
    for (int t = 0; t < steps; t++) {
      DMatrixRMaj row = base.H(0).copy();
      for (int j = 0; j < k; j++) {
        row.set(0, offset + j, row.get(0, offset + j) + exog.get(t, j));
      }
      H[t] = row;
    }
  }

  @Override
  protected StateSpace delegate() {
    return base;
  }

  @Override
  public DMatrixRMaj H(int t) {
    if (t < 0 || t >= H.length) {
      throw new IllegalArgumentException(
          "the observation matrix at step "
              + (t + 1)
              + " needs the regressors' values there,"
              + " and they are given for steps 1 to "
              + H.length);
    }
    return H[t];
  }

  /** False: H_t changes with t, though the base system's matrices do not. */
  @Override
  public boolean isTimeInvariant() {
    return false;
  }
}
