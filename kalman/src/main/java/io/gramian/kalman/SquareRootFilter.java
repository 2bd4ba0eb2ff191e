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
 * step; an all-NaN y_t skips the update. An innovation covariance that is singular at some step is
 * a {@link FilterException} naming the step, never a NaN.
 *
 * <p>With d exactly diffuse initial directions ({@link StateSpace#cholPinf()}) the mean is carried
 * as an nx × (1 + d) matrix of the mean and its sensitivities to the diffuse δ, and the quadratic
 * terms are replaced by the square-root collapse of {@link DiffuseCollapse}: ℓ is then the exact
 * diffuse log-likelihood of Durbin and Koopman (2012, §7.2.2). Where the proper part of an
 * innovation covariance is singular while a diffuse direction is still unidentified (no observation
 * noise and no proper initial variance), the call reruns on the {@link InflatedDiffuseStart} view,
 * which has the same ℓ and a nonsingular proper part wherever the diffuse part is.
 *
 * <p>An instance is a workspace for one set of {@link Dimensions}: after construction (and once its
 * tape has grown to the longest series seen) it allocates nothing per time step. It is not
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
  private final DiffuseCollapse collapse;
  private final DMatrixRMaj LFrozen;

  /**
   * S⁻_t and X⁻_t of a step taken as the predictor's array that could begin a freeze: for the
   * steady-state test after it, and to run the step again as two blocks when the freeze begins.
   */
  private final DMatrixRMaj SPrevious;

  private final DMatrixRMaj XPrevious;

  private final int[] allObserved;
  private final DiffuseConversion conversion;

  /** Whether a diffuse filter converts to the ordinary one ({@link DiffuseConversion}). */
  private boolean diffuseConversion = true;

  /** The {@link SteadyState} tolerance; {@link SteadyState#OFF} runs every step in full. */
  private double steadyStateTolerance = SteadyState.DEFAULT_TOLERANCE;

  /** Whether steps may be taken as the predictor's array ({@link #predictorArrays}). */
  private boolean usePredictorArrays = true;

  private ReverseSweep reverse;
  private TangentSweep tangent;

  /**
   * Whether a singular innovation in the diffuse period is retried on the {@link
   * InflatedDiffuseStart} view (false for the workspace that runs the view itself).
   */
  private final boolean inflatable;

  private SquareRootFilter inflated;
  private InflatedDiffuseStart view;
  private InflatedDiffuseStart directionView;
  private InflatedDiffuseStart.Adjoints viewAdjoints;

  /** A filter workspace for systems of the given dimensions. */
  public SquareRootFilter(Dimensions dims) {
    this(dims, dims.diffuseRank() > 0);
  }

  private SquareRootFilter(Dimensions dims, boolean inflatable) {
    this.dims = dims;
    this.inflatable = inflatable;
    int nx = dims.nx();
    int cs = dims.predictedCols();
    tape = new FilterTape(dims);
    kernel = new StepKernel(dims);
    index = new int[dims.ny()];
    y = new double[dims.ny()];
    X = new DMatrixRMaj(nx, dims.meanCols());
    S = new DMatrixRMaj(nx, cs);
    XFilt = new DMatrixRMaj(nx, dims.meanCols());
    collapse = new DiffuseCollapse(dims);
    LFrozen = new DMatrixRMaj(dims.ny() + nx, dims.ny() + nx);
    SPrevious = new DMatrixRMaj(nx, cs);
    XPrevious = new DMatrixRMaj(nx, dims.meanCols());
    allObserved = new int[dims.ny()];
    conversion = tape.conversion;
    for (int i = 0; i < allObserved.length; i++) {
      allObserved[i] = i;
    }
  }

  /**
   * Sets the tolerance of the {@link SteadyState} test (default {@link
   * SteadyState#DEFAULT_TOLERANCE}); {@link SteadyState#OFF} (0) turns the steady state off, so
   * that every step is triangularised. Applies to every later call.
   *
   * @return this workspace
   * @throws IllegalArgumentException if {@code tolerance} is negative or not finite
   */
  public SquareRootFilter steadyStateTolerance(double tolerance) {
    if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "the steady-state tolerance must be finite and ≥ 0 (0 turns it off), got " + tolerance);
    }
    this.steadyStateTolerance = tolerance;
    if (inflated != null) {
      inflated.steadyStateTolerance(tolerance);
    }
    return this;
  }

  /**
   * Whether ℓ, its gradient and its tangents convert an exactly diffuse filter to the ordinary one
   * once the data identify every diffuse direction ({@link DiffuseConversion}; on by default): the
   * same ℓ and ℓ_t, without the diffuse sensitivities and the collapse in every later step. Off,
   * the filter stays augmented to the end, {@link #filter}'s too. The rerun on the {@link
   * InflatedDiffuseStart} view never converts. Applies to every later call.
   *
   * @return this workspace
   */
  public SquareRootFilter diffuseConversion(boolean on) {
    this.diffuseConversion = on;
    return this;
  }

  /** Whether {@link #diffuseConversion(boolean)} is on. */
  public boolean diffuseConversion() {
    return diffuseConversion;
  }

  /**
   * Whether the masked rule's tangent sweep carries dP on the ordinary filter's steps (the default)
   * or the factor's tangent dS on every step ({@link TangentSweep#covarianceForm}). For tests.
   */
  SquareRootFilter tangentInCovarianceForm(boolean on) {
    if (tangent == null) {
      tangent = new TangentSweep(dims);
    }
    tangent.covarianceForm(on);
    if (inflatable) {
      inflated().tangentInCovarianceForm(on);
    }
    return this;
  }

  /**
   * Whether updates without Q's records triangularise by rotations ({@link
   * io.gramian.autodiff.AppendedRowsTria}, the default) or by the Householder kernel on every step.
   * For tests; the inflated view keeps the Householder kernel either way.
   */
  SquareRootFilter rotations(boolean on) {
    kernel.rotations(on);
    return this;
  }

  /**
   * Whether steps may be taken as the one-step predictor's array ({@link PredictorArray}, the
   * default) or every step as an update and a predict. For tests.
   */
  SquareRootFilter predictorArrays(boolean on) {
    usePredictorArrays = on;
    return this;
  }

  /** The tolerance of the {@link SteadyState} test; 0 when it is off. */
  public double steadyStateTolerance() {
    return steadyStateTolerance;
  }

  /** The dimensions this workspace was built for. */
  public Dimensions dimensions() {
    return dims;
  }

  /**
   * Bytes the gradient's reverse sweep keeps per time step for systems of these dimensions (the
   * tape of every step's factors); a gradient over T steps needs T times this, held at once.
   */
  public static long gradientBytesPerStep(Dimensions dims) {
    return FilterTape.bytesPerStep(dims);
  }

  /** A filter workspace sized for this system. */
  public static SquareRootFilter forSystem(StateSpace system) {
    return new SquareRootFilter(Dimensions.of(system));
  }

  /**
   * The log-likelihood {@code ℓ = Σ_t ℓ_t}, the Gaussian density of the observed entries. Steps
   * with observations take the update and the predict as one triangularisation where that is
   * cheaper ({@link PredictorArray}); the same ℓ as {@link #filter}'s up to rounding.
   *
   * @param system the system; its dimensions must be this workspace's
   * @param Y observations, T × ny, NaN for missing. Not modified.
   * @throws FilterException if the innovation covariance is singular at some step
   */
  public double logLikelihood(StateSpace system, DMatrixRMaj Y) {
    try {
      return forward(system, Y, null, true, false, false, true);
    } catch (SingularDiffuseStep e) {
      return inflated().logLikelihood(view(system, Y), Y);
    }
  }

  /**
   * Runs the filter and returns every predicted and filtered moment (allocates the result). With
   * {@link #diffuseConversion} on, a diffuse filter turns into the ordinary one as ℓ's does, and
   * the moments after it are the ordinary filter's (the collapsed ones, to rounding); the diffuse
   * smoother then runs the filter again without converting, since it reads every step's diffuse
   * moments ({@link RtsSmoother}).
   *
   * @param Y observations, T × ny, NaN for missing. Not modified.
   */
  public FilterResult filter(StateSpace system, DMatrixRMaj Y) {
    return results(system, Y, true);
  }

  /**
   * {@link #filter} with every step's diffuse moments, whatever {@link #diffuseConversion} says:
   * the diffuse smoother reads the augmented means and factors of every step.
   */
  FilterResult filterAugmented(StateSpace system, DMatrixRMaj Y) {
    return results(system, Y, false);
  }

  /** The results' pass, converting (with {@link #diffuseConversion} on) when {@code convert}. */
  private FilterResult results(StateSpace system, DMatrixRMaj Y, boolean convert) {
    double ll;
    try {
      ll = forward(system, Y, tape, convert, false, false, false);
    } catch (SingularDiffuseStep e) {
      return inflated().filter(view(system, Y), Y);
    }
    return FilterResult.fromTape(tape, system, Y, ll);
  }

  /**
   * The log-likelihood and its gradient with respect to every entry of every system matrix,
   * accumulated into {@code gradient} (+=) by the reverse sweep.
   *
   * @param rule the tria differentiation rule ({@link TriaRule#MASKED} is exact for any rank)
   * @param gradient where the adjoints are added, shaped as the system's matrices. Modified.
   * @return ℓ
   * @throws IllegalArgumentException naming the gradient's matrix whose shape is not the system's,
   *     before anything is computed
   */
  public double logLikelihoodGradient(
      StateSpace system, DMatrixRMaj Y, TriaRule rule, AdjointAccumulator gradient) {
    checkDimensions(system);
    ArgumentShapes.requireAdjoints(gradient, dims);
    double ll;
    try {
      ll = forward(system, Y, tape, true, rule != TriaRule.MASKED, false, rule == TriaRule.MASKED);
    } catch (SingularDiffuseStep e) {
      InflatedDiffuseStart v = view(system, Y);
      ll = inflated().logLikelihoodGradient(v, Y, rule, viewAdjoints.into(gradient));
      v.addAdjoints(viewAdjoints.cholP0Bar(), gradient);
      return ll;
    }
    if (reverse == null) {
      reverse = new ReverseSweep(dims);
    }
    reverse.run(tape, system, Y, rule, gradient);
    return ll;
  }

  /**
   * Directional derivatives of every ℓ_t at once by a forward (tangent) sweep (every step in full:
   * this sweep does not use the {@link SteadyState}): with the system's matrices moved along {@code
   * direction} (a system of the same dimensions whose matrices are the tangents dF, dc, dH, dd,
   * dcholQ, dcholR, dm0, dcholP0), writes dℓ_t into {@code dLogLik[t]}.
   *
   * @param dLogLik output of length ≥ T. Modified.
   * @return ℓ
   * @throws IllegalArgumentException when the direction's dimensions are not the system's or {@code
   *     dLogLik} is shorter than the series, before anything is computed
   */
  public double logLikelihoodTangent(
      StateSpace system, StateSpace direction, DMatrixRMaj Y, TriaRule rule, double[] dLogLik) {
    checkDimensions(system);
    checkTangent(direction, Y, dLogLik);
    double ll;
    try {
      ll = forwardUnfrozen(system, Y, rule);
    } catch (SingularDiffuseStep e) {
      return inflatedTangent(system, direction, Y, rule, dLogLik);
    }
    tangent.run(tape, system, direction, Y, rule, dLogLik);
    return ll;
  }

  /**
   * {@link #logLikelihoodTangent} along several directions at once: one recorded forward sweep,
   * then one tangent sweep per direction on its tape, so k directions cost one forward sweep and k
   * tangent sweeps instead of k of each. Writes dℓ_t along {@code directions[j]} into {@code
   * dLogLik[j][t]}; each row equals what {@link #logLikelihoodTangent} writes for that direction.
   *
   * @param dLogLik output, one row of length ≥ T per direction. Modified.
   * @return ℓ
   * @throws IllegalArgumentException when a direction's dimensions are not the system's or a row of
   *     {@code dLogLik} is shorter than the series (or missing), before anything is computed
   */
  public double logLikelihoodTangents(
      StateSpace system,
      StateSpace[] directions,
      DMatrixRMaj Y,
      TriaRule rule,
      double[][] dLogLik) {
    checkDimensions(system);
    if (dLogLik == null || dLogLik.length < directions.length) {
      throw new IllegalArgumentException(
          "dLogLik has "
              + (dLogLik == null ? "no" : String.valueOf(dLogLik.length))
              + " rows, expected one per direction ("
              + directions.length
              + ")");
    }
    for (int j = 0; j < directions.length; j++) {
      checkTangent(directions[j], Y, dLogLik[j]);
    }
    double ll;
    try {
      ll = forwardUnfrozen(system, Y, rule);
    } catch (SingularDiffuseStep e) {
      if (directions.length == 0) {
        return inflated().logLikelihood(view(system, Y), Y);
      }
      double inflatedLl = 0;
      for (int j = 0; j < directions.length; j++) {
        inflatedLl = inflatedTangent(system, directions[j], Y, rule, dLogLik[j]);
      }
      return inflatedLl;
    }
    for (int j = 0; j < directions.length; j++) {
      tangent.run(tape, system, directions[j], Y, rule, dLogLik[j]);
    }
    return ll;
  }

  private void checkTangent(StateSpace direction, DMatrixRMaj Y, double[] dLogLik) {
    if (!Dimensions.of(direction).equals(dims)) {
      throw new IllegalArgumentException(
          "the direction has " + Dimensions.of(direction) + ", expected the system's " + dims);
    }
    if (dLogLik == null || dLogLik.length < Y.numRows) {
      throw new IllegalArgumentException(
          "dLogLik has length "
              + (dLogLik == null ? "null" : dLogLik.length)
              + ", expected at least T = "
              + Y.numRows);
    }
  }

  /** The tangent sweep on the inflated start, where the diffuse part of a step is singular. */
  private double inflatedTangent(
      StateSpace system, StateSpace direction, DMatrixRMaj Y, TriaRule rule, double[] dLogLik) {
    InflatedDiffuseStart v = view(system, Y);
    StateSpace dv = directionView.wrap(direction, v.alpha());
    return inflated().logLikelihoodTangent(v, dv, Y, rule, dLogLik);
  }

  /**
   * The recorded forward sweep with every step in full, for the tangent sweep under {@code rule}:
   * it differentiates every step's triangularisation, so it runs without the {@link SteadyState}.
   * The steps it takes in covariance form ({@link TangentSweep#inCovarianceForm}: the ordinary
   * filter's, under the masked rule) read L alone, so from the first of them on the forward sweep
   * records no Q.
   */
  private double forwardUnfrozen(StateSpace system, DMatrixRMaj Y, TriaRule rule) {
    if (tangent == null) {
      tangent = new TangentSweep(dims);
    }
    final double tolerance = steadyStateTolerance;
    steadyStateTolerance = SteadyState.OFF;
    try {
      return forward(system, Y, tape, true, true, tangent.inCovarianceForm(rule), false);
    } finally {
      steadyStateTolerance = tolerance;
    }
  }

  /**
   * The forward sweep; records into {@code tape} when it is not null. With {@code convert} (and
   * {@link #diffuseConversion} on) a diffuse filter turns into the ordinary one once its directions
   * are identified ({@link DiffuseConversion}); without, it stays augmented, as the diffuse
   * smoother's filter must ({@link #filterAugmented}). With {@code derivativeRecords} every
   * triangularisation is recorded as its derivatives need it (L checked for the input form, or Q):
   * the tangent sweep and the reverse sweep of the rules other than {@link TriaRule#MASKED}
   * differentiate through them. The masked rule's reverse sweep takes every step in the Gramian and
   * covariance forms, frozen steady-state steps and their freeze step included, which read L alone
   * ({@link ReverseSweep}), so its tape keeps L and M unchecked; so does the results' pass. With
   * {@code ordinaryWithoutRecords} as well, the records stop at the ordinary filter (the
   * conversion, or the start for a system with no diffuse direction): for a tangent sweep that
   * takes those steps in covariance form. With {@code predictorArrays} (and {@link
   * #predictorArrays(boolean)} on) a step with observations takes the update and the predict as one
   * triangularisation ({@link PredictorArray}) where {@link StepKernel#predictorArrayFits} says so,
   * for ℓ alone and on a tape (the masked rule's gradient, whose reverse sweep walks such a step
   * back in one, {@link ReverseSweep}) alike. A step whose array finds the predicted factor
   * converged runs again as two blocks, from its X⁻ and S⁻, and the freeze begins after them: the
   * frozen factor is that step's update, and the freeze's reverse walks back through it. Returns ℓ.
   */
  double forward(
      StateSpace system,
      DMatrixRMaj Y,
      FilterTape tape,
      boolean convert,
      boolean derivativeRecords,
      boolean ordinaryWithoutRecords,
      boolean predictorArrays) {
    checkDimensions(system);
    Observations.check(Y, dims.ny());
    final int T = Y.numRows;
    final int ny = dims.ny();
    final boolean diffuse = dims.diffuseRank() > 0;
    if (tape != null) {
      tape.reset(T);
    }
    // The steady state: only for a system known to be time-invariant, with no diffuse direction.
    final boolean mayFreeze =
        steadyStateTolerance > 0 && !diffuse && system.isTimeInvariant() && ny > 0;
    final boolean records = tape != null && derivativeRecords;
    if (tape != null) {
      tape.derivativeRecords(records);
    }
    kernel.forDerivatives(records && !(ordinaryWithoutRecords && !diffuse));
    kernel.startSweep(system);
    initialMeans(system, X);
    S.setTo(system.cholP0());
    if (diffuse) {
      collapse.reset();
    }
    double total = 0;
    double phi = 0;
    // whether the mean carries the diffuse sensitivities and ℓ_t the collapse's Φ increments
    boolean collapsing = diffuse;
    int freezeStep = -1; // t₀ while frozen, else −1
    // a step taken as the array whose predicted factor had converged, run again as two blocks
    int freezeRerun = -1;
    double frozenConstant = 0;
    for (int t = 0; t < T; t++) {
      int p = Observations.observed(Y, t, index);
      if (tape != null) {
        tape.storeMeans(t, false, X);
      }
      if (freezeStep >= 0 && p < ny) {
        freezeStep = -1; // a missing entry: this step runs in full from the frozen S⁻
      }
      if (freezeStep >= 0) {
        total += frozenStep(system, Y, t, T, freezeStep, frozenConstant, tape);
        continue;
      }
      final boolean candidate = mayFreeze && p == ny && t > 0;
      if (predictorArrays
          && usePredictorArrays
          && !collapsing
          && p > 0
          && t < T - 1
          && t != freezeRerun
          && kernel.predictorArrayFits(p, system.F(t))) {
        // the update and the predict as one triangularisation
        if (candidate) {
          SPrevious.setTo(S);
          XPrevious.setTo(X);
        }
        System.arraycopy(Y.data, t * ny, y, 0, ny);
        final double llt =
            kernel.updateAndPredict(
                    t,
                    system.H(t),
                    system.d(t),
                    system.cholR(t),
                    system.F(t),
                    system.c(t),
                    system.cholQ(t),
                    y,
                    index,
                    p,
                    X,
                    S)
                - 0.5 * kernel.zSquared;
        if (candidate && SteadyState.converged(SPrevious, S, steadyStateTolerance)) {
          // The freeze begins here. Its frozen factor is step t's update, which the array does
          // not form, and the reverse sweep walks the freeze's steps back through that update:
          // step t runs again, from its X⁻ and S⁻, as two blocks, and freezes after them.
          X.setTo(XPrevious);
          S.setTo(SPrevious);
          freezeRerun = t;
          t--;
          continue;
        }
        total += llt;
        if (tape != null) {
          tape.storeArray(t, p, kernel.factors);
          tape.storeW(t, kernel.W, p, X.numCols);
          tape.storeStep(t, index, p, llt, S.numCols);
          tape.storeFrozen(t, -1);
        }
        continue;
      }
      double llt = 0;
      if (p > 0) {
        System.arraycopy(Y.data, t * ny, y, 0, ny);
        try {
          llt =
              kernel.update(t, system.H(t), system.d(t), system.cholR(t), y, index, p, X, S, X, S);
        } catch (FilterException e) {
          if (inflatable && collapse.identified() < dims.diffuseRank()) {
            throw SingularDiffuseStep.INSTANCE;
          }
          throw e;
        }
        if (collapsing) {
          collapse.absorb(kernel.W, p, tape != null);
          double phiNext = collapse.phi();
          llt += phiNext - phi;
          phi = phiNext;
        } else {
          llt -= 0.5 * kernel.zSquared;
        }
        if (tape != null) {
          tape.storeUpdate(t, kernel.factors);
          tape.storeW(t, kernel.W, p, X.numCols);
        }
      }
      if (tape != null && collapsing) {
        tape.storeCollapse(t, collapse.L, collapse.Q);
      }
      if (collapsing
          && convert
          && p > 0
          && t < T - 1
          && diffuseConversion
          && DiffuseConversion.ready(collapse.L)) {
        conversion.convert(collapse.L, X, S, records);
        collapsing = false;
        if (ordinaryWithoutRecords) {
          kernel.forDerivatives(false);
        }
        if (tape != null) {
          tape.storeConversion(t);
        }
      }
      if (tape != null) {
        tape.storeStep(t, index, p, llt, S.numCols);
        tape.storeFrozen(t, -1);
        tape.storeMeans(t, true, X);
      }
      total += llt;
      if (t < T - 1) {
        kernel.predict(system.F(t), system.c(t), system.cholQ(t), X, S);
        if (tape != null) {
          tape.storePredict(t, kernel.factors);
        }
        // S⁻_t, this step's predicted factor, is the update block's [S⁻, 0] below its p rows; a
        // step run again for its freeze freezes as its array decided
        if (candidate
            && (t == freezeRerun
                || SteadyState.converged(
                    kernel.updateFactors().input(), p, S, steadyStateTolerance))) {
          freezeStep = t;
          LFrozen.setTo(kernel.updateFactors().L());
          frozenConstant = SteadyState.constantTerm(LFrozen, ny);
        }
      }
    }
    if (diffuse && collapse.identified() < dims.diffuseRank()) {
      throw new FilterException(
          Math.max(T - 1, 0),
          "the data identify only "
              + collapse.identified()
              + " of the "
              + dims.diffuseRank()
              + " diffuse initial directions; the series is too short (or too sparse) for this"
              + " model");
    }
    return total;
  }

  /**
   * A {@link SteadyState} step t with every entry observed: the update with the factor {@link
   * #LFrozen} of freeze step t₀, then the mean's predict. S keeps the frozen S⁻. Returns ℓ_t.
   */
  private double frozenStep(
      StateSpace system,
      DMatrixRMaj Y,
      int t,
      int T,
      int freezeStep,
      double frozenConstant,
      FilterTape tape) {
    final int ny = dims.ny();
    System.arraycopy(Y.data, t * ny, y, 0, ny);
    double zSquared =
        SteadyState.update(LFrozen, system.H(t), system.d(t), y, allObserved, X, kernel.W, XFilt);
    X.setTo(XFilt);
    double llt = frozenConstant - 0.5 * zSquared;
    if (tape != null) {
      tape.storeW(t, kernel.W, ny, X.numCols);
      tape.storeStep(t, allObserved, ny, llt, S.numCols);
      tape.storeFrozen(t, freezeStep);
      tape.storeMeans(t, true, X);
    }
    if (t < T - 1) {
      kernel.predictMean(system.F(t), system.c(t), X);
    }
    return llt;
  }

  /**
   * A singular innovation covariance while some diffuse direction is not yet identified: the proper
   * part is singular but the diffuse part may not be, so the public methods rerun on the {@link
   * InflatedDiffuseStart} view. Carries no stack trace and is never seen by callers.
   */
  private static final class SingularDiffuseStep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final SingularDiffuseStep INSTANCE = new SingularDiffuseStep();

    private SingularDiffuseStep() {
      super(null, null, false, false);
    }
  }

  /** The workspace that runs {@link InflatedDiffuseStart} views (built on first use). */
  private SquareRootFilter inflated() {
    if (inflated == null) {
      Dimensions viewDims = InflatedDiffuseStart.dimensions(dims);
      inflated = new SquareRootFilter(viewDims, false);
      inflated.steadyStateTolerance = steadyStateTolerance;
      // The view stays augmented: ℓ does not depend on the variance α² it adds along the diffuse
      // directions, but after a conversion that variance is part of P' and the gradient's reverse
      // sweep through the later steps loses digits to it (5e-10 relative on
      // DiffuseSingularProperPartTest's random case, against 2e-11 augmented).
      inflated.diffuseConversion = false;
      // For the same reason its updates keep the Householder kernel the tangent sweep records: the
      // gradient's reverse sweep and the tangent sweep then differentiate the same rounding (a
      // rotation kernel's L differs in the last bits relative to α, and the reverse sweep
      // amplifies them: 6e-10 relative against the tangent on the random case, against 2e-11).
      inflated.kernel.rotations(false);
      // and takes no step as the predictor's array, which the tangent sweep does not take either
      inflated.usePredictorArrays = false;
      view = new InflatedDiffuseStart(dims);
      directionView = new InflatedDiffuseStart(dims);
      viewAdjoints = new InflatedDiffuseStart.Adjoints(dims);
    }
    return inflated;
  }

  /** The inflated view of {@code system}, with α from {@link #inflationScale}. */
  private InflatedDiffuseStart view(StateSpace system, DMatrixRMaj Y) {
    inflated();
    return view.wrap(system, inflationScale(system, Y));
  }

  /**
   * The scale α of the diffuse variance the {@link InflatedDiffuseStart} view adds: the power of
   * two nearest {@code max |y| / max |H_0 cholPinf|} (over finite y; a zero in either is read as
   * 1). The value does not depend on α; its size sets rounding only, and this choice makes the
   * added variance, seen through the first observation, the size of the data, and scales exactly
   * with them.
   */
  static double inflationScale(StateSpace system, DMatrixRMaj Y) {
    double ymax = 0;
    for (int i = 0; i < Y.getNumElements(); i++) {
      double v = Math.abs(Y.data[i]);
      if (Double.isFinite(v)) {
        ymax = Math.max(ymax, v);
      }
    }
    DMatrixRMaj H = system.H(0);
    DMatrixRMaj Pinf = system.cholPinf();
    double gmax = 0;
    for (int i = 0; i < H.numRows; i++) {
      for (int j = 0; j < Pinf.numCols; j++) {
        double g = 0;
        for (int l = 0; l < H.numCols; l++) {
          g += H.unsafe_get(i, l) * Pinf.unsafe_get(l, j);
        }
        gmax = Math.max(gmax, Math.abs(g));
      }
    }
    double ratio = (ymax > 0 ? ymax : 1) / (gmax > 0 ? gmax : 1);
    if (!(ratio > Double.MIN_NORMAL && ratio < Double.MAX_VALUE)) {
      return 1;
    }
    return Math.scalb(1.0, Math.getExponent(ratio));
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
    if (system.nx() != dims.nx()
        || system.ny() != dims.ny()
        || system.q() != dims.q()
        || system.r() != dims.r()
        || system.k() != dims.k()
        || system.diffuseRank() != dims.diffuseRank()) {
      throw new IllegalArgumentException(
          "this filter was built for " + dims + " but the system has " + Dimensions.of(system));
    }
  }
}
