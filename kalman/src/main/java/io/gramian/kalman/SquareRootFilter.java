package io.gramian.kalman;

import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;

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

  final Dimensions dims;
  final Tape tape;
  private final StepKernel kernel;
  private final int[] index;
  private final double[] y;
  private final DMatrixRMaj m;
  private final DMatrixRMaj S;
  private final DMatrixRMaj mFilt;
  private final DMatrixRMaj SFilt;

  private ReverseSweep reverse;
  private TangentSweep tangent;

  /** A filter workspace for systems of the given dimensions. */
  public SquareRootFilter(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int cs = dims.predictedCols();
    tape = new Tape(dims);
    kernel = new StepKernel(dims);
    index = new int[dims.ny()];
    y = new double[dims.ny()];
    m = new DMatrixRMaj(nx, 1);
    S = new DMatrixRMaj(nx, cs);
    mFilt = new DMatrixRMaj(nx, 1);
    SFilt = new DMatrixRMaj(nx, nx);
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
    final int ny = dims.ny();
    if (tape != null) {
      tape.reset(T);
    }
    kernel.formQ(tape != null);
    m.setTo(system.m0());
    S.setTo(system.cholP0());
    double total = 0;
    for (int t = 0; t < T; t++) {
      int p = Observations.observed(Y, t, index);
      if (tape != null) {
        System.arraycopy(m.data, 0, tape.mPred, t * nx, nx);
      }
      double llt = 0;
      if (p > 0) {
        System.arraycopy(Y.data, t * ny, y, 0, ny);
        llt = kernel.update(t, system.H(t), system.d(t), system.cholR(t), y, index, p, m, S, mFilt, SFilt);
        m.setTo(mFilt);
        S.setTo(SFilt);
        if (tape != null) {
          tape.storeUpdate(t, kernel.L, kernel.Q);
          System.arraycopy(kernel.z, 0, tape.z, t * ny, p);
        }
      }
      total += llt;
      if (tape != null) {
        tape.observedCount[t] = p;
        System.arraycopy(index, 0, tape.observedIndex, t * ny, p);
        tape.logLik[t] = llt;
        tape.filteredCols[t] = S.numCols;
        System.arraycopy(m.data, 0, tape.mFilt, t * nx, nx);
      }
      if (t < T - 1) {
        kernel.predict(system.F(t), system.c(t), system.cholQ(t), m, S);
        if (tape != null) {
          tape.storePredict(t, kernel.L, kernel.Q);
        }
      }
    }
    return total;
  }

  private void checkDimensions(StateSpace system) {
    Dimensions d = Dimensions.of(system);
    if (!d.equals(dims)) {
      throw new IllegalArgumentException(
          "this filter was built for " + dims + " but the system has " + d);
    }
  }
}
