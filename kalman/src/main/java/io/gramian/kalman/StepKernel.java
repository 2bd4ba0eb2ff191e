package io.gramian.kalman;

import io.gramian.autodiff.RankThreshold;
import io.gramian.autodiff.Tria;
import io.gramian.autodiff.InputForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One update and one predict of the square-root filter, on caller-owned state, shared by the
 * batch filter and the online filter:
 *
 * <pre>
 *   update:   tria([[H S⁻, cholR], [S⁻, 0]]) = [[A, 0], [C, D]]
 *             e = y − H m⁻ − d,  z = A⁻¹ e,  m⁺ = m⁻ + C z,  S⁺ = D
 *             (the mean m generalises to X = [m, Ā] with diffuse sensitivities Ā)
 *             ℓ_t = −½ ‖z‖² − Σ_i log A_ii − (p / 2) log 2π
 *   predict:  m⁻ = F m⁺ + c,  S⁻ = tria([F S⁺, cholQ])
 * </pre>
 *
 * restricted to the p observed entries of y. After a call, {@link #L} and {@link #Q} hold the
 * step's triangularisation and {@link #z} its whitened innovation, for a tape to record.
 * Allocates nothing once built.
 */
final class StepKernel {

  static final double LOG_2PI = Math.log(2 * Math.PI);

  private final int nx;
  private final Tria tria;
  private final InputForm inputForm;
  private final DMatrixRMaj Hobs;
  private final DMatrixRMaj HS;
  private final DMatrixRMaj FS;
  private final DMatrixRMaj M;
  private final DMatrixRMaj XNext;

  /** Factor of the last triangularisation. */
  final DMatrixRMaj L;
  /** Orthogonal factor of the last triangularisation. */
  final DMatrixRMaj Q;
  /** W = A⁻¹ E of the last update, p × w row-major; its first column is z. */
  final double[] W;
  /** ‖z‖² of the last update. */
  double zSquared;
  /** Whether steps record what derivatives need ({@link #Q} or {@link #M}). */
  private boolean formQ;
  /**
   * After a recording step: true when L had no small pivot, so derivatives take M (left in
   * {@link #block()}) in place of Q, which was then not formed; false when Q was formed.
   */
  boolean fromInput;

  StepKernel(Dimensions dims) {
    nx = dims.nx();
    int ny = dims.ny();
    int cs = dims.predictedCols();
    int rows = Math.max(dims.updateRows(), nx);
    int cols = Math.max(dims.updateCols(), dims.predictCols());
    tria = new Tria(rows, cols);
    inputForm = new InputForm(rows);
    Hobs = new DMatrixRMaj(ny, nx);
    HS = new DMatrixRMaj(ny, cs);
    FS = new DMatrixRMaj(nx, cs);
    M = new DMatrixRMaj(rows, cols);
    XNext = new DMatrixRMaj(nx, dims.meanCols());
    L = new DMatrixRMaj(rows, rows);
    Q = new DMatrixRMaj(cols, rows);
    W = new double[ny * dims.meanCols()];
  }

  /**
   * Updates with the observed entries {@code y[index[0..p)]}. The mean is carried as an
   * nx × w matrix {@code X = [m, Ā]}: the mean for δ = 0 and its sensitivities to the w − 1
   * diffuse directions. With {@code E = [y − d, 0] − H X⁻} (p × w):
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
   * @param XPred X⁻ (nx × w). Not modified.
   * @param SPred S⁻ (nx × s). Not modified.
   * @param XFilt X⁺, reshaped to nx × w. Modified.
   * @param SFilt S⁺, reshaped to nx × nx. Modified.
   * @return the step's terms that do not involve W: −Σ_i log A_ii − (p / 2) log 2π. Its
   *     quadratic term −½ ‖z‖² (for a system with no diffuse direction) is {@link #zSquared}.
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
    final int cs = SPred.numCols;
    final int r = cholR.numCols;
    final int w = XPred.numCols;

    // Observed rows of H.
    Hobs.reshape(p, nx, false);
    for (int i = 0; i < p; i++) {
      System.arraycopy(H.data, index[i] * nx, Hobs.data, i * nx, nx);
    }
    CommonOps_DDRM.mult(Hobs, SPred, HS);

    // M_u = [[H S⁻, cholR], [S⁻, 0]]
    M.reshape(p + nx, cs + r, false);
    M.zero();
    CommonOps_DDRM.insert(HS, M, 0, 0);
    for (int i = 0; i < p; i++) {
      System.arraycopy(cholR.data, index[i] * r, M.data, i * (cs + r) + cs, r);
    }
    CommonOps_DDRM.insert(SPred, M, p, 0);
    triangularize();

    final int n = p + nx;
    final double[] l = L.data;
    final double[] x = XPred.data;
    // W = A⁻¹ (E), E = [y − d, 0] − H X⁻, by forward substitution, row by row.
    double sumLogDiag = 0;
    double sumSq = 0;
    for (int i = 0; i < p; i++) {
      int row = index[i];
      double a = l[i * n + i];
      if (!(a > innovationThreshold(i, cs + r))) {
        throw new FilterException(
            t,
            "the innovation covariance is singular (observation " + (row + 1)
                + " is predicted exactly by the state and the other observations), so the"
                + " likelihood has no density here; check for zero noise in both the state"
                + " and this observation");
      }
      for (int c = 0; c < w; c++) {
        double e = c == 0 ? y[row] - d.data[row] : 0.0;
        for (int j = 0; j < nx; j++) {
          e -= Hobs.data[i * nx + j] * x[j * w + c];
        }
        for (int j = 0; j < i; j++) {
          e -= l[i * n + j] * W[j * w + c];
        }
        W[i * w + c] = e / a;
      }
      sumSq += W[i * w] * W[i * w];
      sumLogDiag += Math.log(a);
    }
    zSquared = sumSq;

    // X⁺ = X⁻ + C W,  S⁺ = D.
    XFilt.reshape(nx, w, false);
    SFilt.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      int rowOffset = (p + i) * n;
      for (int c = 0; c < w; c++) {
        double v = x[i * w + c];
        for (int j = 0; j < p; j++) {
          v += l[rowOffset + j] * W[j * w + c];
        }
        XFilt.data[i * w + c] = v;
      }
      System.arraycopy(l, rowOffset + p, SFilt.data, i * nx, nx);
    }
    return -sumLogDiag - 0.5 * p * LOG_2PI;
  }

  /** Makes later steps form Q as well as L (for a tape), or not (for ℓ alone). */
  void formQ(boolean formQ) {
    this.formQ = formQ;
  }

  /**
   * L = tria(M). When recording, Q is formed only if L has a small pivot: otherwise the
   * derivatives use M in its place (Qᵀ = L⁻¹ M), which saves about half of a recorded step.
   */
  private void triangularize() {
    tria.decompose(M, L);
    if (formQ) {
      fromInput = inputForm.permits(L);
      if (!fromInput) {
        tria.lastQ(Q);
      }
    }
  }

  /** The block of the last step: M_u or M_p (n × m). */
  DMatrixRMaj block() {
    return M;
  }

  /**
   * Pivot i of A counts as zero when it is at most τ ({@link RankThreshold}) relative to the
   * norm of row i of the update block's top rows: that observation then adds nothing beyond
   * the state and the observations before it.
   */
  private double innovationThreshold(int i, int cols) {
    double sq = 0;
    int base = i * M.numCols;
    for (int j = 0; j < cols; j++) {
      double v = M.data[base + j];
      sq += v * v;
    }
    return RankThreshold.tau(M.numRows, Math.min(M.numRows, cols), Math.sqrt(sq));
  }

  /**
   * Predicts: X⁻ = F X⁺ + [c, 0], S⁻ = tria([F S⁺, cholQ]).
   *
   * @param X on entry X⁺ (nx × w), on exit X⁻. Modified.
   * @param S on entry S⁺ (nx × s), on exit S⁻ (nx × nx). Modified.
   */
  void predict(DMatrixRMaj F, DMatrixRMaj c, DMatrixRMaj cholQ, DMatrixRMaj X, DMatrixRMaj S) {
    final int cs = S.numCols;
    final int q = cholQ.numCols;
    final int w = X.numCols;
    CommonOps_DDRM.mult(F, S, FS);
    M.reshape(nx, cs + q, false);
    CommonOps_DDRM.insert(FS, M, 0, 0);
    if (q > 0) {
      CommonOps_DDRM.insert(cholQ, M, 0, cs);
    }
    triangularize();
    CommonOps_DDRM.mult(F, X, XNext);
    for (int i = 0; i < nx; i++) {
      XNext.data[i * w] += c.data[i];
    }
    X.setTo(XNext);
    S.setTo(L);
  }
}
