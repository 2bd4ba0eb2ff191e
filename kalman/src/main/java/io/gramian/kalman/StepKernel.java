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
 * restricted to the p observed entries of y. After a call, {@link #factors} holds the step's
 * triangularisation and {@link #W} its whitened innovation, for a tape to record. Allocates nothing
 * once built.
 */
final class StepKernel {

  static final double LOG_2PI = Math.log(2 * Math.PI);

  private final int nx;
  private final SparseHouseholderTria tria;
  private final AppendedRowsTria appendedRows;
  private final DMatrixRMaj XNext;

  private final TriaFactors updateFactors;
  private final TriaFactors predictFactors;

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
    tria = new SparseHouseholderTria(dims.triaRows(), dims.triaCols());
    appendedRows = new AppendedRowsTria(dims.ny(), nx, dims.updateCols() - nx);
    updateFactors = new TriaFactors(dims.triaRows(), dims.triaCols());
    predictFactors = new TriaFactors(dims.triaRows(), dims.triaCols());
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
    factors = updateFactors;
    if (fFixed && !hDenseKnown) {
      hDense = BlockProduct.mostlyNonzero(H.numRows, H.numCols, H.data);
      hDenseKnown = true;
    }
    boolean lowerRowsKnown =
        UpdateBlock.build(H, fFixed && hDense, cholR, index, p, SPred, factors.input());
    // S⁻ triangular (every step after the first): rotations that keep its zeros, without Q
    if (forDerivatives || !rotations || !appendedRows.decompose(factors, p, lowerRowsKnown)) {
      tria.decompose(factors, forDerivatives);
    }
    double sumLogDiag = requireRegularInnovation(t, index, p);
    final int w = XPred.numCols;
    innovation(H, d, y, index, p, XPred, W);
    TriangularSolve.lower(factors.L(), p, W, 0, w, w, null); // W = A⁻¹ E
    double sumSq = 0;
    for (int i = 0; i < p; i++) {
      sumSq += W[i * w] * W[i * w];
    }
    zSquared = sumSq;
    meanUpdate(p, XPred, XFilt);
    filteredFactor(p, SFilt);
    return -sumLogDiag - 0.5 * p * LOG_2PI;
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
   * X⁺ = X⁻ + C W, C the gain block of the last update's L. Each entry of X⁻ is read only for its
   * own entry of X⁺, so XFilt may be XPred.
   */
  private void meanUpdate(int p, DMatrixRMaj XPred, DMatrixRMaj XFilt) {
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

  /** S⁺ = D, the lower-right block of the last update's L. */
  private void filteredFactor(int p, DMatrixRMaj SFilt) {
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
