package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * The square-root filter one measurement at a time, for a control or trading loop:
 *
 * <pre>
 *   OnlineKalmanFilter kf = new OnlineKalmanFilter(new Dimensions(nx, ny, q, r, k), m0, cholP0);
 *   while (running) {
 *     kf.update(y, H, d, cholR);        // NaN entries of y are skipped
 *     use(kf.mean(), kf.cholP());       // x | y_0..y_t
 *     kf.predict(F, c, cholQ);          // x_{t+1} | y_0..y_t
 *   }
 * </pre>
 *
 * Same equations as {@link SquareRootFilter}. Nothing is allocated per step; the matrices returned
 * by {@link #mean()} and {@link #cholP()} are live views, overwritten by the next step. Not
 * thread-safe: use one filter object per thread (they share nothing).
 */
public final class OnlineKalmanFilter {

  private final Dimensions dims;
  private final StepKernel kernel;
  private final int[] index;
  private final double[] y;
  private final DMatrixRMaj m;
  private final DMatrixRMaj S;
  private final DMatrixRMaj mFilt;
  private final DMatrixRMaj SFilt;
  private int step;
  private double logLikelihood;

  /**
   * @param dims the sizes of the matrices that will be passed in
   * @param m0 initial mean, nx × 1. Not modified.
   * @param cholP0 initial factor, nx × k. Not modified.
   */
  public OnlineKalmanFilter(Dimensions dims, DMatrixRMaj m0, DMatrixRMaj cholP0) {
    if (dims.diffuseRank() != 0) {
      throw new IllegalArgumentException(
          "the online filter takes a proper initial state (d = 0); run the batch filter over a"
              + " first stretch of data to resolve diffuse directions");
    }
    this.dims = dims;
    kernel = new StepKernel(dims);
    index = new int[dims.ny()];
    y = new double[dims.ny()];
    m = new DMatrixRMaj(dims.nx(), 1);
    S = new DMatrixRMaj(dims.nx(), dims.predictedCols());
    mFilt = new DMatrixRMaj(dims.nx(), 1);
    SFilt = new DMatrixRMaj(dims.nx(), dims.nx());
    reset(m0, cholP0);
  }

  /** Restarts from a new state (nx × 1) and factor (nx × k). */
  public void reset(DMatrixRMaj m0, DMatrixRMaj cholP0) {
    if (m0.numRows != dims.nx() || m0.numCols != 1) {
      throw new IllegalArgumentException(
          "m0 is " + m0.numRows + " × " + m0.numCols + ", expected " + dims.nx() + " × 1");
    }
    if (cholP0.numRows != dims.nx() || cholP0.numCols != dims.k()) {
      throw new IllegalArgumentException(
          "cholP0 is "
              + cholP0.numRows
              + " × "
              + cholP0.numCols
              + ", expected "
              + dims.nx()
              + " × "
              + dims.k());
    }
    m.setTo(m0);
    S.setTo(cholP0);
    step = 0;
    logLikelihood = 0;
  }

  /**
   * Conditions on one measurement; NaN entries are treated as missing and an all-NaN y leaves the
   * state unchanged.
   *
   * @param y measurement, ny × 1 (or 1 × ny). Not modified.
   * @param H ny × nx. @param d ny × 1. @param cholR ny × r. Not modified.
   * @return this measurement's log-likelihood term ℓ_t (0 when nothing was observed)
   * @throws FilterException if the innovation covariance is singular
   */
  public double update(DMatrixRMaj y, DMatrixRMaj H, DMatrixRMaj d, DMatrixRMaj cholR) {
    int ny = dims.ny();
    if (y.getNumElements() != ny
        || H.numRows != ny
        || H.numCols != dims.nx()
        || cholR.numRows != ny
        || cholR.numCols != dims.r()
        || d.getNumElements() != ny) {
      throw new IllegalArgumentException(
          "update expects y of length "
              + ny
              + ", H "
              + ny
              + " × "
              + dims.nx()
              + ", d of length "
              + ny
              + " and cholR "
              + ny
              + " × "
              + dims.r()
              + "; got y of length "
              + y.getNumElements()
              + ", H "
              + H.numRows
              + " × "
              + H.numCols
              + ", d of length "
              + d.getNumElements()
              + " and cholR "
              + cholR.numRows
              + " × "
              + cholR.numCols);
    }
    int p = 0;
    for (int j = 0; j < ny; j++) {
      double v = y.data[j];
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "time step " + (step + 1) + ", observation " + (j + 1) + " is infinite");
      }
      this.y[j] = v;
      if (!Double.isNaN(v)) {
        index[p++] = j;
      }
    }
    double llt = 0;
    if (p > 0) {
      llt =
          kernel.update(step, H, d, cholR, this.y, index, p, m, S, mFilt, SFilt)
              - 0.5 * kernel.zSquared;
      m.setTo(mFilt);
      S.setTo(SFilt);
    }
    logLikelihood += llt;
    return llt;
  }

  /**
   * Moves the state one step ahead: m = F m + c, S = tria([F S, cholQ]).
   *
   * @param F nx × nx. @param c nx × 1. @param cholQ nx × q. Not modified.
   */
  public void predict(DMatrixRMaj F, DMatrixRMaj c, DMatrixRMaj cholQ) {
    if (F.numRows != dims.nx()
        || F.numCols != dims.nx()
        || cholQ.numRows != dims.nx()
        || cholQ.numCols != dims.q()
        || c.getNumElements() != dims.nx()) {
      throw new IllegalArgumentException(
          "predict expects F "
              + dims.nx()
              + " × "
              + dims.nx()
              + ", c of length "
              + dims.nx()
              + " and cholQ "
              + dims.nx()
              + " × "
              + dims.q()
              + "; got F "
              + F.numRows
              + " × "
              + F.numCols
              + ", c of length "
              + c.getNumElements()
              + " and cholQ "
              + cholQ.numRows
              + " × "
              + cholQ.numCols);
    }
    kernel.predict(F, c, cholQ, m, S);
    step++;
  }

  /** The current state mean, nx × 1 (a live view: do not modify). */
  public DMatrixRMaj mean() {
    return m;
  }

  /** The current covariance factor, P = S Sᵀ (a live view: do not modify). */
  public DMatrixRMaj cholP() {
    return S;
  }

  /** Σ ℓ_t over the updates since construction or {@link #reset}. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** Number of predictions made since construction or {@link #reset}. */
  public int step() {
    return step;
  }

  /** A copy of everything the next step depends on (allocates). */
  public OnlineFilterState snapshot() {
    return new OnlineFilterState(
        step, logLikelihood, m, S, new DMatrixRMaj[0], new DMatrixRMaj[0], new double[0]);
  }

  /**
   * Continues from a snapshot: afterwards this filter computes exactly what the filter the snapshot
   * was taken from would have.
   *
   * @throws IllegalArgumentException if the snapshot has other sizes or carries tangents
   */
  public void restore(OnlineFilterState state) {
    requireCompatible(state, dims, 0);
    m.setTo(state.meanView());
    S.setTo(state.cholPView());
    step = state.step();
    logLikelihood = state.logLikelihood();
  }

  /** A snapshot's sizes against a filter's: nx, the factor's columns (k or nx) and n. */
  static void requireCompatible(OnlineFilterState state, Dimensions dims, int directions) {
    int cols = state.cholPView().numCols;
    if (state.nx() != dims.nx()
        || (cols != dims.nx() && cols != dims.k())
        || state.directions() != directions) {
      throw new IllegalArgumentException(
          "the snapshot has nx = "
              + state.nx()
              + ", a factor with "
              + cols
              + " columns and "
              + state.directions()
              + " directions; this filter has nx = "
              + dims.nx()
              + ", k = "
              + dims.k()
              + " and "
              + directions
              + " directions");
    }
  }
}
