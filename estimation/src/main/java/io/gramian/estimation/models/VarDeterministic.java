package io.gramian.estimation.models;

import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.ForwardingStateSpace;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import org.ejml.data.DMatrixRMaj;

/**
 * The deterministic regressors of a {@link VectorAutoregression} with a time trend or regressors,
 * observation by observation, and the time-varying system they make:
 *
 * <pre>
 *   d_s = (1 [constant], s + 1 [time trend], x_s [regressors])      observation s = 0, 1, …
 *   x_t = (z_t, β),  β the equations' coefficients of d, per equation, carried as constant states
 *   F_t = [[F₀, G_t], [0, I]],  (G_t β)_j = β_jᵀ d_{t+1} in the rows of y_{t+1}, 0 elsewhere
 * </pre>
 *
 * so y_{t+1} = β_jᵀ d_{t+1} + A_1 y_t + … as statsmodels' VARMAX puts the trend and {@code exog}
 * into its state intercept. G_t holds data only: the parameters enter the time-invariant F₀, cholQ
 * and the initial state (β's mean), as {@code StateSpaceModel.system} requires.
 */
final class VarDeterministic {

  private final VectorAutoregression.Trend trend;
  private final DMatrixRMaj exog; // T × r, or null
  private final int steps; // T

  VarDeterministic(VectorAutoregression.Trend trend, ModelData data, int regressors) {
    this.trend = trend;
    this.steps = data.y().numRows;
    if (regressors > 0) {
      DMatrixRMaj x = data.exog();
      if (x == null || x.numCols != regressors || x.numRows != data.y().numRows) {
        throw new IllegalArgumentException(
            "the VARMAX has "
                + regressors
                + " regressor"
                + (regressors == 1 ? "" : "s")
                + " but the data carry "
                + (x == null ? 0 : x.numCols));
      }
      this.exog = x;
    } else {
      this.exog = null;
    }
  }

  /** Values per equation: the trend terms, then the regressors. */
  int terms() {
    return trend.terms() + (exog == null ? 0 : exog.numCols);
  }

  /**
   * d_s into {@code out}.
   *
   * @throws IllegalArgumentException when s is past the data and the model has regressors (their
   *     future values are not known)
   */
  void row(int s, double[] out) {
    int i = 0;
    if (trend.hasConstant()) {
      out[i++] = 1.0;
    }
    if (trend.hasTime()) {
      out[i++] = s + 1.0;
    }
    if (exog != null) {
      if (s >= exog.numRows) {
        throw new IllegalArgumentException(
            "the VARMAX's regressors are known for "
                + exog.numRows
                + " periods; forecasting past them needs their future values");
      }
      for (int j = 0; j < exog.numCols; j++) {
        out[i++] = exog.get(s, j);
      }
    }
  }

  /** The system whose F_t carries G_t (base: F = [[F₀, 0], [0, I]]). */
  StateSpace system(StateSpaceSystem base, int series, int varmaStates) {
    return new View(base, series, varmaStates);
  }

  /** F_t built once per step of the data (and on demand past it, for forecasts). */
  private final class View extends ForwardingStateSpace {
    private final StateSpaceSystem base;
    private final int series;
    private final int varmaStates;
    private final DMatrixRMaj[] transitions;

    View(StateSpaceSystem base, int series, int varmaStates) {
      this.base = base;
      this.series = series;
      this.varmaStates = varmaStates;
      transitions = new DMatrixRMaj[Math.max(steps - 1, 0)];
      for (int t = 0; t < transitions.length; t++) {
        transitions[t] = transition(t);
      }
    }

    @Override
    protected StateSpace delegate() {
      return base;
    }

    @Override
    public DMatrixRMaj F(int t) {
      return t < transitions.length ? transitions[t] : transition(t);
    }

    @Override
    public boolean isTimeInvariant() {
      return false;
    }

    private DMatrixRMaj transition(int t) {
      DMatrixRMaj F = base.F(0).copy();
      int terms = terms();
      double[] d = new double[terms];
      row(t + 1, d);
      for (int j = 0; j < series; j++) {
        for (int i = 0; i < terms; i++) {
          F.set(j, varmaStates + j * terms + i, d[i]);
        }
      }
      return F;
    }
  }
}
