package io.gramian.kalman;

import io.gramian.autodiff.TriaFactors;
import org.ejml.data.DMatrixRMaj;

/**
 * What the forward sweep keeps per step for the reverse sweep, the smoother and the results:
 * predicted and filtered mean matrices X = [m, Ā] (nx × w, w = 1 + d), the observed rows, the
 * factors {@code L, Q} of the update and predict triangularisations, the whitened innovations
 * {@code W} (p × w), each step's log-likelihood term and, with diffuse directions, the factors of
 * the diffuse collapse. Flat arrays with a fixed stride per step, grown only when a longer series
 * arrives, so repeated evaluations allocate nothing.
 *
 * <p>A step of the {@link SteadyState} records its means, W and ℓ_t and the freeze step t₀ whose
 * factors it reused; loading its factors (update, predict, predicted, filtered) loads t₀'s.
 *
 * <p>Bytes per step: see {@link #bytesPerStep(Dimensions)}; with d = 0, {@code 8 · (2 nx + 2 ny + 1
 * + (ny + nx)² + (max(nx, k) + r)(ny + nx) + nx² + (max(nx, k) + q) nx) + 4 · (ny + 3) + 3}.
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

  private int steps;
  private int capacity;
  private double[] XPred;
  private double[] XFilt;
  private double[] W;
  private double[] WBar;
  private double[] Lc;
  private double[] Qc;
  private double[] logLik;
  private double[] Lu;
  private double[] Qu;
  private double[] Lp;
  private double[] Qp;
  private int[] observedCount;
  private int[] observedIndex;
  private int[] filteredCols;

  /** Per step: the freeze step t₀ whose factors the step reused, or −1 (a step run in full). */
  private int[] frozenFrom;

  /** Per step: whether the update (predict) tria is recorded with Q (else with its input M). */
  private boolean[] updateWithQ;

  private boolean[] predictWithQ;

  /**
   * Per step: whether the step was taken as the one-step predictor's array ({@link
   * PredictorArray}): its update record holds the array's L {@code [[A, 0], [K̄, S⁻_{t+1}]]}, its
   * predict record S⁻_{t+1}, and no filtered mean or factor is kept.
   */
  private boolean[] arrayStep;

  /**
   * The conversion to the ordinary filter ({@link DiffuseConversion}; null without diffuse
   * directions), and the step t₀ after whose update it ran (−1: the sweep stayed augmented).
   */
  final DiffuseConversion conversion;

  private int convertedAt = -1;

  /**
   * Whether the last sweep recorded its triangularisations for their derivatives (L checked for the
   * input form, or Q); if not, a record's L is all its reader may rely on.
   */
  private boolean derivativeRecords = true;

  FilterTape(Dimensions dims) {
    this.dims = dims;
    conversion = dims.diffuseRank() == 0 ? null : new DiffuseConversion(dims);
    strideLu = dims.updateRows() * dims.updateRows();
    strideQu = dims.updateCols() * dims.updateRows();
    strideLp = dims.nx() * dims.nx();
    strideQp = dims.predictCols() * dims.nx();
    int w = dims.meanCols();
    strideX = dims.nx() * w;
    strideW = dims.ny() * w;
    strideLc = dims.diffuseRank() == 0 ? 0 : w * w;
    strideQc = dims.diffuseRank() == 0 ? 0 : dims.collapseCols() * w;
  }

  /** Bytes kept per time step for a system of these dimensions. */
  static long bytesPerStep(Dimensions d) {
    long w = d.meanCols();
    long collapse = d.diffuseRank() == 0 ? 0 : w * w + (long) d.collapseCols() * w;
    long doubles =
        2L * d.nx() * w
            + 2L * d.ny() * w
            + 1
            + collapse
            + (long) d.updateRows() * d.updateRows()
            + (long) d.updateCols() * d.updateRows()
            + (long) d.nx() * d.nx()
            + (long) d.predictCols() * d.nx();
    long ints = d.ny() + 3L;
    long flags = 3; // updateWithQ, predictWithQ, arrayStep
    return 8 * doubles + 4 * ints + flags;
  }

  /** Makes room for {@code T} steps, allocating only when the capacity grows. */
  void reset(int T) {
    steps = T;
    convertedAt = -1;
    if (T <= capacity) {
      if (T > 0) {
        java.util.Arrays.fill(arrayStep, 0, T, false);
      }
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
    frozenFrom = new int[T];
    updateWithQ = new boolean[T];
    predictWithQ = new boolean[T];
    arrayStep = new boolean[T];
    capacity = T;
  }

  /** Sets whether this sweep's triangularisations are recorded for their derivatives. */
  void derivativeRecords(boolean forDerivatives) {
    derivativeRecords = forDerivatives;
  }

  /** Records that the filter converted to the ordinary one after step t's update. */
  void storeConversion(int t) {
    convertedAt = t;
  }

  /** The step t₀ after whose update the filter converted, or −1 when it stayed augmented. */
  int convertedAt() {
    return convertedAt;
  }

  /**
   * Whether step t's update carried the diffuse sensitivities and the collapse (every step of an
   * augmented sweep, and those up to t₀ of a converted one).
   */
  boolean collapsing(int t) {
    return dims.diffuseRank() > 0 && (convertedAt < 0 || t <= convertedAt);
  }

  /** Columns of X⁻_t (or X⁺_t): w while the filter is augmented, 1 after the conversion. */
  int meanWidth(int t, boolean filtered) {
    if (convertedAt < 0 || t < convertedAt || (t == convertedAt && !filtered)) {
      return dims.meanCols();
    }
    return 1;
  }

  /** Steps recorded by the last {@link #reset}. */
  int steps() {
    return steps;
  }

  /**
   * Records step t's observed entries, its log-likelihood term and the columns of its filtered
   * factor.
   */
  void storeStep(int t, int[] index, int p, double logLikTerm, int filteredFactorCols) {
    observedCount[t] = p;
    System.arraycopy(index, 0, observedIndex, t * dims.ny(), p);
    logLik[t] = logLikTerm;
    filteredCols[t] = filteredFactorCols;
  }

  /** Records whether step t reused the factors of freeze step {@code from} (−1: it did not). */
  void storeFrozen(int t, int from) {
    frozenFrom[t] = from;
  }

  /** The freeze step t₀ whose factors step t reused, or −1 when step t ran in full. */
  int frozenFrom(int t) {
    return frozenFrom[t];
  }

  /** The step whose factors stand for step t's: t₀ for a frozen step, else t. */
  private int source(int t) {
    int from = frozenFrom[t];
    return from < 0 ? t : from;
  }

  /** Number p_t of observed entries at step t. */
  int observedCount(int t) {
    return observedCount[t];
  }

  /** The observed entries of step t are {@code observedIndex()[observedOffset(t) + i]}, i < p_t. */
  int[] observedIndex() {
    return observedIndex;
  }

  /** Offset of step t's observed entries in {@link #observedIndex()}. */
  int observedOffset(int t) {
    return t * dims.ny();
  }

  /** ℓ_t. */
  double logLik(int t) {
    return logLik[t];
  }

  /** Columns of the filtered factor S⁺_t. */
  int filteredCols(int t) {
    return filteredCols[t];
  }

  /** Records step t's whitened innovations W (p × width, row-major). */
  void storeW(int t, double[] Wt, int p, int width) {
    System.arraycopy(Wt, 0, W, t * strideW, p * width);
  }

  /** Every step's W: step t's p × w block starts at {@link #wOffset(int)}. Not to be modified. */
  double[] W() {
    return W;
  }

  /** Sets W̄_t[j, c], the adjoint the collapse's reverse pass leaves for step t's update. */
  void setWBar(int t, int j, int c, double value) {
    WBar[t * strideW + j * dims.meanCols() + c] = value;
  }

  /** W̄_t[j, c]. */
  double WBar(int t, int j, int c) {
    return WBar[t * strideW + j * dims.meanCols() + c];
  }

  /**
   * Records step t's update tria: L, and Q or (when Q was not formed) the block M; without
   * derivative records L alone ({@link #keepsBlocks}).
   */
  void storeUpdate(int t, TriaFactors factors) {
    updateWithQ[t] = storeTria(factors, Lu, t * strideLu, Qu, t * strideQu);
  }

  /**
   * Records step t taken as the predictor's array, whose L ((p + nx) × (p + nx)) {@code factors}
   * holds: L itself in the update's record, and its lower-right block S⁻_{t+1} as the predict's
   * (what {@link #loadPredictedFactor} reads for step t + 1). Only without derivative records.
   */
  void storeArray(int t, int p, TriaFactors factors) {
    if (derivativeRecords) {
      throw new IllegalStateException("the predictor's array is recorded only without Q or M");
    }
    final int nx = dims.nx();
    final int n = p + nx;
    final double[] l = factors.L().data;
    System.arraycopy(l, 0, Lu, t * strideLu, n * n);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(l, (p + i) * n + p, Lp, t * strideLp + i * nx, nx);
    }
    updateWithQ[t] = false;
    predictWithQ[t] = false;
    arrayStep[t] = true;
  }

  /** Whether step t was taken as the predictor's array ({@link #storeArray}). */
  boolean arrayStep(int t) {
    return arrayStep[t];
  }

  /** Records the predict tria from step t to t + 1, as {@link #storeUpdate}. */
  void storePredict(int t, TriaFactors factors) {
    predictWithQ[t] = storeTria(factors, Lp, t * strideLp, Qp, t * strideQp);
  }

  private boolean storeTria(
      TriaFactors factors, double[] lOut, int lOffset, double[] basisOut, int basisOffset) {
    if (derivativeRecords) {
      return factors.store(lOut, lOffset, basisOut, basisOffset);
    }
    final int n = factors.L().numRows;
    System.arraycopy(factors.L().data, 0, lOut, lOffset, n * n);
    return false;
  }

  /**
   * Whether the records keep each triangularisation's block M (or Q) beside its L. A sweep without
   * derivative records keeps L alone: its reader, the masked rule's reverse sweep, takes every
   * update in the left-factor form and every predict in the Gramian form, which read L alone (a
   * predict outside the Gramian form would rebuild its block from the system and the loaded S⁺,
   * {@link PredictStep#block}). Leaving M out halves what the forward sweep writes and the reverse
   * sweep reads per step.
   */
  boolean keepsBlocks() {
    return derivativeRecords;
  }

  /**
   * Restores step t's update tria ((p_t + nx) rows, {@code cols} columns) into {@code factors}; the
   * block only when {@link #keepsBlocks} (else the caller writes it into {@code factors.input()}
   * before a derivative that reads it).
   */
  void loadUpdate(int t, int cols, TriaFactors factors) {
    int u = source(t);
    int n = observedCount[u] + dims.nx();
    if (!derivativeRecords) {
      factors.restoreFactor(n, cols, Lu, u * strideLu);
      return;
    }
    factors.restore(n, cols, updateWithQ[u], Lu, u * strideLu, Qu, u * strideQu);
  }

  /** Step t's update factor L alone, (p_t + nx) × (p_t + nx). */
  void loadUpdateFactor(int t, DMatrixRMaj out) {
    int u = source(t);
    int n = observedCount[u] + dims.nx();
    out.reshape(n, n, false);
    System.arraycopy(Lu, u * strideLu, out.data, 0, n * n);
  }

  /**
   * Restores the predict tria from step t to t + 1 (nx rows, {@code cols} columns), as {@link
   * #loadUpdate}.
   */
  void loadPredict(int t, int cols, TriaFactors factors) {
    int u = source(t);
    if (!derivativeRecords) {
      factors.restoreFactor(dims.nx(), cols, Lp, u * strideLp);
      return;
    }
    factors.restore(dims.nx(), cols, predictWithQ[u], Lp, u * strideLp, Qp, u * strideQp);
  }

  /** Predicted factor S⁻_t: cholP0 at the first step, the predict block's L afterwards. */
  void loadPredictedFactor(int t, DMatrixRMaj cholP0, DMatrixRMaj out) {
    if (t == 0) {
      out.setTo(cholP0);
    } else {
      int nx = dims.nx();
      out.reshape(nx, nx, false);
      System.arraycopy(Lp, source(t - 1) * strideLp, out.data, 0, nx * nx);
    }
  }

  /**
   * Filtered factor S⁺_t: the update block's D, or S⁻_t when step t had no observation; at the
   * conversion step t₀, the converted factor S' the predict took.
   */
  void loadFilteredFactor(int t, DMatrixRMaj cholP0, DMatrixRMaj out) {
    if (t == convertedAt) {
      out.setTo(conversion.factor());
      return;
    }
    int u = source(t);
    if (arrayStep[u]) {
      throw new IllegalStateException(
          "step " + u + " was taken as the predictor's array: no filtered factor was recorded");
    }
    int p = observedCount[u];
    if (p == 0) {
      loadPredictedFactor(u, cholP0, out);
      return;
    }
    int nx = dims.nx();
    int n = p + nx;
    out.reshape(nx, nx, false);
    int base = u * strideLu;
    for (int i = 0; i < nx; i++) {
      System.arraycopy(Lu, base + (p + i) * n + p, out.data, i * nx, nx);
    }
  }

  /** Records X⁻_t or X⁺_t (nx × {@link #meanWidth}). */
  void storeMeans(int t, boolean filtered, DMatrixRMaj X) {
    System.arraycopy(X.data, 0, filtered ? XFilt : XPred, t * strideX, X.getNumElements());
  }

  /** X⁻_t or X⁺_t, nx × {@link #meanWidth}; a step taken as the array kept no X⁺_t. */
  void loadMeans(int t, boolean filtered, DMatrixRMaj out) {
    if (filtered && arrayStep[t]) {
      throw new IllegalStateException(
          "step " + t + " was taken as the predictor's array: no filtered mean was recorded");
    }
    out.reshape(dims.nx(), meanWidth(t, filtered), false);
    System.arraycopy(filtered ? XFilt : XPred, t * strideX, out.data, 0, out.getNumElements());
  }

  /** Offset of step t's W (and W̄), p × w row-major. */
  int wOffset(int t) {
    return t * strideW;
  }

  /** Records the collapse factor after step t and the Q of step t's absorption. */
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
