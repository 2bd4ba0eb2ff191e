package io.gramian.estimation.model;

import java.util.List;

/**
 * A model of p series observed together, y_t = H_t x_t + d_t + ε_t with y_t of length p: the data
 * are T × p, column j the series named {@code series().get(j)}. Row j of H_t x_t + d_t is series
 * j's signal, what the command line reports, plots and forecasts for each series: filtered, H_t
 * m_{t|t} + d_t with variance (H_t P_{t|t} H_tᵀ)_jj; smoothed, H_t m_{t|T} + d_t with (H_t P_{t|T}
 * H_tᵀ)_jj; one step ahead, H_t m_t + d_t with (H_t P_t H_tᵀ + R_t)_jj.
 */
public interface SeveralSeriesModel extends StateSpaceModel {

  /** The names of the p series, in the data's column order. */
  List<String> series();

  /**
   * What series j's signal H_j x_t + d_j is called in outputs ({@code signal.A}, the default): a
   * model whose signal is one of its states names it after that state ({@code level} for a local
   * level).
   */
  default String signalName() {
    return "signal";
  }

  /**
   * Whether the model takes regressors (the data's {@code exog} columns); those that do not are
   * given data without any.
   */
  default boolean takesRegressors() {
    return false;
  }

  /**
   * The states that drive several series at once, shown beside them (in the states CSV and the
   * plot): the common factors of a factor model. Indices into the state, in {@link #stateNames}
   * order; none by default.
   */
  default int[] commonStates() {
    return new int[0];
  }
}
