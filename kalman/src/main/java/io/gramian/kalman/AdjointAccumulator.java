package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * Where the reverse sweep adds the adjoints {@code ∂ℓ/∂(matrix entries)} of each step. The sweep
 * only ever adds (+=) into the matrices returned here. A time-invariant accumulator ({@link
 * SystemGradient}) returns the same matrices for every t and so sums over time; a time-varying
 * model returns per-step matrices, or pulls each step back to its parameters.
 *
 * <p>Shapes are those of the system: {@code FBar} nx × nx, {@code cBar} nx × 1, {@code HBar} ny ×
 * nx, {@code dBar} ny × 1, {@code cholQBar} nx × q, {@code cholRBar} ny × r, {@code m0Bar} nx × 1,
 * {@code cholP0Bar} nx × k, {@code cholPinfBar} nx × d.
 */
public interface AdjointAccumulator {

  /**
   * Whether the sweep must compute the adjoint of {@code matrix}. An accumulator may decline the
   * adjoints its caller discards (those of a matrix no parameter enters): the sweep then skips the
   * products that form them (for F, an nx × nx × (w + s) product per step) and leaves the matrix it
   * would add into unchanged. By default every adjoint is computed.
   */
  default boolean accumulates(SystemMatrix matrix) {
    return true;
  }

  /**
   * The entries of F whose adjoint the caller reads, as row-major indices {@code i · nx + j}, or
   * null for all of them (the default). The sweep then forms F̄ at these entries only, (w + s)
   * multiply-adds each instead of the nx × nx × (w + s) product per step, each to the bit what the
   * full product gives it, and leaves the others unchanged: an ARIMA's F has parameters in a few
   * entries of a large companion matrix. Consulted only when {@link #accumulates}(F).
   */
  default int[] FEntries() {
    return null;
  }

  /**
   * Whether the matrices returned are the same for every t, so that the adjoints are summed over
   * time ({@link SystemGradient}'s): the sweep may then add a {@link SteadyState} run's outer
   * products to F̄ and H̄ in groups, after the steps they belong to (docs/filter.md). Otherwise
   * (the default) each step's additions are complete before the sweep asks for an earlier step's
   * matrices.
   */
  default boolean sumsOverTime() {
    return false;
  }

  DMatrixRMaj FBar(int t);

  DMatrixRMaj cBar(int t);

  DMatrixRMaj HBar(int t);

  DMatrixRMaj dBar(int t);

  DMatrixRMaj cholQBar(int t);

  DMatrixRMaj cholRBar(int t);

  DMatrixRMaj m0Bar();

  DMatrixRMaj cholP0Bar();

  DMatrixRMaj cholPinfBar();
}
