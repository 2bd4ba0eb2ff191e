package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/** {@link SystemVector} extended with the diffuse directions cholPinf (last). */
final class DiffuseVector {

  private DiffuseVector() {}

  static DMatrixRMaj[] parts(StateSpaceSystem s) {
    return new DMatrixRMaj[] {
      s.F(0), s.c(0), s.H(0), s.d(0), s.cholQ(0), s.cholR(0), s.m0(), s.cholP0(), s.cholPinf()
    };
  }

  static double[] flatten(StateSpaceSystem s) {
    return SystemVector.flatten(parts(s));
  }

  static StateSpaceSystem withEntries(StateSpaceSystem s, double[] v) {
    DMatrixRMaj[] parts = parts(s);
    DMatrixRMaj[] out = new DMatrixRMaj[parts.length];
    int o = 0;
    for (int i = 0; i < parts.length; i++) {
      out[i] = parts[i].copy();
      System.arraycopy(v, o, out[i].data, 0, out[i].getNumElements());
      o += out[i].getNumElements();
    }
    return new StateSpaceSystem(
        out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8]);
  }
}
