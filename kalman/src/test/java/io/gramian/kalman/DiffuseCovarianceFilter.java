package io.gramian.kalman;

import io.gramian.autodiff.testing.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Test oracle for the exact diffuse log-likelihood: Durbin and Koopman's exact initial Kalman
 * filter (2012, §5.2, in the filtered form statsmodels uses), covariance form, for one observation
 * per step. P₁ = κ P∞ + P*, κ → ∞:
 *
 * <pre>
 *   F∞ = H P∞ Hᵀ,  F* = H P* Hᵀ + R,  M∞ = P∞ Hᵀ,  M* = P* Hᵀ,  v = y − H a − d
 *   F∞ > 0:  a += M∞ v / F∞,  P∞ −= M∞ M∞ᵀ / F∞,
 *            P* += M∞ M∞ᵀ F* / F∞² − (M* M∞ᵀ + M∞ M*ᵀ) / F∞,   ℓ_t = −½ (log 2π + log F∞)
 *   F∞ = 0:  a += M* v / F*,  P* −= M* M*ᵀ / F*,               ℓ_t = −½ (log 2π + log F* + v²/F*)
 *   predict: a = F a + c,  P∞ = F P∞ Fᵀ,  P* = F P* Fᵀ + Q
 * </pre>
 *
 * Shares no code with the square-root filter.
 */
final class DiffuseCovarianceFilter {

  /**
   * F∞ at or below this fraction of the largest ‖H‖² ‖P∞‖ seen so far counts as zero: its exact
   * value is 0 or of the order of that scale, while rounding in the P∞ recursion leaves about 1e-15
   * of it.
   */
  private static final double ZERO_F_INFINITY = 1e-9;

  final double logLikelihood;
  final double[] terms;
  final double[] filteredMean;
  final double[] filteredVariance;

  DiffuseCovarianceFilter(StateSpaceSystem s, DMatrixRMaj Y) {
    if (s.ny() != 1) {
      throw new IllegalArgumentException("the oracle takes one observation per step");
    }
    int T = Y.numRows;
    terms = new double[T];
    filteredMean = new double[T];
    filteredVariance = new double[T];
    DMatrixRMaj a = s.m0().copy();
    DMatrixRMaj Pstar = Matrices.gram(s.cholP0());
    DMatrixRMaj Pinf = Matrices.gram(s.cholPinf());
    DMatrixRMaj H = s.H(0);
    DMatrixRMaj Q = Matrices.gram(s.cholQ(0));
    double R = Matrices.gram(s.cholR(0)).get(0, 0);
    double total = 0;
    double scale = 0;
    for (int t = 0; t < T; t++) {
      scale = Math.max(scale, CommonOps_DDRM.elementMaxAbs(Pinf) * CommonOps_DDRM.dot(H, H));
      double y = Y.get(t, 0);
      if (!Double.isNaN(y)) {
        DMatrixRMaj Minf = CommonOps_DDRM.multTransB(Pinf, H, null);
        DMatrixRMaj Mstar = CommonOps_DDRM.multTransB(Pstar, H, null);
        double Finf = CommonOps_DDRM.dot(H, CommonOps_DDRM.transpose(Minf, null));
        double Fstar = CommonOps_DDRM.dot(H, CommonOps_DDRM.transpose(Mstar, null)) + R;
        double v = y - s.d(0).get(0);
        for (int j = 0; j < s.nx(); j++) {
          v -= H.get(0, j) * a.get(j);
        }
        if (Finf > ZERO_F_INFINITY * scale) {
          CommonOps_DDRM.addEquals(a, v / Finf, Minf);
          DMatrixRMaj MiMi = CommonOps_DDRM.multTransB(Minf, Minf, null);
          DMatrixRMaj MsMi = CommonOps_DDRM.multTransB(Mstar, Minf, null);
          CommonOps_DDRM.addEquals(Pinf, -1.0 / Finf, MiMi);
          CommonOps_DDRM.addEquals(Pstar, Fstar / (Finf * Finf), MiMi);
          CommonOps_DDRM.addEquals(Pstar, -1.0 / Finf, MsMi);
          CommonOps_DDRM.addEquals(Pstar, -1.0 / Finf, CommonOps_DDRM.transpose(MsMi, null));
          terms[t] = -0.5 * (Math.log(2 * Math.PI) + Math.log(Finf));
        } else {
          CommonOps_DDRM.addEquals(a, v / Fstar, Mstar);
          CommonOps_DDRM.addEquals(
              Pstar, -1.0 / Fstar, CommonOps_DDRM.multTransB(Mstar, Mstar, null));
          terms[t] = -0.5 * (Math.log(2 * Math.PI) + Math.log(Fstar) + v * v / Fstar);
        }
        total += terms[t];
      }
      filteredMean[t] = a.get(0);
      filteredVariance[t] = Pstar.get(0, 0);
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
