package io.gramian.estimation.optim;

/** Receives one call per BFGS iteration: for a progress display, never for control. */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called at the starting point (iteration 0) and after every accepted step.
   *
   * @param iteration the number of accepted steps so far
   * @param value f at the current point
   * @param gradientNorm ‖∇f‖_∞ at the current point
   */
  void onIteration(int iteration, double value, double gradientNorm);

  /** A listener that ignores every call. */
  static ProgressListener silent() {
    return (iteration, value, gradientNorm) -> {};
  }
}
