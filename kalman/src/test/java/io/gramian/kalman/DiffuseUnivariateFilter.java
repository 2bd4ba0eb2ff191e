package io.gramian.kalman;

import io.gramian.autodiff.testing.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Test oracle for the exact diffuse log-likelihood of a time-invariant system with several
 * observations per step and a diagonal R: Durbin and Koopman's exact initial filter (2012, §5.2) in
 * covariance form, each step's observed entries taken one at a time (their univariate treatment,
 * §6.4). For observation i with row h of H:
 *
 * <pre>
 *   F∞ = h P∞ hᵀ,  F* = h P* hᵀ + R_ii,  M∞ = P∞ hᵀ,  M* = P* hᵀ,  v = y_i − h a − d_i
 *   F∞ > 0:  a += M∞ v / F∞,  P∞ −= M∞ M∞ᵀ / F∞,
 *            P* += M∞ M∞ᵀ F* / F∞² − (M* M∞ᵀ + M∞ M*ᵀ) / F∞,   ℓ += −½ (log 2π + log F∞)
 *   F∞ = 0:  a += M* v / F*,  P* −= M* M*ᵀ / F*,               ℓ += −½ (log 2π + log F* + v²/F*)
 *   predict: a = F a + c,  P∞ = F P∞ Fᵀ,  P* = F P* Fᵀ + Q
 * </pre>
 *
 * F* may be zero where F∞ is not (no noise and no proper variance in that observation): the first
 * branch never divides by F*. Shares no code with the square-root filter.
 */
final class DiffuseUnivariateFilter {

  /**
   * F∞ at or below this fraction of the largest ‖h‖² ‖P∞‖ seen so far counts as zero: its exact
   * value is 0 or of the order of that scale, while rounding in the P∞ recursion leaves about 1e-15
   * of it.
   */
  private static final double ZERO_F_INFINITY = 1e-9;

  final double logLikelihood;

  DiffuseUnivariateFilter(StateSpaceSystem s, DMatrixRMaj Y) {
    DMatrixRMaj R = Matrices.gram(s.cholR(0));
    for (int i = 0; i < s.ny(); i++) {
      for (int j = 0; j < s.ny(); j++) {
        if (i != j && R.get(i, j) != 0) {
          throw new IllegalArgumentException("the oracle takes a diagonal R");
        }
      }
    }
    DMatrixRMaj a = s.m0().copy();
    DMatrixRMaj Pstar = Matrices.gram(s.cholP0());
    DMatrixRMaj Pinf = Matrices.gram(s.cholPinf());
    DMatrixRMaj H = s.H(0);
    DMatrixRMaj Q = Matrices.gram(s.cholQ(0));
    double total = 0;
    double scale = 0;
    for (int t = 0; t < Y.numRows; t++) {
      for (int i = 0; i < s.ny(); i++) {
        double y = Y.get(t, i);
        if (Double.isNaN(y)) {
          continue;
        }
        DMatrixRMaj h = CommonOps_DDRM.extractRow(H, i, null);
        scale = Math.max(scale, CommonOps_DDRM.elementMaxAbs(Pinf) * CommonOps_DDRM.dot(h, h));
        DMatrixRMaj Minf = CommonOps_DDRM.multTransB(Pinf, h, null);
        DMatrixRMaj Mstar = CommonOps_DDRM.multTransB(Pstar, h, null);
        double Finf = CommonOps_DDRM.dot(h, Minf);
        double Fstar = CommonOps_DDRM.dot(h, Mstar) + R.get(i, i);
        double v = y - s.d(0).get(i) - CommonOps_DDRM.dot(h, a);
        if (Finf > ZERO_F_INFINITY * scale) {
          CommonOps_DDRM.addEquals(a, v / Finf, Minf);
          DMatrixRMaj MiMi = CommonOps_DDRM.multTransB(Minf, Minf, null);
          DMatrixRMaj MsMi = CommonOps_DDRM.multTransB(Mstar, Minf, null);
          CommonOps_DDRM.addEquals(Pinf, -1.0 / Finf, MiMi);
          CommonOps_DDRM.addEquals(Pstar, Fstar / (Finf * Finf), MiMi);
          CommonOps_DDRM.addEquals(Pstar, -1.0 / Finf, MsMi);
          CommonOps_DDRM.addEquals(Pstar, -1.0 / Finf, CommonOps_DDRM.transpose(MsMi, null));
          total += -0.5 * (Math.log(2 * Math.PI) + Math.log(Finf));
        } else if (Fstar > 0) {
          CommonOps_DDRM.addEquals(a, v / Fstar, Mstar);
          CommonOps_DDRM.addEquals(
              Pstar, -1.0 / Fstar, CommonOps_DDRM.multTransB(Mstar, Mstar, null));
          total += -0.5 * (Math.log(2 * Math.PI) + Math.log(Fstar) + v * v / Fstar);
        } else {
          throw new IllegalStateException("F∞ = F* = 0 at step " + t + ", observation " + i);
        }
      }
      DMatrixRMaj F = s.F(0);
      DMatrixRMaj an = CommonOps_DDRM.mult(F, a, null);
      CommonOps_DDRM.addEquals(an, s.c(0));
      a = an;
      Pinf = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(F, Pinf, null), F, null);
      DMatrixRMaj Ps = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(F, Pstar, null), F, null);
      CommonOps_DDRM.addEquals(Ps, Q);
      Pstar = Ps;
    }
    logLikelihood = total;
  }
}
