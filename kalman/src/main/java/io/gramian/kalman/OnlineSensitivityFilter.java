package io.gramian.kalman;

import io.gramian.autodiff.TriaRule;
import org.ejml.data.DMatrixRMaj;

/**
 * The online square-root filter with its sensitivities carried step by step: along each of n
 * directions θ_j of the system matrices, the tangents of the mean and factor and of each step's
 * log-likelihood term,
 *
 * <pre>
 *   dm_t/dθ_j (nx × 1),   dS_t/dθ_j (nx × s),   s_t,j = dℓ_t/dθ_j,   g_j = Σ_t s_t,j
 * </pre>
 *
 * by forward-mode differentiation of each update and predict ({@link StepTangent}: the
 * triangularisation's tangent rule, exact for any rank with {@link TriaRule#MASKED}). No tape is
 * kept and nothing is allocated per step; a step costs one update and one predict plus n
 * triangularisation tangents of each. With the directions ∂(system)/∂θ_j of a parametric model, s_t
 * is the score of step t and g the gradient of ℓ, the ingredients of recursive maximum likelihood
 * (a loop that adapts θ as data arrive; the estimation module's {@code OnlineMaximumLikelihood}).
 *
 * <pre>
 *   OnlineSensitivityFilter kf = new OnlineSensitivityFilter(Dimensions.of(system), n);
 *   kf.reset(system, directions);                       // m0, cholP0 and their tangents
 *   while (running) {
 *     double llt = kf.update(y, system, directions);   // matrices H(t), d(t), cholR(t), t = kf.step()
 *     use(kf.mean(), kf.score(), kf.meanTangent(j));
 *     kf.predict(system, directions);                   // F(t), c(t), cholQ(t)
 *   }
 * </pre>
 *
 * The system and the directions are asked for their matrices at {@link #step()}; they may change
 * between calls (a loop that moves θ passes the system at the new θ and its new directions; the
 * tangents carried over are then those of the filter that ran, the usual recursive approximation).
 * Matrices returned by {@link #mean()}, {@link #cholP()}, {@link #meanTangent(int)} and {@link
 * #score()} are live views, overwritten by the next step. Not thread-safe: one filter per thread.
 */
public final class OnlineSensitivityFilter {

  private final Dimensions dims;
  private final int n;
  private final TriaRule rule;
  private final StepKernel kernel;
  private final StepTangent tangent;
  private final int[] index;
  private final double[] y;
  private final DMatrixRMaj m;
  private final DMatrixRMaj S;
  private final DMatrixRMaj mFilt;
  private final DMatrixRMaj SFilt;
  private final DMatrixRMaj[] dm;
  private final DMatrixRMaj[] dS;
  private final double[] score;
  private final double[] gradient;
  private int step;
  private double logLikelihood;

  /**
   * A filter with the masked tria rule ({@link TriaRule#MASKED}, exact for any rank).
   *
   * @param dims the sizes of the system (no diffuse directions)
   * @param directions n ≥ 0, the number of directions θ_j
   */
  public OnlineSensitivityFilter(Dimensions dims, int directions) {
    this(dims, directions, TriaRule.MASKED);
  }

  /**
   * @param dims the sizes of the system (no diffuse directions)
   * @param directions n ≥ 0, the number of directions θ_j
   * @param rule the triangularisation's derivative rule
   */
  public OnlineSensitivityFilter(Dimensions dims, int directions, TriaRule rule) {
    if (dims.diffuseRank() != 0) {
      throw new IllegalArgumentException(
          "the online filter takes a proper initial state (d = 0); run the batch filter over a"
              + " first stretch of data to resolve diffuse directions");
    }
    if (directions < 0) {
      throw new IllegalArgumentException("the number of directions is negative: " + directions);
    }
    this.dims = dims;
    this.n = directions;
    this.rule = rule;
    kernel = new StepKernel(dims);
    kernel.forDerivatives(true);
    tangent = new StepTangent(dims);
    index = new int[dims.ny()];
    y = new double[dims.ny()];
    int nx = dims.nx();
    int s = dims.predictedCols();
    m = new DMatrixRMaj(nx, 1);
    S = new DMatrixRMaj(nx, s);
    mFilt = new DMatrixRMaj(nx, 1);
    SFilt = new DMatrixRMaj(nx, nx);
    dm = new DMatrixRMaj[n];
    dS = new DMatrixRMaj[n];
    for (int j = 0; j < n; j++) {
      dm[j] = new DMatrixRMaj(nx, 1);
      dS[j] = new DMatrixRMaj(nx, s);
    }
    score = new double[n];
    gradient = new double[n];
  }

  /**
   * Restarts from the system's initial state m0, cholP0 and the directions' tangents of them (zero
   * when a direction does not move the initial state).
   *
   * @param directions n directions, each with the system's dimensions
   */
  public void reset(StateSpace system, StateSpace[] directions) {
    requireShapes(system, directions);
    m.setTo(system.m0());
    S.setTo(system.cholP0());
    for (int j = 0; j < n; j++) {
      dm[j].setTo(directions[j].m0());
      dS[j].setTo(directions[j].cholP0());
    }
    java.util.Arrays.fill(score, 0);
    java.util.Arrays.fill(gradient, 0);
    step = 0;
    logLikelihood = 0;
  }

  /**
   * Conditions on one measurement with the matrices {@code H, d, cholR} of step {@link #step()};
   * NaN entries of y are missing, and an all-NaN y leaves the state and the tangents unchanged.
   *
   * @param y measurement, ny entries. Not modified.
   * @return ℓ_t (0 when nothing was observed); {@link #score()} holds dℓ_t/dθ
   * @throws FilterException if the innovation covariance is singular
   */
  public double update(DMatrixRMaj y, StateSpace system, StateSpace[] directions) {
    requireShapes(system, directions);
    int ny = dims.ny();
    if (y.getNumElements() != ny) {
      throw new IllegalArgumentException(
          "y has " + y.getNumElements() + " entries, expected ny = " + ny);
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
    java.util.Arrays.fill(score, 0);
    if (p == 0) {
      return 0.0;
    }
    final int t = step;
    DMatrixRMaj H = system.H(t);
    double llt =
        kernel.update(t, H, system.d(t), system.cholR(t), this.y, index, p, m, S, mFilt, SFilt)
            - 0.5 * kernel.zSquared;
    for (int j = 0; j < n; j++) {
      StateSpace direction = directions[j];
      score[j] =
          tangent.update(
              kernel.factors,
              rule,
              H,
              direction.H(t),
              direction.d(t),
              direction.cholR(t),
              index,
              0,
              p,
              S,
              m,
              kernel.W,
              0,
              true,
              dm[j],
              dS[j]);
      gradient[j] += score[j];
    }
    m.setTo(mFilt);
    S.setTo(SFilt);
    logLikelihood += llt;
    return llt;
  }

  /**
   * Moves the state and its tangents one step ahead with the matrices {@code F, c, cholQ} of step
   * {@link #step()}, then advances the step.
   */
  public void predict(StateSpace system, StateSpace[] directions) {
    requireShapes(system, directions);
    final int t = step;
    DMatrixRMaj F = system.F(t);
    mFilt.setTo(m); // X⁺ and S⁺, which the predict overwrites and its tangents read
    SFilt.setTo(S);
    kernel.predict(F, system.c(t), system.cholQ(t), m, S);
    for (int j = 0; j < n; j++) {
      StateSpace direction = directions[j];
      tangent.predict(
          kernel.factors,
          rule,
          F,
          direction.F(t),
          direction.c(t),
          direction.cholQ(t),
          SFilt,
          mFilt,
          dm[j],
          dS[j]);
    }
    step++;
  }

  /** The current mean, nx × 1 (a live view). */
  public DMatrixRMaj mean() {
    return m;
  }

  /** The current covariance factor, P = S Sᵀ (a live view). */
  public DMatrixRMaj cholP() {
    return S;
  }

  /** dm/dθ_j, nx × 1 (a live view). */
  public DMatrixRMaj meanTangent(int j) {
    return dm[j];
  }

  /** dS/dθ_j, the tangent of {@link #cholP()} (a live view). */
  public DMatrixRMaj cholPTangent(int j) {
    return dS[j];
  }

  /** dℓ_t/dθ of the last update, length n (a live view; zero after an all-missing y). */
  public double[] score() {
    return score;
  }

  /** Σ_t dℓ_t/dθ since the last reset, length n (a live view). */
  public double[] gradient() {
    return gradient;
  }

  /** Σ ℓ_t since the last reset. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** Predictions made since the last reset: the step whose matrices the next call uses. */
  public int step() {
    return step;
  }

  /** Number n of directions. */
  public int directions() {
    return n;
  }

  /** A copy of everything the next step depends on (allocates). */
  public OnlineFilterState snapshot() {
    return new OnlineFilterState(step, logLikelihood, m, S, dm, dS, gradient);
  }

  /**
   * Continues from a snapshot: afterwards this filter computes exactly what the filter the snapshot
   * was taken from would have.
   *
   * @throws IllegalArgumentException if the snapshot has other sizes or another number of
   *     directions
   */
  public void restore(OnlineFilterState state) {
    OnlineKalmanFilter.requireCompatible(state, dims, n);
    m.setTo(state.meanView());
    S.setTo(state.cholPView());
    for (int j = 0; j < n; j++) {
      dm[j].setTo(state.meanTangentView(j));
      dS[j].setTo(state.cholPTangentView(j));
    }
    System.arraycopy(state.gradientView(), 0, gradient, 0, n);
    java.util.Arrays.fill(score, 0);
    step = state.step();
    logLikelihood = state.logLikelihood();
  }

  /** Checks the sizes of the system and of each direction; allocates nothing unless they differ. */
  private void requireShapes(StateSpace system, StateSpace[] directions) {
    if (!hasSizes(system, true)) {
      throw new IllegalArgumentException(
          "the system has " + Dimensions.of(system) + ", expected " + dims);
    }
    if (directions.length != n) {
      throw new IllegalArgumentException(directions.length + " directions given, expected " + n);
    }
    for (int j = 0; j < n; j++) {
      if (!hasSizes(directions[j], false)) {
        throw new IllegalArgumentException(
            "direction " + (j + 1) + " has " + Dimensions.of(directions[j]) + ", expected " + dims);
      }
    }
  }

  private boolean hasSizes(StateSpace s, boolean withDiffuseRank) {
    return s.nx() == dims.nx()
        && s.ny() == dims.ny()
        && s.q() == dims.q()
        && s.r() == dims.r()
        && s.k() == dims.k()
        && (!withDiffuseRank || s.diffuseRank() == 0);
  }
}
