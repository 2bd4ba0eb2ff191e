package io.gramian.autodiff.tape;

import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriaAdjoint;

/**
 * One {@link Tria} and one {@link TriaAdjoint} per tape, shared by its {@code tria} operations and
 * grown (reallocated) only when a larger input than any before arrives.
 */
final class TriaWorkspace {

  private int maxRows;
  private int maxCols;
  private Tria tria;
  private TriaAdjoint adjoint;

  /** The decomposition workspace, large enough for an n × m input. */
  Tria tria(int n, int m) {
    grow(n, m);
    return tria;
  }

  /** The derivative workspace, large enough for an n × m input. */
  TriaAdjoint adjoint(int n, int m) {
    grow(n, m);
    return adjoint;
  }

  private void grow(int n, int m) {
    if (tria != null && n <= maxRows && m <= maxCols) {
      return;
    }
    maxRows = Math.max(maxRows, n);
    maxCols = Math.max(maxCols, m);
    tria = new Tria(maxRows, maxCols);
    adjoint = new TriaAdjoint(maxRows, maxCols);
  }
}
