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
 * <p>With d exactly diffuse initial directions ({@link StateSpace#cholPinf()}) the mean is
 * carried as an nx × (1 + d) matrix of the mean and its sensitivities to the diffuse δ, and
 * the quadratic terms are replaced by the square-root collapse of {@link DiffuseCollapse}: ℓ is
 * then the exact diffuse log-likelihood of Durbin and Koopman (2012, §7.2.2).
 *
 * <p>An instance is a workspace for one set of {@link Dimensions}: after construction (and once
 * its tape has grown to the longest series seen) it allocates nothing per time step. It is not
 * thread-safe; use one per thread.
 */
public final class SquareRootFilter {

  final Dimensions dims;
  final FilterTape tape;
  private final StepKernel kernel;
  private final int[] index;
  private final double[] y;
  private final DMatrixRMaj X;
  private final DMatrixRMaj S;
  private final DMatrixRMaj XFilt;
  private final DMatrixRMaj SFilt;
  private final DiffuseCollapse collapse;

  private ReverseSweep reverse;
  private TangentSweep tangent;

  /** A filter workspace for systems of the given dimensions. */
  public SquareRootFilter(Dimensions dims) {
    this.dims = dims;
    int nx = dims.nx();
    int cs = dims.predictedCols();
    tape = new FilterTape(dims);
    kernel = new StepKernel(dims);
    index = new int[dims.ny()];
    y = new double[dims.ny()];
    X = new DMatrixRMaj(nx, dims.meanCols());
    S = new DMatrixRMaj(nx, cs);
    XFilt = new DMatrixRMaj(nx, dims.meanCols());
    SFilt = new DMatrixRMaj(nx, nx);
    collapse = new DiffuseCollapse(dims);
  }

  /** The dimensions this workspace was built for. */
  public Dimensions dimensions() {
    return dims;
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
  double forward(StateSpace system, DMatrixRMaj Y, FilterTape tape) {
    checkDimensions(system);
    Observations.check(Y, dims.ny());
    final int T = Y.numRows;
    final int ny = dims.ny();
    final boolean diffuse = dims.diffuseRank() > 0;
    if (tape != null) {
      tape.reset(T);
    }
    kernel.forDerivatives(tape != null);
    initialMeans(system, X);
    S.setTo(system.cholP0());
    if (diffuse) {
      collapse.reset();
    }
    double total = 0;
    double phi = 0;
    for (int t = 0; t < T; t++) {
      int p = Observations.observed(Y, t, index);
      if (tape != null) {
        tape.storeMeans(t, false, X);
      }
      double llt = 0;
      if (p > 0) {
        System.arraycopy(Y.data, t * ny, y, 0, ny);
        llt =
            kernel.update(
                t, system.H(t), system.d(t), system.cholR(t), y, index, p, X, S, XFilt, SFilt);
        X.setTo(XFilt);
        S.setTo(SFilt);
        if (diffuse) {
          collapse.absorb(kernel.W, p, tape != null);
          double phiNext = collapse.phi();
          llt += phiNext - phi;
          phi = phiNext;
        } else {
          llt -= 0.5 * kernel.zSquared;
        }
        if (tape != null) {
          tape.storeUpdate(t, kernel.factors);
          tape.storeW(t, kernel.W, p);
        }
      }
      if (tape != null) {
        if (diffuse) {
          tape.storeCollapse(t, collapse.L, collapse.Q);
        }
        tape.storeStep(t, index, p, llt, S.numCols);
        tape.storeMeans(t, true, X);
      }
      total += llt;
      if (t < T - 1) {
        kernel.predict(system.F(t), system.c(t), system.cholQ(t), X, S);
        if (tape != null) {
          tape.storePredict(t, kernel.factors);
        }
      }
    }
    if (diffuse && collapse.identified() < dims.diffuseRank()) {
      throw new FilterException(
          Math.max(T - 1, 0),
          "the data identify only " + collapse.identified() + " of the " + dims.diffuseRank()
              + " diffuse initial directions; the series is too short (or too sparse) for this"
              + " model");
    }
    return total;
  }

  /** X⁻_0 = [m0, cholPinf]. */
  static void initialMeans(StateSpace system, DMatrixRMaj X) {
    int nx = system.nx();
    int w = 1 + system.diffuseRank();
    DMatrixRMaj m0 = system.m0();
    DMatrixRMaj Pinf = system.cholPinf();
    X.reshape(nx, w, false);
    for (int i = 0; i < nx; i++) {
      X.data[i * w] = m0.data[i];
      for (int j = 1; j < w; j++) {
        X.data[i * w + j] = Pinf.unsafe_get(i, j - 1);
      }
    }
  }

  /** Compares field by field, so that a call allocates nothing. */
  private void checkDimensions(StateSpace system) {
    if (system.nx() != dims.nx() || system.ny() != dims.ny() || system.q() != dims.q()
        || system.r() != dims.r() || system.k() != dims.k() || system.diffuseRank() != dims.diffuseRank()) {
      throw new IllegalArgumentException(
          "this filter was built for " + dims + " but the system has " + Dimensions.of(system));
    }
  }
}
