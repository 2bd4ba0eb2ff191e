package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * What the forward sweep keeps per step for the reverse sweep, the smoother and the results:
 * predicted and filtered means, the observed rows, the factors {@code L, Q} of the update and
 * predict triangularisations, the whitened innovations {@code z} and each step's
 * log-likelihood term. Flat arrays with a fixed stride per step, grown only when a longer series
 * arrives, so repeated evaluations allocate nothing.
 *
 * <p>Bytes per step: {@code 8 · (2 nx + ny + 1 + (ny + nx)² + (max(nx, k) + r)(ny + nx) + nx² +
 * (max(nx, k) + q) nx) + 4 · (ny + 2)}; see {@link #bytesPerStep(Dimensions)}.
 */
final class Tape {

  final Dimensions dims;
  private final int strideLu;
  private final int strideQu;
  private final int strideLp;
  private final int strideQp;

  int steps;
  int capacity;
  double[] mPred;
  double[] mFilt;
  double[] z;
  double[] logLik;
  double[] Lu;
  double[] Qu;
  double[] Lp;
  double[] Qp;
  int[] observedCount;
  int[] observedIndex;
  int[] filteredCols;

  Tape(Dimensions dims) {
    this.dims = dims;
    strideLu = dims.updateRows() * dims.updateRows();
    strideQu = dims.updateCols() * dims.updateRows();
    strideLp = dims.nx() * dims.nx();
    strideQp = dims.predictCols() * dims.nx();
  }

  /** Bytes kept per time step for a system of these dimensions. */
  static long bytesPerStep(Dimensions d) {
    long doubles =
        2L * d.nx() + d.ny() + 1
            + (long) d.updateRows() * d.updateRows()
            + (long) d.updateCols() * d.updateRows()
            + (long) d.nx() * d.nx()
            + (long) d.predictCols() * d.nx();
    long ints = d.ny() + 2L;
    return 8 * doubles + 4 * ints;
  }

  /** Makes room for {@code T} steps, allocating only when the capacity grows. */
  void reset(int T) {
    steps = T;
    if (T <= capacity) {
      return;
    }
    int nx = dims.nx();
    int ny = dims.ny();
    mPred = new double[T * nx];
    mFilt = new double[T * nx];
    z = new double[T * ny];
    logLik = new double[T];
    Lu = new double[Math.multiplyExact(T, strideLu)];
    Qu = new double[Math.multiplyExact(T, strideQu)];
    Lp = new double[Math.multiplyExact(T, strideLp)];
    Qp = new double[Math.multiplyExact(T, strideQp)];
    observedCount = new int[T];
    observedIndex = new int[T * ny];
    filteredCols = new int[T];
    capacity = T;
  }

  void storeUpdate(int t, DMatrixRMaj L, DMatrixRMaj Q) {
    System.arraycopy(L.data, 0, Lu, t * strideLu, L.getNumElements());
    System.arraycopy(Q.data, 0, Qu, t * strideQu, Q.getNumElements());
  }

  void storePredict(int t, DMatrixRMaj L, DMatrixRMaj Q) {
    System.arraycopy(L.data, 0, Lp, t * strideLp, L.getNumElements());
    System.arraycopy(Q.data, 0, Qp, t * strideQp, Q.getNumElements());
  }

  /** L and Q of step t's update block, (n_t + nx) rows with n_t observed values. */
  void loadUpdate(int t, int cols, DMatrixRMaj L, DMatrixRMaj Q) {
    int n = observedCount[t] + dims.nx();
    L.reshape(n, n, false);
    Q.reshape(cols, n, false);
    System.arraycopy(Lu, t * strideLu, L.data, 0, n * n);
    System.arraycopy(Qu, t * strideQu, Q.data, 0, cols * n);
  }

  /** L and Q of the predict block from step t to t + 1. */
  void loadPredict(int t, int cols, DMatrixRMaj L, DMatrixRMaj Q) {
    int nx = dims.nx();
    L.reshape(nx, nx, false);
    Q.reshape(cols, nx, false);
    System.arraycopy(Lp, t * strideLp, L.data, 0, nx * nx);
    System.arraycopy(Qp, t * strideQp, Q.data, 0, cols * nx);
  }

  /** Predicted factor S⁻_t: cholP0 at the first step, the predict block's L afterwards. */
  void loadPredictedFactor(int t, DMatrixRMaj cholP0, DMatrixRMaj out) {
    if (t == 0) {
      out.setTo(cholP0);
    } else {
      int nx = dims.nx();
      out.reshape(nx, nx, false);
      System.arraycopy(Lp, (t - 1) * strideLp, out.data, 0, nx * nx);
    }
  }

  /** Filtered factor S⁺_t: the update block's D, or S⁻_t when step t had no observation. */
  void loadFilteredFactor(int t, DMatrixRMaj cholP0, DMatrixRMaj out) {
    int p = observedCount[t];
    if (p == 0) {
      loadPredictedFactor(t, cholP0, out);
      return;
    }
    int nx = dims.nx();
    int n = p + nx;
    out.reshape(nx, nx, false);
    int base = t * strideLu;
    for (int i = 0; i < nx; i++) {
      System.arraycopy(Lu, base + (p + i) * n + p, out.data, i * nx, nx);
    }
  }

  void loadVector(double[] source, int t, int length, DMatrixRMaj out) {
    out.reshape(length, 1, false);
    System.arraycopy(source, t * length, out.data, 0, length);
  }
}
