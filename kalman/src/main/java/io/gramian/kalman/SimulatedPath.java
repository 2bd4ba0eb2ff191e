package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * One simulated path of a state-space system, an immutable value: the states {@code x_t} (T × nx,
 * row t is x_t) and the observations {@code y_t} (T × ny, row t is y_t), for {@code t = 0 … T − 1}.
 * Produced by {@link Simulator}.
 */
public final class SimulatedPath {

  private final DMatrixRMaj states;
  private final DMatrixRMaj observations;

  /** Takes ownership of the matrices. */
  SimulatedPath(DMatrixRMaj states, DMatrixRMaj observations) {
    this.states = states;
    this.observations = observations;
  }

  /** Number of time steps T. */
  public int steps() {
    return states.numRows;
  }

  public int nx() {
    return states.numCols;
  }

  public int ny() {
    return observations.numCols;
  }

  /** The states, T × nx (a copy). */
  public DMatrixRMaj states() {
    return states.copy();
  }

  /** The observations, T × ny, without missing values (a copy). */
  public DMatrixRMaj observations() {
    return observations.copy();
  }
}
