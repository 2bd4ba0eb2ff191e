package io.gramian.kalman;

import io.gramian.autodiff.AppendedRowsTria;
import io.gramian.autodiff.BlockProduct;
import io.gramian.autodiff.SparseHouseholderTria;
import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriaFactors;
import io.gramian.autodiff.TriangularSolve;
import org.ejml.data.DMatrixRMaj;

/**
 * One update and one predict of the square-root filter, on caller-owned state, shared by the batch
 * filter and the online filter:
 *
 * <pre>
 *   update:   tria([[H S⁻, cholR], [S⁻, 0]]) = [[A, 0], [C, D]]
 *             e = y − H m⁻ − d,  z = A⁻¹ e,  m⁺ = m⁻ + C z,  S⁺ = D
 *             (the mean m generalises to X = [m, Ā] with diffuse sensitivities Ā)
 *             ℓ_t = −½ ‖z‖² − Σ_i log A_ii − (p / 2) log 2π
 *   predict:  m⁻ = F m⁺ + c,  S⁻ = tria([F S⁺, cholQ])
 * </pre>
 *
 * restricted to the p observed entries of y; or both at once as the one-step predictor's array
 * ({@link #updateAndPredict}, {@link PredictorArray}) for a sweep that needs ℓ alone. After a call,
 * {@link #factors} holds the step's triangularisation and {@link #W} its whitened innovation, for a
 * tape to record. Allocates nothing once built.
 */
final class StepKernel {

  static final double LOG_2PI = Math.log(2 * Math.PI);

  /**
   * The largest block (p + nx rows) taken as the one-step predictor's array whatever F; beyond it,
   * a step with one observed entry takes it when F is mostly nonzero. One triangularisation of (p +
   * nx) × (s + r + q) instead of two (the update's rotations, the predict's nx × (s + q)) saves
   * dependent steps and copies, but the F S⁻ rows then go through the p observation reflectors:
   * about p nx (s + r) more multiplications, and a sparse F (shifts, a companion form) loses the
   * near-triangular F S⁺ the predict's kernel skips. ℓ per step with 10% missing values, the array
   * against the two triangularisations in one JVM (docs/benchmarks.md, lever 2l), random dense F: p
   * = 1 faster at every nx tried (0.87 at nx = 1, 0.93 at 13, 0.99 at 50); p + nx ≤ 18 faster or
   * even (0.76 at nx = 5, p = 2; 0.98 at nx = 12, p = 6; 1.00 at nx = 8, p = 8); larger blocks with
   * p ≥ 3 slower (1.05 at nx = 15, p = 7; 1.08 at nx = 10, p = 10; 1.03 at nx = 30, p = 3). With
   * the airline model's sparse F (nx = 27, p = 1) its fit ran 14% slower with every step as the
   * array; a monthly BSM's (nx = 13) 4 to 6% faster.
   */
  static final int PREDICTOR_ARRAY_MAX_ROWS = 18;

  /**
   * The largest block taken as the array when F reaches at most one column right of its diagonal (a
   * shift up, rotations by pairs, a trend): F S⁺ is then lower triangular but for one diagonal, so
   * the predict's kernel annihilates about one entry per row, and the array's observation reflector
   * would fill every row in. The trigonometric BSM (nx = 14) fit 2% slower in one JVM with its
   * steps as the array.
   */
  static final int PREDICTOR_ARRAY_MAX_ROWS_BANDED = 4;

  private final int nx;
  private final SparseHouseholderTria tria;
  private final AppendedRowsTria appendedRows;
  private final DMatrixRMaj XNext;

  private final TriaFactors updateFactors;
  private final TriaFactors predictFactors;
  private final TriaFactors predictorFactors;

  /**
   * The last triangularisation: its block M, L, and Q when the derivatives need it. The update and
   * the predict each have their own, so the update's stays readable after the predict that follows
   * it ({@link #updateFactors}).
   */
  TriaFactors factors;

  /** W = A⁻¹ E of the last update, p × w row-major; its first column is z. */
  final double[] W;

  /** ‖z‖² of the last update. */
  double zSquared;

  /** Whether steps record what derivatives need (Q, or M when L permits). */
  private boolean forDerivatives;

  /** Whether F keeps its values through the sweep, so that its nonzeros are listed once. */
  private boolean fFixed;

  /** A time-invariant F's nonzeros, listed at the sweep's first predict. */
  private final TransitionNonzeros fNonzeros;

  /** Whether {@link #hDense} has been decided for this sweep's time-invariant H. */
  private boolean hDenseKnown;

  /**
   * Whether more than half of a time-invariant H's entries are nonzero ({@link
   * BlockProduct#mostlyNonzero}).
   */
  private boolean hDense;

  /** Whether updates without derivative records may use {@link AppendedRowsTria}. */
  private boolean rotations = true;

  StepKernel(Dimensions dims) {
    nx = dims.nx();
    tria =
        new SparseHouseholderTria(
            dims.triaRows(), Math.max(dims.triaCols(), dims.predictorArrayCols()));
    appendedRows = new AppendedRowsTria(dims.ny(), nx, dims.updateCols() - nx);
    updateFactors = new TriaFactors(dims.triaRows(), dims.triaCols());
    predictFactors = new TriaFactors(dims.triaRows(), dims.triaCols());
    predictorFactors = new TriaFactors(dims.updateRows(), dims.predictorArrayCols());
    factors = updateFactors;
    XNext = new DMatrixRMaj(nx, dims.meanCols());
    W = new double[dims.ny() * dims.meanCols()];
    fNonzeros = new TransitionNonzeros(nx);
  }

  /**
   * Updates with the observed entries {@code y[index[0..p)]}. The mean is carried as an nx × w
   * matrix {@code X = [m, Ā]}: the mean for δ = 0 and its sensitivities to the w − 1 diffuse
   * directions. With {@code E = [y − d, 0] − H X⁻} (p × w):
   *
   * <pre>
   *   W = A⁻¹ E,   X⁺ = X⁻ + C W,   S⁺ = D
   * </pre>
   *
   * W's first column is the whitened innovation z; the others, −A⁻¹ H Ā, whiten the innovation's
   * dependence on δ. W is left in {@link #W} (p × w, row-major).
   *
   * @param t step, for error messages
   * @param y observations, length ≥ ny (entries not in index are ignored). Not modified.
   * @param XPred X⁻ (nx × w). Not modified, unless it is XFilt.
   * @param SPred S⁻ (nx × s). Not modified, unless it is SFilt.
   * @param XFilt X⁺, reshaped to nx × w. Modified. May be XPred: X⁻ is then updated in place.
   * @param SFilt S⁺, reshaped to nx × nx. Modified. May be SPred: S⁻ is read into the block before
   *     S⁺ is written.
   * @return the step's terms that do not involve W: −Σ_i log A_ii − (p / 2) log 2π. Its quadratic
   *     term −½ ‖z‖² (for a system with no diffuse direction) is {@link #zSquared}.
   * @throws FilterException if the innovation covariance is singular
   */
  double update(
      int t,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj cholR,
      double[] y,
      int[] index,
      int p,
      DMatrixRMaj XPred,
      DMatrixRMaj SPred,
      DMatrixRMaj XFilt,
      DMatrixRMaj SFilt) {
    updateFactor(H, cholR, index, p, SPred);
    double sumLogDiag = requireRegularInnovation(t, index, p);
    whiten(H, d, y, index, p, XPred);
    gainStep(p, XPred, XFilt);
    lowerRightBlock(p, SFilt);
    return -sumLogDiag - 0.5 * p * LOG_2PI;
  }

  /**
   * The update's triangularisation alone, {@code tria([[H S⁻, cholR], [S⁻, 0]]) = [[A, 0], [C, D]]}
   * into {@link #updateFactors()}, for {@link #update}.
   *
   * @param SPred S⁻, nx × s. Not modified.
   */
  private void updateFactor(
      DMatrixRMaj H, DMatrixRMaj cholR, int[] index, int p, DMatrixRMaj SPred) {
    factors = updateFactors;
    boolean lowerRowsKnown =
        UpdateBlock.build(H, hDense(H), cholR, index, p, SPred, factors.input());
    // S⁻ triangular (every step after the first): rotations that keep its zeros, without Q
    if (forDerivatives || !rotations || !appendedRows.decompose(factors, p, lowerRowsKnown)) {
      tria.decompose(factors, forDerivatives);
    }
  }

  /**
   * The update of step t and the predict to t + 1 as one triangularisation, the one-step
   * predictor's array ({@link PredictorArray}), for a sweep that needs ℓ alone (no filtered moments
   * and no derivative records):
   *
   * <pre>
   *   tria([[H S⁻, cholR, 0], [F S⁻, 0, cholQ]]) = [[A, 0], [K̄, S⁻_{t+1}]]
   *   W = A⁻¹ E,   X⁻_{t+1} = F X⁻ + [c, 0] + K̄ W
   * </pre>
   *
   * W is left in {@link #W} and ‖z‖² in {@link #zSquared}, as {@link #update} leaves them.
   *
   * @param X on entry X⁻_t (nx × w), on exit X⁻_{t+1}. Modified.
   * @param S on entry S⁻_t (nx × s), on exit S⁻_{t+1} (nx × nx). Modified.
   * @return the step's terms that do not involve W, as {@link #update}'s
   * @throws FilterException if the innovation covariance is singular
   */
  double updateAndPredict(
      int t,
      DMatrixRMaj H,
      DMatrixRMaj d,
      DMatrixRMaj cholR,
      DMatrixRMaj F,
      DMatrixRMaj c,
      DMatrixRMaj cholQ,
      double[] y,
      int[] index,
      int p,
      DMatrixRMaj X,
      DMatrixRMaj S) {
    factors = predictorFactors;
    if (fFixed) {
      fNonzeros.index(F);
    }
    // S⁻ is the initial factor at t = 0, a triangularisation's lower-triangular factor after
    PredictorArray.build(
        H,
        hDense(H),
        cholR,
        index,
        p,
        F,
        fFixed ? fNonzeros : null,
        S,
        t > 0,
        cholQ,
        factors.input());
    tria.decompose(factors, false);
    double sumLogDiag = requireRegularInnovation(t, index, p);
    whiten(H, d, y, index, p, X);
    predictMean(F, c, X);
    gainStep(p, X, X);
    lowerRightBlock(p, S);
    return -sumLogDiag - 0.5 * p * LOG_2PI;
  }

  /**
   * Whether a step with p observed entries takes the predictor's array: only without derivative
   * records, for a block of at most {@link #PREDICTOR_ARRAY_MAX_ROWS} rows (of at most {@link
   * #PREDICTOR_ARRAY_MAX_ROWS_BANDED} for a time-invariant F of upper bandwidth one or less), or
   * for one observed entry with a time-invariant, mostly nonzero F ({@link
   * TransitionNonzeros#dense}).
   */
  boolean predictorArrayFits(int p, DMatrixRMaj F) {
    if (forDerivatives) {
      return false;
    }
    if (fFixed) {
      fNonzeros.index(F);
      if (fNonzeros.upperBandwidth() <= 1 && p + nx > PREDICTOR_ARRAY_MAX_ROWS_BANDED) {
        return false;
      }
    }
    if (p + nx <= PREDICTOR_ARRAY_MAX_ROWS) {
      return true;
    }
    return p == 1 && fFixed && fNonzeros.dense();
  }

  /**
   * Whether H is mostly nonzero ({@link BlockProduct#mostlyNonzero}), decided once per sweep for a
   * time-invariant H; false (the general product) for one that may change.
   */
  private boolean hDense(DMatrixRMaj H) {
    if (fFixed && !hDenseKnown) {
      hDense = BlockProduct.mostlyNonzero(H.numRows, H.numCols, H.data);
      hDenseKnown = true;
    }
    return fFixed && hDense;
  }

  /**
   * W = A⁻¹ E with {@code E = [y − d, 0] − H X} on the observed rows, A the leading p × p block of
   * the last triangularisation's L; ‖z‖² of W's first column into {@link #zSquared}.
   */
  private void whiten(DMatrixRMaj H, DMatrixRMaj d, double[] y, int[] index, int p, DMatrixRMaj X) {
    final int w = X.numCols;
    innovation(H, d, y, index, p, X, W);
    TriangularSolve.lower(factors.L(), p, W, 0, w, w, null); // W = A⁻¹ E
    double sumSq = 0;
    for (int i = 0; i < p; i++) {
      sumSq += W[i * w] * W[i * w];
    }
    zSquared = sumSq;
  }

  /**
   * Checks every pivot of A against its row's threshold ({@link Tria#rowRankThreshold}): a pivot at
   * or below it means that observation adds nothing beyond the state and the observations before
   * it, so the innovation covariance is singular.
   *
   * @return Σ_i log A_ii
   */
  private double requireRegularInnovation(int t, int[] index, int p) {
    final DMatrixRMaj L = factors.L();
    final DMatrixRMaj M = factors.input();
    double sumLogDiag = 0;
    for (int i = 0; i < p; i++) {
      double a = L.unsafe_get(i, i);
      if (!(a > Tria.rowRankThreshold(M, i))) {
        throw new FilterException(
            t,
            "the innovation covariance is singular (observation "
                + (index[i] + 1)
                + " is predicted exactly by the state and the other observations), so the"
                + " likelihood has no density here; check for zero noise in both the state"
                + " and this observation");
      }
      sumLogDiag += Math.log(a);
    }
    return sumLogDiag;
  }

  /** E = [y − d, 0] − H X⁻ on the observed rows, p × w row-major. */
  static void innovation(
      DMatrixRMaj H, DMatrixRMaj d, double[] y, int[] index, int p, DMatrixRMaj X, double[] E) {
    final int nx = H.numCols;
    final int w = X.numCols;
    final double[] x = X.data;
    for (int i = 0; i < p; i++) {
      int row = index[i];
      for (int c = 0; c < w; c++) {
        double e = c == 0 ? y[row] - d.data[row] : 0.0;
        for (int j = 0; j < nx; j++) {
          e -= H.data[row * nx + j] * x[j * w + c];
        }
        E[i * w + c] = e;
      }
    }
  }

  /**
   * X⁺ = X⁻ + C W, C the gain block of the last triangularisation's L (the update's C, or the
   * predictor array's K̄ with X the predicted F X⁻ + [c, 0]). Each entry of X⁻ is read only for its
   * own entry of X⁺, so XFilt may be XPred.
   */
  private void gainStep(int p, DMatrixRMaj XPred, DMatrixRMaj XFilt) {
    final int w = XPred.numCols;
    final int n = p + nx;
    final double[] l = factors.L().data;
    final double[] x = XPred.data;
    XFilt.reshape(nx, w, false);
    for (int i = 0; i < nx; i++) {
      int rowOffset = (p + i) * n;
      for (int c = 0; c < w; c++) {
        double v = x[i * w + c];
        for (int j = 0; j < p; j++) {
          v += l[rowOffset + j] * W[j * w + c];
        }
        XFilt.data[i * w + c] = v;
      }
    }
  }

  /**
   * The lower-right nx × nx block of the last triangularisation's L: the update's S⁺ = D, or the
   * predictor array's S⁻_{t+1}.
   */
  private void lowerRightBlock(int p, DMatrixRMaj SFilt) {
    final int n = p + nx;
    final double[] l = factors.L().data;
    SFilt.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      System.arraycopy(l, (p + i) * n + p, SFilt.data, i * nx, nx);
    }
  }

  /**
   * The last update's triangularisation, kept through the predict after it: its block's last nx
   * rows hold that update's S⁻ ({@code [S⁻, 0]}), its L the gain and filtered factor.
   */
  TriaFactors updateFactors() {
    return updateFactors;
  }

  /**
   * Lets updates triangularise by rotations ({@link AppendedRowsTria}) when they record nothing for
   * derivatives that need Q (on by default), or keeps every update on the Householder kernel.
   */
  void rotations(boolean on) {
    rotations = on;
  }

  /**
   * Starts a sweep over a system: a time-invariant one's F (the same at every step) has its
   * nonzeros listed at the first predict and kept ({@link TransitionNonzeros}), instead of F being
   * scanned at every predict.
   */
  void startSweep(StateSpace system) {
    fFixed = system.isTimeInvariant();
    fNonzeros.startSweep(fFixed);
    hDenseKnown = false;
  }

  /** Makes later steps record what derivatives need (for a tape), or not (for ℓ alone). */
  void forDerivatives(boolean forDerivatives) {
    this.forDerivatives = forDerivatives;
  }

  /**
   * Predicts: X⁻ = F X⁺ + [c, 0], S⁻ = tria([F S⁺, cholQ]).
   *
   * @param X on entry X⁺ (nx × w), on exit X⁻. Modified.
   * @param S on entry S⁺ (nx × s), on exit S⁻ (nx × nx). Modified.
   */
  void predict(DMatrixRMaj F, DMatrixRMaj c, DMatrixRMaj cholQ, DMatrixRMaj X, DMatrixRMaj S) {
    factors = predictFactors;
    if (fFixed) {
      fNonzeros.index(F);
      PredictStep.block(F, fNonzeros, S, cholQ, factors.input(), nx);
    } else {
      PredictStep.block(F, S, cholQ, factors.input(), nx); // F may change: multInto looks at it
    }
    tria.decompose(factors, forDerivatives);
    predictMean(F, c, X);
    S.setTo(factors.L());
  }

  /**
   * The mean's predict alone, X⁻ = F X⁺ + [c, 0] (a predict's, or a {@link SteadyState} step's):
   * for a time-invariant F that is mostly zero, at F's nonzeros ({@link
   * TransitionNonzeros#timesInto}) instead of scanning F's nx² entries, and for one that is mostly
   * nonzero as dot products ({@link BlockProduct#denseMultInto}); the same sums either way, up to
   * the sign of an exact zero.
   *
   * @param X on entry X⁺ (nx × w), on exit X⁻. Modified.
   */
  void predictMean(DMatrixRMaj F, DMatrixRMaj c, DMatrixRMaj X) {
    final int w = X.numCols;
    if (fFixed) {
      fNonzeros.index(F);
      XNext.reshape(nx, w, false);
      if (fNonzeros.dense()) {
        BlockProduct.denseMultInto(nx, nx, w, F.data, 0, nx, X.data, 0, w, XNext.data, 0, w);
      } else {
        fNonzeros.timesInto(X.data, w, w, XNext.data, 0, w);
      }
      for (int i = 0; i < nx; i++) {
        XNext.data[i * w] += c.data[i];
      }
    } else {
      PredictStep.mean(F, c, X, XNext);
    }
    X.setTo(XNext);
  }
}
