package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A system's entries as one flat vector in the order F, c, H, d, cholQ, cholR, m0, cholP0, for
 * finite differences and directional checks.
 */
final class SystemVector {

  private SystemVector() {}

  static DMatrixRMaj[] parts(StateSpaceSystem s) {
    return new DMatrixRMaj[] {
      s.F(0), s.c(0), s.H(0), s.d(0), s.cholQ(0), s.cholR(0), s.m0(), s.cholP0()
    };
  }

  static double[] flatten(DMatrixRMaj[] parts) {
    int n = 0;
    for (DMatrixRMaj p : parts) {
      n += p.getNumElements();
    }
    double[] v = new double[n];
    int o = 0;
    for (DMatrixRMaj p : parts) {
      System.arraycopy(p.data, 0, v, o, p.getNumElements());
      o += p.getNumElements();
    }
    return v;
  }

  static double[] flatten(StateSpaceSystem s) {
    return flatten(parts(s));
  }

  /** The system with its entries replaced by {@code v}. */
  static StateSpaceSystem withEntries(StateSpaceSystem s, double[] v) {
    DMatrixRMaj[] parts = parts(s);
    DMatrixRMaj[] out = new DMatrixRMaj[parts.length];
    int o = 0;
    for (int i = 0; i < parts.length; i++) {
      out[i] = parts[i].copy();
      System.arraycopy(v, o, out[i].data, 0, out[i].getNumElements());
      o += out[i].getNumElements();
    }
    return new StateSpaceSystem(out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7]);
  }
}
