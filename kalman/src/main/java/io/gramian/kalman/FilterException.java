package io.gramian.kalman;

/**
 * A filter computation that cannot be carried out, for example an innovation covariance that is
 * singular at some step. The message names the time step (counted from 1, as data rows are).
 */
public final class FilterException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int step;

  /**
   * @param step zero-based time step; the message shows it one-based
   */
  public FilterException(int step, String message) {
    super("time step " + (step + 1) + ": " + message);
    this.step = step;
  }

  /** The zero-based time step at which the filter stopped. */
  public int step() {
    return step;
  }
}
