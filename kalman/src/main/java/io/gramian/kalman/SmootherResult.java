package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The moments of a smoothing run, an immutable value. For each step t (0-based), the state given
 * every observation {@code y_0 … y_{T−1}}:
 *
 * <pre>
 *   smoothed   m^s_t, S^s_t,   P^s_t = S^s_t S^s_tᵀ
 * </pre>
 *
 * {@code S^s_t} is nx × nx and lower triangular with a non-negative diagonal. At the last step the
 * smoothed moments are the filtered ones, {@code m^s_{T−1} = m⁺_{T−1}} and {@code S^s_{T−1} =
 * S⁺_{T−1}} (when T = 1 and y_0 is missing, {@code S⁺_0 = cholP0} may have any shape, and {@code
 * S^s_0 = tria(cholP0)}). Produced by {@link RtsSmoother}.
 */
public final class SmootherResult {

  private final int nx;
  private final double[][] mean;
  private final DMatrixRMaj[] factor;

  /** Takes ownership of the arrays (the smoother allocates them for this result only). */
  SmootherResult(int nx, double[][] mean, DMatrixRMaj[] factor) {
    this.nx = nx;
    this.mean = mean;
    this.factor = factor;
  }

  /** Number of time steps T. */
  public int steps() {
    return mean.length;
  }

  /** State dimension nx. */
  public int nx() {
    return nx;
  }

  /** m^s_t, length nx (a copy). */
  public double[] smoothedMean(int t) {
    return mean[t].clone();
  }

  /** S^s_t, nx × nx lower triangular (a copy). */
  public DMatrixRMaj smoothedFactor(int t) {
    return factor[t].copy();
  }

  /** P^s_t = S^s_t S^s_tᵀ, nx × nx. */
  public DMatrixRMaj smoothedCovariance(int t) {
    return CommonOps_DDRM.multTransB(factor[t], factor[t], null);
  }

  /** The standard deviations sqrt(diag P^s_t), length nx: the row norms of S^s_t. */
  public double[] smoothedStd(int t) {
    DMatrixRMaj S = factor[t];
    double[] std = new double[nx];
    for (int i = 0; i < nx; i++) {
      double sq = 0;
      for (int j = 0; j < S.numCols; j++) {
        double v = S.unsafe_get(i, j);
        sq += v * v;
      }
      std[i] = Math.sqrt(sq);
    }
    return std;
  }
}
