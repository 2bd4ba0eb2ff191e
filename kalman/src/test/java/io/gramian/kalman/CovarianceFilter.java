package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The test oracle: a plain covariance-form Kalman filter, written as in a textbook and sharing no
 * code with the square-root filter.
 *
 * <pre>
 *   F_t = H P⁻ Hᵀ + R,  K = P⁻ Hᵀ F_t⁻¹,  m⁺ = m⁻ + K e,  P⁺ = P⁻ − K F_t Kᵀ
 *   ℓ_t = −½ (n_t log 2π + log det F_t + eᵀ F_t⁻¹ e);  m⁻ = F m⁺ + c,  P⁻ = F P⁺ Fᵀ + Q
 * </pre>
 */
final class CovarianceFilter {

  final double logLikelihood;
  final double[] terms;
  final DMatrixRMaj[] predictedMean;
  final DMatrixRMaj[] predictedCov;
  final DMatrixRMaj[] filteredMean;
  final DMatrixRMaj[] filteredCov;

  CovarianceFilter(
      DMatrixRMaj F,
      DMatrixRMaj c,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj Q,
      DMatrixRMaj R,
      DMatrixRMaj m0,
      DMatrixRMaj P0,
      DMatrixRMaj Y) {
    int T = Y.numRows;
    int nx = F.numRows;
    int ny = H.numRows;
    terms = new double[T];
    predictedMean = new DMatrixRMaj[T];
    predictedCov = new DMatrixRMaj[T];
    filteredMean = new DMatrixRMaj[T];
    filteredCov = new DMatrixRMaj[T];
    DMatrixRMaj m = m0.copy();
    DMatrixRMaj P = P0.copy();
    double total = 0;
    for (int t = 0; t < T; t++) {
      predictedMean[t] = m.copy();
      predictedCov[t] = P.copy();
      int[] obs = new int[ny];
      int p = 0;
      for (int j = 0; j < ny; j++) {
        if (!Double.isNaN(Y.get(t, j))) {
          obs[p++] = j;
        }
      }
      if (p > 0) {
        DMatrixRMaj Ho = new DMatrixRMaj(p, nx);
        DMatrixRMaj Ro = new DMatrixRMaj(p, p);
        DMatrixRMaj e = new DMatrixRMaj(p, 1);
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < nx; j++) {
            Ho.set(i, j, H.get(obs[i], j));
          }
          for (int j = 0; j < p; j++) {
            Ro.set(i, j, R.get(obs[i], obs[j]));
          }
          double pred = d.get(obs[i]);
          for (int j = 0; j < nx; j++) {
            pred += H.get(obs[i], j) * m.get(j);
          }
          e.set(i, Y.get(t, obs[i]) - pred);
        }
        DMatrixRMaj PHt = CommonOps_DDRM.multTransB(P, Ho, null);
        DMatrixRMaj S = CommonOps_DDRM.mult(Ho, PHt, null);
        CommonOps_DDRM.addEquals(S, Ro);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(p);
        if (!lu.setA(S.copy())) {
          throw new ArithmeticException("oracle: singular innovation covariance at step " + t);
        }
        DMatrixRMaj Se = new DMatrixRMaj(p, 1);
        lu.solve(e, Se);
        double quad = CommonOps_DDRM.dot(e, Se);
        double logDet = Math.log(CommonOps_DDRM.det(S));
        terms[t] = -0.5 * (p * Math.log(2 * Math.PI) + logDet + quad);
        total += terms[t];
        // K = P Hᵀ S⁻¹  ⇔  Kᵀ = S⁻¹ H P
        DMatrixRMaj Kt = new DMatrixRMaj(p, nx);
        lu.solve(CommonOps_DDRM.transpose(PHt, null), Kt);
        DMatrixRMaj K = CommonOps_DDRM.transpose(Kt, null);
        CommonOps_DDRM.multAdd(K, e, m);
        DMatrixRMaj KS = CommonOps_DDRM.mult(K, S, null);
        DMatrixRMaj KSKt = CommonOps_DDRM.multTransB(KS, K, null);
        CommonOps_DDRM.subtractEquals(P, KSKt);
      }
      filteredMean[t] = m.copy();
      filteredCov[t] = P.copy();
      if (t < T - 1) {
        DMatrixRMaj mNext = CommonOps_DDRM.mult(F, m, null);
        CommonOps_DDRM.addEquals(mNext, c);
        DMatrixRMaj FP = CommonOps_DDRM.mult(F, P, null);
        DMatrixRMaj PNext = CommonOps_DDRM.multTransB(FP, F, null);
        CommonOps_DDRM.addEquals(PNext, Q);
        m = mNext;
        P = PNext;
      }
    }
    logLikelihood = total;
  }

  /** The oracle on a system given by its factors. */
  static CovarianceFilter of(StateSpaceSystem s, DMatrixRMaj Y) {
    return new CovarianceFilter(
        s.F(0),
        s.c(0),
        s.H(0),
        s.d(0),
        gram(s.cholQ(0)),
        gram(s.cholR(0)),
        s.m0(),
        gram(s.cholP0()),
        Y);
  }

  static DMatrixRMaj gram(DMatrixRMaj S) {
    return CommonOps_DDRM.multTransB(S, S, null);
  }
}
