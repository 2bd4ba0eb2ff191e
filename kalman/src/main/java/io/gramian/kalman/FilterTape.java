package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * What the forward sweep keeps per step for the reverse sweep, the smoother and the results:
 * predicted and filtered mean matrices X = [m, Ā] (nx × w, w = 1 + d), the observed rows, the
 * factors {@code L, Q} of the update and predict triangularisations, the whitened innovations
 * {@code W} (p × w), each step's log-likelihood term and, with diffuse directions, the factors
 * of the diffuse collapse. Flat arrays with a fixed stride per step, grown only when a longer
 * series arrives, so repeated evaluations allocate nothing.
 *
 * <p>Bytes per step: see {@link #bytesPerStep(Dimensions)}; with d = 0, {@code 8 · (2 nx + 2 ny
 * + 1 + (ny + nx)² + (max(nx, k) + r)(ny + nx) + nx² + (max(nx, k) + q) nx) + 4 · (ny + 2)}.
 */
final class FilterTape {

  final Dimensions dims;
  private final int strideLu;
  private final int strideQu;
  private final int strideLp;
  private final int strideQp;
  private final int strideX;
  private final int strideW;
  private final int strideLc;
  private final int strideQc;

  int steps;
  int capacity;
  double[] XPred;
  double[] XFilt;
  double[] W;
  double[] WBar;
  double[] Lc;
  double[] Qc;
  double[] logLik;
  double[] Lu;
  double[] Qu;
  double[] Lp;
  double[] Qp;
  int[] observedCount;
  int[] observedIndex;
  int[] filteredCols;
  /** Per step: whether the update (predict) tria is recorded by its input M instead of Q. */
  boolean[] updateFromInput;
  boolean[] predictFromInput;

  FilterTape(Dimensions dims) {
    this.dims = dims;
    strideLu = dims.updateRows() * dims.updateRows();
    strideQu = dims.updateCols() * dims.updateRows();
    strideLp = dims.nx() * dims.nx();
    strideQp = dims.predictCols() * dims.nx();
    int w = dims.meanCols();
    strideX = dims.nx() * w;
    strideW = dims.ny() * w;
    strideLc = dims.d() == 0 ? 0 : w * w;
    strideQc = dims.d() == 0 ? 0 : (w + dims.ny()) * w;
  }

  /** Bytes kept per time step for a system of these dimensions. */
  static long bytesPerStep(Dimensions d) {
    long w = d.meanCols();
    long collapse = d.d() == 0 ? 0 : w * w + (w + d.ny()) * w;
    long doubles =
        2L * d.nx() * w + 2L * d.ny() * w + 1 + collapse
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
    XPred = new double[Math.multiplyExact(T, strideX)];
    XFilt = new double[Math.multiplyExact(T, strideX)];
    W = new double[Math.multiplyExact(T, strideW)];
    WBar = new double[Math.multiplyExact(T, strideW)];
    Lc = new double[Math.multiplyExact(T, strideLc)];
    Qc = new double[Math.multiplyExact(T, strideQc)];
    logLik = new double[T];
    Lu = new double[Math.multiplyExact(T, strideLu)];
    Qu = new double[Math.multiplyExact(T, strideQu)];
    Lp = new double[Math.multiplyExact(T, strideLp)];
    Qp = new double[Math.multiplyExact(T, strideQp)];
    observedCount = new int[T];
    observedIndex = new int[T * dims.ny()];
    filteredCols = new int[T];
    updateFromInput = new boolean[T];
    predictFromInput = new boolean[T];
    capacity = T;
  }

  /**
   * Records step t's update tria: L, and Q (cols × n) or, when {@code fromInput}, the block M
   * itself (n × cols, the same number of entries) from which the derivatives recover Q.
   */
  void storeUpdate(int t, DMatrixRMaj L, DMatrixRMaj QorM, boolean fromInput) {
    System.arraycopy(L.data, 0, Lu, t * strideLu, L.getNumElements());
    System.arraycopy(QorM.data, 0, Qu, t * strideQu, QorM.getNumElements());
    updateFromInput[t] = fromInput;
  }

  /** Records the predict tria from step t to t + 1, as {@link #storeUpdate}. */
  void storePredict(int t, DMatrixRMaj L, DMatrixRMaj QorM, boolean fromInput) {
    System.arraycopy(L.data, 0, Lp, t * strideLp, L.getNumElements());
    System.arraycopy(QorM.data, 0, Qp, t * strideQp, QorM.getNumElements());
    predictFromInput[t] = fromInput;
  }

  /**
   * L of step t's update block ((n_t + nx) rows with n_t observed values) and its Q
   * (cols × n), or its input M (n × cols) when {@link #updateFromInput} is set.
   */
  void loadUpdate(int t, int cols, DMatrixRMaj L, DMatrixRMaj QorM) {
    int n = observedCount[t] + dims.nx();
    L.reshape(n, n, false);
    if (updateFromInput[t]) {
      QorM.reshape(n, cols, false);
    } else {
      QorM.reshape(cols, n, false);
    }
    System.arraycopy(Lu, t * strideLu, L.data, 0, n * n);
    System.arraycopy(Qu, t * strideQu, QorM.data, 0, cols * n);
  }

  /** L and Q (or M) of the predict block from step t to t + 1, as {@link #loadUpdate}. */
  void loadPredict(int t, int cols, DMatrixRMaj L, DMatrixRMaj QorM) {
    int nx = dims.nx();
    L.reshape(nx, nx, false);
    if (predictFromInput[t]) {
      QorM.reshape(nx, cols, false);
    } else {
      QorM.reshape(cols, nx, false);
    }
    System.arraycopy(Lp, t * strideLp, L.data, 0, nx * nx);
    System.arraycopy(Qp, t * strideQp, QorM.data, 0, cols * nx);
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

  void storeMeans(int t, boolean filtered, DMatrixRMaj X) {
    System.arraycopy(X.data, 0, filtered ? XFilt : XPred, t * strideX, strideX);
  }

  /** X⁻_t or X⁺_t, nx × w. */
  void loadMeans(int t, boolean filtered, DMatrixRMaj out) {
    out.reshape(dims.nx(), dims.meanCols(), false);
    System.arraycopy(filtered ? XFilt : XPred, t * strideX, out.data, 0, strideX);
  }

  /** Offset of step t's W (and W̄), p × w row-major. */
  int wOffset(int t) {
    return t * strideW;
  }

  void storeCollapse(int t, DMatrixRMaj L, DMatrixRMaj Q) {
    System.arraycopy(L.data, 0, Lc, t * strideLc, strideLc);
    System.arraycopy(Q.data, 0, Qc, t * strideQc, Q.getNumElements());
  }

  /** The collapse factor after step t, and the Q of step t's absorption (p rows of V_tᵀ). */
  void loadCollapse(int t, DMatrixRMaj L, DMatrixRMaj Q) {
    int w = dims.meanCols();
    int p = observedCount[t];
    L.reshape(w, w, false);
    System.arraycopy(Lc, t * strideLc, L.data, 0, strideLc);
    Q.reshape(w + p, w, false);
    System.arraycopy(Qc, t * strideQc, Q.data, 0, (w + p) * w);
  }

  /** The collapse factor after step t (zero before the first step). */
  void loadCollapseFactor(int t, DMatrixRMaj L) {
    int w = dims.meanCols();
    L.reshape(w, w, false);
    if (t < 0) {
      L.zero();
    } else {
      System.arraycopy(Lc, t * strideLc, L.data, 0, strideLc);
    }
  }
}
