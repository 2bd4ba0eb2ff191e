package io.gramian.kalman.testing;

import io.gramian.kalman.StateSpace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The Rauch–Tung–Striebel smoother in covariance form, on the means and covariances of the
 * covariance-form filter ({@link CovarianceFilter}), written as in a textbook:
 *
 * <pre>
 *   J = P⁺ Fᵀ (P⁻')⁺,  m^s = m⁺ + J (m^s' − m⁻'),  P^s = P⁺ + J (P^s' − P⁻') Jᵀ
 * </pre>
 *
 * with (·)⁺ the SVD pseudoinverse (cut-off {@link #PINV_RELATIVE_CUTOFF}).
 */
public final class CovarianceSmoother {

  /**
   * Singular values of P⁻ at or below this fraction of the largest are zero in the oracle's
   * pseudoinverse. The covariance form leaves rounding of about 1e-15 relative in the null
   * directions of a singular P⁻; the smallest genuine eigenvalue of the systems tested here is
   * above 1e-6 relative. 1e-10 separates the two by four orders of magnitude on either side.
   */
  public static final double PINV_RELATIVE_CUTOFF = 1e-10;

  /** The filter's m⁻_t, P⁻_t, m⁺_t and P⁺_t ({@link CovarianceFilter}). */
  public final DMatrixRMaj[] mPred;

  public final DMatrixRMaj[] PPred;
  public final DMatrixRMaj[] mFilt;
  public final DMatrixRMaj[] PFilt;

  /** m^s_t, nx × 1. */
  public final DMatrixRMaj[] mSmooth;

  /** P^s_t, nx × nx. */
  public final DMatrixRMaj[] PSmooth;

  private CovarianceSmoother(StateSpace s, DMatrixRMaj Y) {
    CovarianceFilter filter = CovarianceFilter.of(s, Y);
    int T = Y.numRows;
    mPred = filter.predictedMean;
    PPred = filter.predictedCov;
    mFilt = filter.filteredMean;
    PFilt = filter.filteredCov;
    mSmooth = new DMatrixRMaj[T];
    PSmooth = new DMatrixRMaj[T];
    if (T == 0) {
      return;
    }
    mSmooth[T - 1] = mFilt[T - 1].copy();
    PSmooth[T - 1] = PFilt[T - 1].copy();
    for (int t = T - 2; t >= 0; t--) {
      DMatrixRMaj PFt = CommonOps_DDRM.multTransB(PFilt[t], s.F(t), null);
      DMatrixRMaj J = CommonOps_DDRM.mult(PFt, pinv(PPred[t + 1]), null);
      DMatrixRMaj dm = mSmooth[t + 1].copy();
      CommonOps_DDRM.subtractEquals(dm, mPred[t + 1]);
      mSmooth[t] = mFilt[t].copy();
      CommonOps_DDRM.multAdd(J, dm, mSmooth[t]);
      DMatrixRMaj dP = PSmooth[t + 1].copy();
      CommonOps_DDRM.subtractEquals(dP, PPred[t + 1]);
      DMatrixRMaj JdP = CommonOps_DDRM.mult(J, dP, null);
      PSmooth[t] = PFilt[t].copy();
      CommonOps_DDRM.multAddTransB(JdP, J, PSmooth[t]);
    }
  }

  /** The oracle on the system s (time-varying or not) and data Y (T × ny, NaN where missing). */
  public static CovarianceSmoother of(StateSpace s, DMatrixRMaj Y) {
    return new CovarianceSmoother(s, Y);
  }

  /** The Moore–Penrose pseudoinverse by SVD, singular values ≤ cut-off · largest dropped. */
  private static DMatrixRMaj pinv(DMatrixRMaj A) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(A.numRows, A.numCols, true, true, false);
    if (!svd.decompose(A.copy())) {
      throw new ArithmeticException("oracle: SVD failed");
    }
    DMatrixRMaj U = svd.getU(null, false);
    DMatrixRMaj W = svd.getW(null);
    DMatrixRMaj V = svd.getV(null, false);
    double largest = 0;
    for (int i = 0; i < Math.min(W.numRows, W.numCols); i++) {
      largest = Math.max(largest, W.get(i, i));
    }
    DMatrixRMaj Winv = new DMatrixRMaj(W.numCols, W.numRows);
    for (int i = 0; i < Math.min(W.numRows, W.numCols); i++) {
      double w = W.get(i, i);
      if (w > PINV_RELATIVE_CUTOFF * largest) {
        Winv.set(i, i, 1.0 / w);
      }
    }
    DMatrixRMaj VW = CommonOps_DDRM.mult(V, Winv, null);
    return CommonOps_DDRM.multTransB(VW, U, null);
  }
}
