package io.gramian.kalman.testing;

import static io.gramian.autodiff.testing.Matrices.gram;

import io.gramian.kalman.StateSpace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The test oracle: a plain covariance-form Kalman filter, written as in a textbook and sharing no
 * code with the square-root filter.
 *
 * <pre>
 *   V_t = H P⁻ Hᵀ + R,  K = P⁻ Hᵀ V_t⁻¹,  m⁺ = m⁻ + K e,  P⁺ = P⁻ − K V_t Kᵀ
 *   ℓ_t = −½ (n_t log 2π + log det V_t + eᵀ V_t⁻¹ e);  m⁻' = F m⁺ + c,  P⁻' = F P⁺ Fᵀ + Q
 * </pre>
 *
 * over the observed entries of each y_t (n_t of them), with the system's matrices at each step t.
 */
public final class CovarianceFilter {

  /** Σ_t ℓ_t. */
  public final double logLikelihood;

  /** ℓ_t, one a step. */
  public final double[] terms;

  /** m⁻_t, nx × 1. */
  public final DMatrixRMaj[] predictedMean;

  /** P⁻_t, nx × nx. */
  public final DMatrixRMaj[] predictedCov;

  /** m⁺_t, nx × 1. */
  public final DMatrixRMaj[] filteredMean;

  /** P⁺_t, nx × nx. */
  public final DMatrixRMaj[] filteredCov;

  private CovarianceFilter(StateSpace s, DMatrixRMaj Y) {
    int T = Y.numRows;
    int nx = s.nx();
    int ny = s.ny();
    terms = new double[T];
    predictedMean = new DMatrixRMaj[T];
    predictedCov = new DMatrixRMaj[T];
    filteredMean = new DMatrixRMaj[T];
    filteredCov = new DMatrixRMaj[T];
    DMatrixRMaj m = s.m0().copy();
    DMatrixRMaj P = gram(s.cholP0());
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
        DMatrixRMaj H = s.H(t);
        DMatrixRMaj R = gram(s.cholR(t));
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
          double pred = s.d(t).get(obs[i]);
          for (int j = 0; j < nx; j++) {
            pred += H.get(obs[i], j) * m.get(j);
          }
          e.set(i, Y.get(t, obs[i]) - pred);
        }
        DMatrixRMaj PHt = CommonOps_DDRM.multTransB(P, Ho, null);
        DMatrixRMaj V = CommonOps_DDRM.mult(Ho, PHt, null);
        CommonOps_DDRM.addEquals(V, Ro);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(p);
        if (!lu.setA(V.copy())) {
          throw new ArithmeticException("oracle: singular innovation covariance at step " + t);
        }
        DMatrixRMaj Ve = new DMatrixRMaj(p, 1);
        lu.solve(e, Ve);
        double quad = CommonOps_DDRM.dot(e, Ve);
        double logDet = Math.log(CommonOps_DDRM.det(V));
        terms[t] = -0.5 * (p * Math.log(2 * Math.PI) + logDet + quad);
        total += terms[t];
        // K = P Hᵀ V⁻¹  ⇔  Kᵀ = V⁻¹ H P
        DMatrixRMaj Kt = new DMatrixRMaj(p, nx);
        lu.solve(CommonOps_DDRM.transpose(PHt, null), Kt);
        DMatrixRMaj K = CommonOps_DDRM.transpose(Kt, null);
        CommonOps_DDRM.multAdd(K, e, m);
        DMatrixRMaj KV = CommonOps_DDRM.mult(K, V, null);
        DMatrixRMaj KVKt = CommonOps_DDRM.multTransB(KV, K, null);
        CommonOps_DDRM.subtractEquals(P, KVKt);
      }
      filteredMean[t] = m.copy();
      filteredCov[t] = P.copy();
      if (t < T - 1) {
        DMatrixRMaj mNext = CommonOps_DDRM.mult(s.F(t), m, null);
        CommonOps_DDRM.addEquals(mNext, s.c(t));
        DMatrixRMaj FP = CommonOps_DDRM.mult(s.F(t), P, null);
        DMatrixRMaj PNext = CommonOps_DDRM.multTransB(FP, s.F(t), null);
        CommonOps_DDRM.addEquals(PNext, gram(s.cholQ(t)));
        m = mNext;
        P = PNext;
      }
    }
    logLikelihood = total;
  }

  /** The oracle on the system s (time-varying or not) and data Y (T × ny, NaN where missing). */
  public static CovarianceFilter of(StateSpace s, DMatrixRMaj Y) {
    return new CovarianceFilter(s, Y);
  }
}
