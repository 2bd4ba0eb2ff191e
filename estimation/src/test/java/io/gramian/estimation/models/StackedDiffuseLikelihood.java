package io.gramian.estimation.models;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Test oracle: the exact diffuse log-likelihood of a time-invariant model whose every state is
 * exactly diffuse, written as one generalised least-squares problem over all observations at once,
 * in covariance form, sharing no code with any Kalman filter.
 *
 * <pre>
 *   x_1 = δ (diffuse),  x_{t+1} = T x_t + η_t,  η_t ~ N(0, Q),  y_t = Z x_t + ε_t,  ε_t ~ N(0, R)
 *   stacked: y = X δ + u,  X_t = Z T^{t−1}  (n × k, n = T·p, k = nx),  u ~ N(0, Σ),
 *   Σ_{ts} = Z T^{t−s} P_s Zᵀ + [t = s] R  (t ≥ s),  P_1 = 0,  P_{s+1} = T P_s Tᵀ + Q
 *   ℓ_d = lim_{κ→∞} ℓ_κ + (k/2) log κ   (δ ~ N(0, κ I); Durbin &amp; Koopman 2012 §7.2.2)
 *       = −½ [n log 2π + log|Σ| + log|Xᵀ Σ⁻¹ X| + eᵀ Σ⁻¹ e − eᵀ Σ⁻¹ X (Xᵀ Σ⁻¹ X)⁻¹ Xᵀ Σ⁻¹ e],
 *   e = y
 * </pre>
 *
 * since log|Σ + κ X Xᵀ| = log|Σ| + k log κ + log|Xᵀ Σ⁻¹ X| + O(1/κ). Needs Σ positive definite (no
 * series observed exactly) and no missing values; n is small in the tests (a few hundred).
 */
final class StackedDiffuseLikelihood {

  private StackedDiffuseLikelihood() {}

  /**
   * @param T nx × nx transition
   * @param Z p × nx design
   * @param Q nx × nx state disturbance covariance
   * @param R p × p observation noise covariance
   * @param y n × p observations, none missing
   */
  static double of(DMatrixRMaj T, DMatrixRMaj Z, DMatrixRMaj Q, DMatrixRMaj R, DMatrixRMaj y) {
    int steps = y.numRows;
    int p = y.numCols;
    int nx = T.numRows;
    int n = steps * p;
    DMatrixRMaj sigma = new DMatrixRMaj(n, n);
    DMatrixRMaj X = new DMatrixRMaj(n, nx);
    DMatrixRMaj power = CommonOps_DDRM.identity(nx); // T^{t}
    DMatrixRMaj P = new DMatrixRMaj(nx, nx); // P_s
    for (int s = 0; s < steps; s++) {
      CommonOps_DDRM.insert(CommonOps_DDRM.mult(Z, power, null), X, s * p, 0);
      power = CommonOps_DDRM.mult(T, power, null);
      DMatrixRMaj G = CommonOps_DDRM.multTransB(P, Z, null); // T^{t−s} P_s Zᵀ
      for (int t = s; t < steps; t++) {
        DMatrixRMaj block = CommonOps_DDRM.mult(Z, G, null);
        if (t == s) {
          CommonOps_DDRM.addEquals(block, R);
        }
        CommonOps_DDRM.insert(block, sigma, t * p, s * p);
        CommonOps_DDRM.insert(CommonOps_DDRM.transpose(block, null), sigma, s * p, t * p);
        G = CommonOps_DDRM.mult(T, G, null);
      }
      DMatrixRMaj next = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(T, P, null), T, null);
      CommonOps_DDRM.addEquals(next, Q);
      P = next;
    }
    DMatrixRMaj e = new DMatrixRMaj(n, 1);
    for (int t = 0; t < steps; t++) {
      for (int j = 0; j < p; j++) {
        e.set(t * p + j, 0, y.get(t, j));
      }
    }
    DMatrixRMaj L = cholesky(sigma, "Σ");
    DMatrixRMaj wX = lowerSolve(L, X); // L⁻¹ X
    DMatrixRMaj we = lowerSolve(L, e); // L⁻¹ e
    DMatrixRMaj A = CommonOps_DDRM.multTransA(wX, wX, null); // Xᵀ Σ⁻¹ X
    DMatrixRMaj b = CommonOps_DDRM.multTransA(wX, we, null); // Xᵀ Σ⁻¹ e
    DMatrixRMaj La = cholesky(A, "Xᵀ Σ⁻¹ X");
    DMatrixRMaj z = lowerSolve(La, b);
    double quadratic = CommonOps_DDRM.dot(we, we) - CommonOps_DDRM.dot(z, z);
    return -0.5 * (n * Math.log(2 * Math.PI) + logDet(L) + logDet(La) + quadratic);
  }

  private static DMatrixRMaj cholesky(DMatrixRMaj S, String what) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(S.numRows, true);
    if (!chol.decompose(S.copy())) {
      throw new IllegalArgumentException(what + " is not positive definite");
    }
    return chol.getT(null);
  }

  /** 2 Σ log L_ii = log |L Lᵀ|. */
  private static double logDet(DMatrixRMaj L) {
    double sum = 0;
    for (int i = 0; i < L.numRows; i++) {
      sum += 2 * Math.log(L.get(i, i));
    }
    return sum;
  }

  /** L⁻¹ B by forward substitution (L lower triangular). */
  private static DMatrixRMaj lowerSolve(DMatrixRMaj L, DMatrixRMaj B) {
    DMatrixRMaj x = B.copy();
    for (int c = 0; c < x.numCols; c++) {
      for (int i = 0; i < L.numRows; i++) {
        double v = x.get(i, c);
        for (int k = 0; k < i; k++) {
          v -= L.get(i, k) * x.get(k, c);
        }
        x.set(i, c, v / L.get(i, i));
      }
    }
    return x;
  }
}
