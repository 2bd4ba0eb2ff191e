package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A system's entries as one flat vector, matrix by matrix in the order of {@link SystemMatrix} (F,
 * c, H, d, cholQ, cholR, m0, cholP0, cholPinf; cholPinf is nx × 0 without diffuse directions), for
 * finite differences and directional checks. A gradient's adjoints flatten in the same order.
 */
final class SystemVector {

  private SystemVector() {}

  static double[] flatten(SystemMatrices<DMatrixRMaj> matrices) {
    int n = 0;
    for (SystemMatrix m : SystemMatrix.values()) {
      n += matrices.get(m).getNumElements();
    }
    double[] v = new double[n];
    int o = 0;
    for (SystemMatrix m : SystemMatrix.values()) {
      DMatrixRMaj p = matrices.get(m);
      System.arraycopy(p.data, 0, v, o, p.getNumElements());
      o += p.getNumElements();
    }
    return v;
  }

  static double[] flatten(StateSpaceSystem s) {
    return flatten(s.matrices());
  }

  static double[] flatten(SystemGradient g) {
    return flatten(g.matrices());
  }

  /** The system with its entries replaced by {@code v}. */
  static StateSpaceSystem withEntries(StateSpaceSystem s, double[] v) {
    int[] offset = {0};
    SystemMatrices<DMatrixRMaj> moved =
        s.matrices()
            .map(
                (m, value) -> {
                  DMatrixRMaj copy = value.copy();
                  System.arraycopy(v, offset[0], copy.data, 0, copy.getNumElements());
                  offset[0] += copy.getNumElements();
                  return copy;
                });
    return new StateSpaceSystem(moved);
  }
}
