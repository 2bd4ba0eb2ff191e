package io.gramian.kalman;

import io.gramian.autodiff.RankThreshold;
import io.gramian.autodiff.Tria;
import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The square-root Kalman filter: every covariance is carried as a factor and every step is one
 * {@code tria}. For each step t (update with y_t, then predict to t + 1):
 *
 * <pre>
 *   update:   tria([[H S⁻, cholR], [S⁻, 0]]) = [[A, 0], [C, D]]
 *             e = y − H m⁻ − d,   z = A⁻¹ e,   m⁺ = m⁻ + C z,   S⁺ = D
 *             ℓ_t = −½ ‖z‖² − Σ_i log A_ii − (n_t / 2) log 2π
 *   predict:  m⁻ = F m⁺ + c,   S⁻ = tria([F S⁺, cholQ])
 * </pre>
 *
 * with {@code A Aᵀ = H P⁻ Hᵀ + R} the innovation covariance and {@code D Dᵀ = P⁺}. Nothing is
 * symmetrised, jittered or inverted. A NaN entry of y_t drops that row of H, d and cholR for the
 * step; an all-NaN y_t skips the update. An innovation covariance that is singular at some step
 * is a {@link FilterException} naming the step, never a NaN.
 *
 * <p>An instance is a workspace for one set of {@link Dimensions}: after construction (and once
 * its tape has grown to the longest series seen) it allocates nothing per time step. It is not
 * thread-safe; use one per thread.
 */
public final class SquareRootFilter {

  static final double LOG_2PI = Math.log(2 * Math.PI);

  final Dimensions dims;
  private final Tria tria;
  final Tape tape;
  private final int[] index;

  private final DMatrixRMaj mPred;
  private final DMatrixRMaj SPred;
  private final DMatrixRMaj mFilt;
  private final DMatrixRMaj SFilt;
  private final DMatrixRMaj Hobs;
  private final DMatrixRMaj HS;
  private final DMatrixRMaj FS;
  private final DMatrixRMaj Mu;
  private final DMatrixRMaj Lu;
  private final DMatrixRMaj Qu;
  private final DMatrixRMaj Mp;
  private final DMatrixRMaj Lp;
  private final DMatrixRMaj Qp;
  private final double[] zWork;

  private ReverseSweep reverse;
  private TangentSweep tangent;

  /** A filter workspace for systems of the given dimensions. */
  public SquareRootFilter(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int ny = dims.ny();
    int cs = dims.predictedCols();
    tria =
        new Tria(
            Math.max(dims.updateRows(), nx), Math.max(dims.updateCols(), dims.predictCols()));
    tape = new Tape(dims);
    index = new int[ny];
    mPred = new DMatrixRMaj(nx, 1);
    SPred = new DMatrixRMaj(nx, cs);
    mFilt = new DMatrixRMaj(nx, 1);
    SFilt = new DMatrixRMaj(nx, cs);
    Hobs = new DMatrixRMaj(ny, nx);
    HS = new DMatrixRMaj(ny, cs);
    FS = new DMatrixRMaj(nx, cs);
    Mu = new DMatrixRMaj(dims.updateRows(), dims.updateCols());
    Lu = new DMatrixRMaj(dims.updateRows(), dims.updateRows());
    Qu = new DMatrixRMaj(dims.updateCols(), dims.updateRows());
    Mp = new DMatrixRMaj(nx, dims.predictCols());
    Lp = new DMatrixRMaj(nx, nx);
    Qp = new DMatrixRMaj(dims.predictCols(), nx);
    zWork = new double[ny];
  }

  /** A filter workspace sized for this system. */
  public static SquareRootFilter forSystem(StateSpace system) {
    return new SquareRootFilter(Dimensions.of(system));
  }

  /**
   * The log-likelihood {@code ℓ = Σ_t ℓ_t}, the Gaussian density of the observed entries.
   *
   * @param system the system; its dimensions must be this workspace's
   * @param Y observations, T × ny, NaN for missing. Not modified.
   * @throws FilterException if the innovation covariance is singular at some step
   */
  public double logLikelihood(StateSpace system, DMatrixRMaj Y) {
    return forward(system, Y, null);
  }

  /**
   * Runs the filter and returns every predicted and filtered moment (allocates the result).
   *
   * @param Y observations, T × ny, NaN for missing. Not modified.
   */
  public FilterResult filter(StateSpace system, DMatrixRMaj Y) {
    double ll = forward(system, Y, tape);
    return FilterResult.fromTape(tape, system, Y, ll);
  }

  /**
   * The log-likelihood and its gradient with respect to every entry of every system matrix,
   * accumulated into {@code gradient} (+=) by the reverse sweep.
   *
   * @param rule the tria differentiation rule ({@link TriaRule#MASKED} is exact for any rank)
   * @param gradient where the adjoints are added. Modified.
   * @return ℓ
   */
  public double logLikelihoodGradient(
      StateSpace system, DMatrixRMaj Y, TriaRule rule, AdjointAccumulator gradient) {
    double ll = forward(system, Y, tape);
    if (reverse == null) {
      reverse = new ReverseSweep(dims);
    }
    reverse.run(tape, system, Y, rule, gradient);
    return ll;
  }

  /**
   * Directional derivatives of every ℓ_t at once by a forward (tangent) sweep: with the system's
   * matrices moved along {@code direction} (a system of the same dimensions whose matrices are
   * the tangents dF, dc, dH, dd, dcholQ, dcholR, dm0, dcholP0), writes dℓ_t into
   * {@code dLogLik[t]}.
   *
   * @param dLogLik output of length ≥ T. Modified.
   * @return ℓ
   */
  public double logLikelihoodTangent(
      StateSpace system, StateSpace direction, DMatrixRMaj Y, TriaRule rule, double[] dLogLik) {
    double ll = forward(system, Y, tape);
    if (tangent == null) {
      tangent = new TangentSweep(dims);
    }
    tangent.run(tape, system, direction, Y, rule, dLogLik);
    return ll;
  }

  /** The forward sweep; records into {@code tape} when it is not null. Returns ℓ. */
  double forward(StateSpace system, DMatrixRMaj Y, Tape tape) {
    checkDimensions(system);
    Observations.check(Y, dims.ny());
    final int T = Y.numRows;
    final int nx = dims.nx();
    if (tape != null) {
      tape.reset(T);
    }
    mPred.setTo(system.m0());
    SPred.setTo(system.cholP0());
    double total = 0;
    for (int t = 0; t < T; t++) {
      int p = Observations.observed(Y, t, index);
      double llt = 0;
      if (p > 0) {
        llt = update(system, Y, t, p, tape);
      } else {
        mFilt.setTo(mPred);
        SFilt.setTo(SPred);
      }
      total += llt;
      if (tape != null) {
        tape.observedCount[t] = p;
        System.arraycopy(index, 0, tape.observedIndex, t * dims.ny(), p);
        tape.logLik[t] = llt;
        tape.filteredCols[t] = SFilt.numCols;
        System.arraycopy(mPred.data, 0, tape.mPred, t * nx, nx);
        System.arraycopy(mFilt.data, 0, tape.mFilt, t * nx, nx);
      }
      if (t < T - 1) {
        predict(system, t, tape);
      }
    }
    return total;
  }

  /** Update with the p observed entries of y_t; leaves m⁺, S⁺ in mFilt, SFilt. Returns ℓ_t. */
  private double update(StateSpace system, DMatrixRMaj Y, int t, int p, Tape tape) {
    final int nx = dims.nx();
    final DMatrixRMaj H = system.H(t);
    final DMatrixRMaj d = system.d(t);
    final DMatrixRMaj cholR = system.cholR(t);
    final int cs = SPred.numCols;
    final int r = cholR.numCols;

    // Observed rows of H.
    Hobs.reshape(p, nx, false);
    for (int i = 0; i < p; i++) {
      System.arraycopy(H.data, index[i] * nx, Hobs.data, i * nx, nx);
    }
    CommonOps_DDRM.mult(Hobs, SPred, HS);

    // M_u = [[H S⁻, cholR], [S⁻, 0]]
    Mu.reshape(p + nx, cs + r, false);
    Mu.zero();
    CommonOps_DDRM.insert(HS, Mu, 0, 0);
    for (int i = 0; i < p; i++) {
      System.arraycopy(cholR.data, index[i] * r, Mu.data, i * (cs + r) + cs, r);
    }
    CommonOps_DDRM.insert(SPred, Mu, p, 0);

    if (tape != null) {
      tria.decompose(Mu, Lu, Qu);
      tape.storeUpdate(t, Lu, Qu);
    } else {
      tria.decompose(Mu, Lu, Qu);
    }
    final int n = p + nx;
    final double[] L = Lu.data;

    // Innovation e = y − H m⁻ − d, whitened z = A⁻¹ e (forward substitution).
    double sumLogDiag = 0;
    double sumSq = 0;
    for (int i = 0; i < p; i++) {
      int row = index[i];
      double e = Y.unsafe_get(t, row) - d.data[row];
      for (int j = 0; j < nx; j++) {
        e -= Hobs.data[i * nx + j] * mPred.data[j];
      }
      for (int j = 0; j < i; j++) {
        e -= L[i * n + j] * zWork[j];
      }
      double a = L[i * n + i];
      if (!(a > innovationThreshold(i, cs + r))) {
        throw new FilterException(
            t,
            "the innovation covariance is singular (observation " + (row + 1)
                + " is predicted exactly by the state and the other observations), so the"
                + " likelihood has no density here; check for zero noise in both the state"
                + " and this observation");
      }
      double z = e / a;
      zWork[i] = z;
      sumSq += z * z;
      sumLogDiag += Math.log(a);
    }
    if (tape != null) {
      System.arraycopy(zWork, 0, tape.z, t * dims.ny(), p);
    }

    // m⁺ = m⁻ + C z,  S⁺ = D.
    mFilt.reshape(nx, 1, false);
    SFilt.reshape(nx, nx, false);
    for (int i = 0; i < nx; i++) {
      double v = mPred.data[i];
      int rowOffset = (p + i) * n;
      for (int j = 0; j < p; j++) {
        v += L[rowOffset + j] * zWork[j];
      }
      mFilt.data[i] = v;
      System.arraycopy(L, rowOffset + p, SFilt.data, i * nx, nx);
    }
    return -0.5 * sumSq - sumLogDiag - 0.5 * p * LOG_2PI;
  }

  /**
   * Pivot i of A is zero (to rounding) when it is at most τ relative to the norm of row i of the
   * update block's top rows: that row then adds nothing beyond the rows above it.
   */
  private double innovationThreshold(int i, int cols) {
    double sq = 0;
    int base = i * Mu.numCols;
    for (int j = 0; j < cols; j++) {
      double v = Mu.data[base + j];
      sq += v * v;
    }
    return RankThreshold.tau(Mu.numRows, Math.min(Mu.numRows, cols), Math.sqrt(sq));
  }

  /** Predict from step t to t + 1: m⁻ = F m⁺ + c, S⁻ = tria([F S⁺, cholQ]). */
  private void predict(StateSpace system, int t, Tape tape) {
    final int nx = dims.nx();
    final DMatrixRMaj F = system.F(t);
    final DMatrixRMaj cholQ = system.cholQ(t);
    final int cs = SFilt.numCols;
    final int q = cholQ.numCols;
    CommonOps_DDRM.mult(F, SFilt, FS);
    Mp.reshape(nx, cs + q, false);
    CommonOps_DDRM.insert(FS, Mp, 0, 0);
    if (q > 0) {
      CommonOps_DDRM.insert(cholQ, Mp, 0, cs);
    }
    tria.decompose(Mp, Lp, Qp);
    if (tape != null) {
      tape.storePredict(t, Lp, Qp);
    }
    CommonOps_DDRM.mult(F, mFilt, mPred);
    CommonOps_DDRM.addEquals(mPred, system.c(t));
    SPred.setTo(Lp);
  }

  private void checkDimensions(StateSpace system) {
    Dimensions d = Dimensions.of(system);
    if (!d.equals(dims)) {
      throw new IllegalArgumentException(
          "this filter was built for " + dims + " but the system has " + d);
    }
  }
}
