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
