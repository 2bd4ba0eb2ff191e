package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * h-step-ahead forecasts, an immutable value. From the filtered state at step {@code t₀} (the last
 * step of the data), for each horizon {@code h = 1 … H} the moments of the state and of the
 * observation at step {@code t₀ + h} given {@code y_0 … y_{t₀}}:
 *
 * <pre>
 *   state         m_h, S_h             P_h = S_h S_hᵀ                   (nx, nx × nx)
 *   observation   μ_h = H m_h + d,     A_h = tria([H S_h, cholR])       (ny, ny × ny)
 *                 standard deviations σ_h,i = sqrt((A_h A_hᵀ)_ii)
 * </pre>
 *
 * with H, d, cholR those of step {@code t₀ + h}. Every accessor takes the horizon {@code h = 1 …
 * horizon()} (not a 0-based index) and returns a copy. Produced by {@link Forecaster}.
 */
public final class Forecast {

  private final int lastStep;
  private final int nx;
  private final int ny;
  private final double[][] stateMean;
  private final DMatrixRMaj[] stateFactor;
  private final double[][] observationMean;
  private final DMatrixRMaj[] observationFactor;

  /** Takes ownership of the arrays (index h − 1 holds horizon h). */
  Forecast(
      int lastStep,
      int nx,
      int ny,
      double[][] stateMean,
      DMatrixRMaj[] stateFactor,
      double[][] observationMean,
      DMatrixRMaj[] observationFactor) {
    this.lastStep = lastStep;
    this.nx = nx;
    this.ny = ny;
    this.stateMean = stateMean;
    this.stateFactor = stateFactor;
    this.observationMean = observationMean;
    this.observationFactor = observationFactor;
  }

  /** The number H of horizons. */
  public int horizon() {
    return stateMean.length;
  }

  public int nx() {
    return nx;
  }

  public int ny() {
    return ny;
  }

  /** The 0-based time step {@code t₀ + h} that horizon h forecasts (t₀ = T − 1 after a run). */
  public int step(int h) {
    check(h);
    return lastStep + h;
  }

  /** m_h, length nx. */
  public double[] stateMean(int h) {
    return stateMean[check(h)].clone();
  }

  /** S_h, nx × nx lower triangular. */
  public DMatrixRMaj stateFactor(int h) {
    return stateFactor[check(h)].copy();
  }

  /** P_h = S_h S_hᵀ, nx × nx. */
  public DMatrixRMaj stateCovariance(int h) {
    DMatrixRMaj S = stateFactor[check(h)];
    return CommonOps_DDRM.multTransB(S, S, null);
  }

  /** μ_h = H m_h + d, length ny. */
  public double[] observationMean(int h) {
    return observationMean[check(h)].clone();
  }

  /** A_h = tria([H S_h, cholR]), ny × ny lower triangular. */
  public DMatrixRMaj observationFactor(int h) {
    return observationFactor[check(h)].copy();
  }

  /** A_h A_hᵀ = H P_h Hᵀ + R, ny × ny. */
  public DMatrixRMaj observationCovariance(int h) {
    DMatrixRMaj A = observationFactor[check(h)];
    return CommonOps_DDRM.multTransB(A, A, null);
  }

  /** σ_h, length ny: the row norms of A_h. */
  public double[] observationStd(int h) {
    DMatrixRMaj A = observationFactor[check(h)];
    double[] std = new double[ny];
    for (int i = 0; i < ny; i++) {
      double sq = 0;
      for (int j = 0; j < A.numCols; j++) {
        double v = A.unsafe_get(i, j);
        sq += v * v;
      }
      std[i] = Math.sqrt(sq);
    }
    return std;
  }

  private int check(int h) {
    if (h < 1 || h > stateMean.length) {
      throw new IndexOutOfBoundsException("horizon " + h + " is outside 1 … " + stateMean.length);
    }
    return h - 1;
  }
}
