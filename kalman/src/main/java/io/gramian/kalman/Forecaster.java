package io.gramian.kalman;

import io.gramian.autodiff.SparseHouseholderTria;
import org.ejml.data.DMatrixRMaj;

/**
 * h-step-ahead forecasts from the end of a filtered series, in square-root form. Starting from the
 * filtered state {@code m⁺_{t₀}, S⁺_{t₀}} of the last step {@code t₀ = T − 1}, for {@code h = 1 …
 * H} with {@code i = t₀ + h}:
 *
 * <pre>
 *   m_h = F(i−1) m_{h−1} + c(i−1),       S_h = tria([F(i−1) S_{h−1}, cholQ(i−1)])
 *   μ_h = H(i) m_h + d(i),               A_h = tria([H(i) S_h, cholR(i)])
 * </pre>
 *
 * ({@code m_0 = m⁺_{t₀}, S_0 = S⁺_{t₀}}). The first horizon predicts with the matrices of step
 * {@code T − 1}, as the filter would; a time-varying {@link StateSpace} is asked for {@code F, c,
 * cholQ} at steps {@code T − 1 … T + H − 2} and for {@code H, d, cholR} at steps {@code T … T + H −
 * 1}, that is, for indices beyond the data, and must be defined there. These are the moments of x
 * and y at step {@code t₀ + h} given {@code y_0 … y_{t₀}}: the filter's prediction step repeated
 * without updates. For a system with an exactly diffuse initial part the series must be long enough
 * for the diffuse period to be over, so that the last filtered state is proper.
 *
 * <p>An instance is a workspace for one set of {@link Dimensions}; apart from the result it
 * allocates nothing per horizon. Not thread-safe; use one per thread.
 */
public final class Forecaster {

  private final Dimensions dims;
  private final SparseHouseholderTria tria;
  private final DMatrixRMaj m;
  private final DMatrixRMaj mNext;
  private final DMatrixRMaj S;
  private final DMatrixRMaj Mp;
  private final DMatrixRMaj Mo;
  private final DMatrixRMaj L;
  private final int[] everyRow;

  /** A forecaster workspace for systems of the given dimensions. */
  public Forecaster(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int ny = dims.ny();
    int predictCols = dims.predictCols();
    int observeCols = nx + dims.r();
    int rows = Math.max(nx, ny);
    int cols = Math.max(predictCols, observeCols);
    tria = new SparseHouseholderTria(rows, cols);
    m = new DMatrixRMaj(nx, 1);
    mNext = new DMatrixRMaj(nx, 1);
    S = new DMatrixRMaj(nx, dims.predictedCols());
    Mp = new DMatrixRMaj(nx, predictCols);
    Mo = new DMatrixRMaj(ny, observeCols);
    L = new DMatrixRMaj(rows, rows);
    everyRow = new int[ny];
    for (int i = 0; i < ny; i++) {
      everyRow[i] = i;
    }
  }

  /** A forecaster workspace sized for this system. */
  public static Forecaster forSystem(StateSpace system) {
    return new Forecaster(Dimensions.of(system));
  }

  /**
   * Forecasts {@code horizon} steps past the end of a filtering run.
   *
   * @param system the system the run was filtered with (see the class comment for the steps it is
   *     asked for)
   * @param filtered a run with at least one step. Not modified.
   * @param horizon H ≥ 0
   * @throws IllegalArgumentException if the run is empty, H is negative or the dimensions differ
   */
  public Forecast forecast(StateSpace system, FilterResult filtered, int horizon) {
    if (filtered.steps() == 0) {
      throw new IllegalArgumentException(
          "the filter result has no steps; forecast from the initial state instead");
    }
    if (filtered.nx() != dims.nx() || filtered.ny() != dims.ny()) {
      throw new IllegalArgumentException(
          "the filter result has nx = "
              + filtered.nx()
              + ", ny = "
              + filtered.ny()
              + " but this forecaster is built for "
              + dims);
    }
    int last = filtered.steps() - 1;
    return forecast(
        system, last, filtered.filteredMean(last), filtered.filteredFactor(last), horizon);
  }

  /**
   * Forecasts {@code horizon} steps from the state at {@code lastStep} given the data up to and
   * including that step, with mean {@code mean} and factor {@code factor}.
   *
   * @param lastStep t₀ ≥ 0; horizon h forecasts step t₀ + h
   * @param mean m⁺_{t₀}, length nx. Not modified.
   * @param factor S⁺_{t₀}, nx × (any number of columns ≤ max(nx, k)). Not modified.
   * @param horizon H ≥ 0
   */
  public Forecast forecast(
      StateSpace system, int lastStep, double[] mean, DMatrixRMaj factor, int horizon) {
    Dimensions d = Dimensions.of(system);
    if (!d.equals(dims)) {
      throw new IllegalArgumentException(
          "this forecaster was built for " + dims + " but the system has " + d);
    }
    final int nx = dims.nx();
    final int ny = dims.ny();
    if (horizon < 0) {
      throw new IllegalArgumentException("the horizon must be ≥ 0, got " + horizon);
    }
    if (lastStep < 0) {
      throw new IllegalArgumentException("the last step must be ≥ 0, got " + lastStep);
    }
    if (mean.length != nx || factor.numRows != nx || factor.numCols > dims.predictedCols()) {
      throw new IllegalArgumentException(
          "the state is "
              + mean.length
              + " with a factor "
              + factor.numRows
              + " × "
              + factor.numCols
              + ", expected "
              + nx
              + " and "
              + nx
              + " × ≤ "
              + dims.predictedCols());
    }
    double[][] stateMean = new double[horizon][];
    DMatrixRMaj[] stateFactor = new DMatrixRMaj[horizon];
    double[][] observationMean = new double[horizon][];
    DMatrixRMaj[] observationFactor = new DMatrixRMaj[horizon];

    System.arraycopy(mean, 0, m.data, 0, nx);
    S.setTo(factor);
    for (int h = 1; h <= horizon; h++) {
      int i = lastStep + h;
      predict(system, i - 1);
      stateMean[h - 1] = m.data.clone();
      stateFactor[h - 1] = S.copy();
      observationMean[h - 1] = new double[ny];
      observationFactor[h - 1] = new DMatrixRMaj(ny, ny);
      observe(system, i, observationMean[h - 1], observationFactor[h - 1]);
    }
    return new Forecast(
        lastStep, nx, ny, stateMean, stateFactor, observationMean, observationFactor);
  }

  /** m ← F(t) m + c(t), S ← tria([F(t) S, cholQ(t)]). */
  private void predict(StateSpace system, int t) {
    final DMatrixRMaj F = system.F(t);
    PredictStep.mean(F, system.c(t), m, mNext);
    m.setTo(mNext);
    PredictStep.block(F, S, system.cholQ(t), Mp, dims.nx());
    tria.decompose(Mp, L);
    S.setTo(L);
  }

  /** μ = H(t) m + d(t), A = tria([H(t) S, cholR(t)]). */
  private void observe(StateSpace system, int t, double[] mu, DMatrixRMaj A) {
    final int nx = dims.nx();
    final int ny = dims.ny();
    final DMatrixRMaj H = system.H(t);
    final DMatrixRMaj d = system.d(t);
    final DMatrixRMaj cholR = system.cholR(t);
    for (int i = 0; i < ny; i++) {
      double v = d.data[i];
      for (int k = 0; k < nx; k++) {
        v += H.data[i * nx + k] * m.data[k];
      }
      mu[i] = v;
    }
    Mo.reshape(ny, nx + cholR.numCols, false);
    UpdateBlock.observationRows(H, null, cholR, everyRow, 0, ny, S, null, Mo);
    tria.decompose(Mo, L);
    A.setTo(L);
  }
}
