package io.gramian.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * The factors of {@code L = tria(M)} that its derivatives need: {@code L} (n × n, lower
 * triangular, {@code diag(L) ≥ 0}) and {@code Q} (m × n) with {@code M = L Qᵀ}.
 *
 * <p>A mutable holder, so that a reverse sweep can keep one per step and refill it without
 * allocating.
 */
public final class TriaFactors {
  /** n × n lower-triangular factor. */
  public final DMatrixRMaj L;
  /** m × n factor with {@code M = L Qᵀ}. */
  public final DMatrixRMaj Q;

  /** Factors for an n × m input. */
  public TriaFactors(int n, int m) {
    L = new DMatrixRMaj(n, n);
    Q = new DMatrixRMaj(m, n);
  }

  /** Rows of M (and size of L). */
  public int n() {
    return L.numRows;
  }

  /** Columns of M. */
  public int m() {
    return Q.numRows;
  }
}
