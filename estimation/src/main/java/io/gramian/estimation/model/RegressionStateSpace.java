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
  private final DMatrixRMaj exog;
  private final int offset;
  private final DMatrixRMaj[] H;

  /**
   * @param exog T × k regressors. Not modified.
   * @param offset index of the first regression state
   */
  public RegressionStateSpace(StateSpaceSystem base, DMatrixRMaj exog, int offset) {
    this.base = base;
    this.exog = exog.copy();
    this.offset = offset;
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

  /** k, the number of regressors. */
  public int regressors() {
    return exog.numCols;
  }

  /** The number of steps whose regressors are given (the rows of x). */
  public int steps() {
    return exog.numRows;
  }

  /**
   * This system with the regressors continued past its last step: rows 0 … T − 1 of x are this
   * system's, rows T … T + H − 1 those of {@code future}, so that a forecast of H steps past the
   * data finds H_t at every step it asks for.
   *
   * @param future H × k regressors of the steps after the data. Not modified.
   * @throws IllegalArgumentException if {@code future} does not have k columns or a value is not
   *     finite
   */
  public RegressionStateSpace continuedWith(DMatrixRMaj future) {
    int k = exog.numCols;
    if (future.numCols != k) {
      throw new IllegalArgumentException(
          "the model has "
              + k
              + " regressor"
              + (k == 1 ? "" : "s")
              + " but the future values have "
              + future.numCols
              + " column"
              + (future.numCols == 1 ? "" : "s"));
    }
    int steps = exog.numRows;
    DMatrixRMaj continued = new DMatrixRMaj(steps + future.numRows, k);
    System.arraycopy(exog.data, 0, continued.data, 0, steps * k);
    for (int h = 0; h < future.numRows; h++) {
      for (int j = 0; j < k; j++) {
        double v = future.get(h, j);
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "future value "
                  + (h + 1)
                  + " of regressor "
                  + (j + 1)
                  + " is "
                  + v
                  + "; the regressors' future values must be finite");
        }
        continued.set(steps + h, j, v);
      }
    }
    return new RegressionStateSpace(base, continued, offset);
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
