package io.gramian.estimation.online;

import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.LogLikelihood.SystemDirections;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ParameterLayout;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.OnlineFilterState;
import io.gramian.kalman.OnlineSensitivityFilter;
import io.gramian.kalman.StateSpace;
import io.gramian.kalman.StateSpaceSystem;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Recursive maximum likelihood: a model's parameters adapted as each observation arrives, by a
 * Gauss–Newton step on that observation's score (Ljung and Söderström 1983; LeGland and Mevel 1997
 * for state-space models), with the score from the online filter's exact sensitivities ({@link
 * OnlineSensitivityFilter}):
 *
 * <pre>
 *   ℓ_t, s_t = ∂ℓ_t/∂θ         update of the filter and its tangents at θ_t   (θ: the optimiser's)
 *   I_t = I_{t−1} + γ_t (s_t s_tᵀ − I_{t−1}),   γ_t = 1 / (N + t)
 *   θ_{t+1} = θ_t + γ_t I_t⁻¹ s_t                  (a Cholesky solve; the step's size is bounded)
 *   predict of the filter and its tangents with the matrices at θ_{t+1}
 * </pre>
 *
 * <p>It starts where a batch fit of a first stretch of N observations ends ({@link #afterFit}): θ_0
 * = θ̂, the filter's state at the stretch's last step (so exactly diffuse states are resolved by
 * the batch filter, which the online filter needs), and I_0 the stretch's average outer product of
 * scores. With γ_t = 1/(N + t) the recursion is a recursive form of the Gauss–Newton estimate on
 * all observations so far, so its θ tracks the batch estimate on the data seen (docs/online.md
 * measures how closely). The tangents carried over a change of θ are those of the filter that ran,
 * the usual recursive approximation; they start at zero after the stretch.
 *
 * <p>The filter and its sensitivities allocate nothing per step; rebuilding the matrices and their
 * derivatives at the new θ goes through the model's tape and allocates (O(size of the system)).
 * Time-invariant models only (no regressors). Not thread-safe: one object per thread.
 */
public final class OnlineMaximumLikelihood {

  /**
   * The largest change of any parameter in one step, in the optimiser's coordinates (a standard
   * deviation for a variance): a safeguard for early steps, with few observations behind I_t.
   */
  public static final double MAX_STEP = 0.5;

  private final LogLikelihood likelihood;
  private final ParameterLayout layout;
  private final OnlineSensitivityFilter filter;
  private final int stretch;
  private final int k;
  private final double[] theta;
  private final DMatrixRMaj information;
  private final DMatrixRMaj solveMatrix;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj step;
  private final LinearSolverDense<DMatrixRMaj> solver;
  private final DMatrixRMaj y;
  private final DMatrixRMaj zeroMean;
  private final DMatrixRMaj zeroFactor;
  private StateSpace system;
  private StateSpace[] directions;
  private final int updateEvery;
  private int online;
  private int pending;
  private int skipped;

  private OnlineMaximumLikelihood(
      LogLikelihood likelihood,
      double[] theta,
      DMatrixRMaj information,
      FilterResult stretchFilter,
      int updateEvery) {
    this.likelihood = likelihood;
    this.updateEvery = updateEvery;
    this.layout = likelihood.layout();
    this.stretch = likelihood.data().length();
    this.k = theta.length;
    this.theta = theta.clone();
    this.information = information;
    this.solveMatrix = new DMatrixRMaj(k, k);
    this.rhs = new DMatrixRMaj(k, 1);
    this.step = new DMatrixRMaj(k, 1);
    this.solver = LinearSolverFactory_DDRM.chol(k);
    DMatrixRMaj exog = likelihood.data().exog();
    if (exog != null && exog.numCols > 0) {
      throw new IllegalArgumentException(
          "recursive maximum likelihood takes a time-invariant model (no regressors)");
    }
    SystemDirections d = likelihood.systemDirections(theta);
    int last = stretch - 1;
    int nx = d.base().nx();
    DMatrixRMaj m = new DMatrixRMaj(nx, 1, true, stretchFilter.filteredMean(last));
    DMatrixRMaj S = stretchFilter.filteredFactor(last);
    DMatrixRMaj zeroMean = new DMatrixRMaj(nx, 1);
    DMatrixRMaj zeroFactor = new DMatrixRMaj(nx, S.numCols);
    StateSpaceSystem start = d.base().withInitialState(m, S);
    StateSpaceSystem[] startDirections = new StateSpaceSystem[k];
    for (int j = 0; j < k; j++) {
      startDirections[j] = d.directions()[j].withInitialState(zeroMean, zeroFactor);
    }
    this.filter = new OnlineSensitivityFilter(Dimensions.of(start), k);
    filter.reset(start, startDirections);
    this.zeroMean = zeroMean;
    this.zeroFactor = zeroFactor;
    this.y = new DMatrixRMaj(d.base().ny(), 1);
    rebuild(); // the matrices at θ̂, without the start's initial state
    filter.predict(system, directions); // from the stretch's last filtered state to the next step
  }

  /**
   * Fits {@code model} to a first stretch of data by maximum likelihood and starts the recursion
   * there.
   *
   * @param stretch the first observations (enough to fit the model and resolve its diffuse states)
   * @throws IllegalArgumentException when the model varies with time (regressors) or has no free
   *     parameter
   */
  public static OnlineMaximumLikelihood afterFit(
      StateSpaceModel model, ModelData stretch, FitOptions options) {
    return afterFit(model, stretch, options, 1);
  }

  /**
   * As {@link #afterFit(StateSpaceModel, ModelData, FitOptions)}, moving θ every {@code
   * updateEvery} observed steps by the sum of their Gauss–Newton steps, γ_t-weighted scores solved
   * once with the latest I_t: the model's matrices are rebuilt that much less often (the rebuild
   * dominates a step's cost), at the price of θ lagging by up to that many steps.
   *
   * @param updateEvery ≥ 1
   */
  public static OnlineMaximumLikelihood afterFit(
      StateSpaceModel model, ModelData stretch, FitOptions options, int updateEvery) {
    if (updateEvery < 1) {
      throw new IllegalArgumentException("updateEvery must be at least 1, not " + updateEvery);
    }
    FitResult fit = MaximumLikelihood.fit(model, stretch, options);
    LogLikelihood likelihood = new LogLikelihood(model, stretch, options.fixed(), options.rule());
    double[] theta = likelihood.layout().unconstrained(fit.estimates());
    if (theta.length == 0) {
      throw new IllegalArgumentException("the model has no free parameter to adapt");
    }
    double[][] scores = likelihood.scores(theta);
    int k = theta.length;
    DMatrixRMaj information = new DMatrixRMaj(k, k);
    for (double[] s : scores) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          information.data[i * k + j] += s[i] * s[j] / scores.length;
        }
      }
    }
    FilterResult filtered = likelihood.filter(fit.estimates());
    return new OnlineMaximumLikelihood(likelihood, theta, information, filtered, updateEvery);
  }

  /**
   * Takes the next observation: the filter's update at the current θ, the Gauss–Newton step of θ,
   * and the filter's predict at the new θ.
   *
   * @param observation ny values (NaN for missing; an all-missing step leaves θ unchanged)
   * @return ℓ_t, the observation's log-likelihood term at the θ before the step
   */
  public double observe(double... observation) {
    if (observation.length != y.numRows) {
      throw new IllegalArgumentException(
          "the observation has " + observation.length + " values, expected " + y.numRows);
    }
    System.arraycopy(observation, 0, y.data, 0, observation.length);
    double llt = filter.update(y, system, directions);
    online++;
    double[] s = filter.score();
    boolean observed = false;
    for (double v : observation) {
      observed |= !Double.isNaN(v);
    }
    if (observed) {
      adapt(s);
    }
    filter.predict(system, directions);
    return llt;
  }

  /**
   * The Gauss–Newton step: I ← I + γ (s sᵀ − I) at every observed step; θ ← θ + I⁻¹ Σ γ s over the
   * last {@link #updateEvery} of them, bounded by {@link #MAX_STEP}.
   */
  private void adapt(double[] s) {
    double gamma = 1.0 / (stretch + online);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        int e = i * k + j;
        information.data[e] += gamma * (s[i] * s[j] - information.data[e]);
      }
      rhs.data[i] = (pending == 0 ? 0 : rhs.data[i]) + gamma * s[i];
    }
    if (++pending < updateEvery) {
      return;
    }
    pending = 0;
    solveMatrix.setTo(information);
    if (!solver.setA(solveMatrix)) {
      skipped++; // I not positive definite yet: no step
      return;
    }
    solver.solve(rhs, step);
    double largest = 0;
    for (int i = 0; i < k; i++) {
      largest = Math.max(largest, Math.abs(step.data[i]));
    }
    double scale = largest > MAX_STEP ? MAX_STEP / largest : 1.0;
    double[] previous = theta.clone();
    for (int i = 0; i < k; i++) {
      theta[i] += scale * step.data[i];
    }
    try {
      rebuild();
    } catch (IllegalArgumentException | ArithmeticException e) {
      System.arraycopy(previous, 0, theta, 0, k); // a θ the model cannot build: stay
      skipped++;
      rebuild();
    }
  }

  /**
   * The matrices and their directions at θ, as the online filter takes them: no diffuse part and an
   * initial state of the filter's sizes (which it does not read after its reset).
   */
  private void rebuild() {
    SystemDirections d = likelihood.systemDirections(theta);
    system = d.base().withInitialState(zeroMean, zeroFactor);
    StateSpace[] next = new StateSpace[k];
    for (int j = 0; j < k; j++) {
      next[j] = d.directions()[j].withInitialState(zeroMean, zeroFactor);
    }
    directions = next;
  }

  /** The current estimates on the natural scale, in {@link #parameterNames()} order. */
  public double[] estimates() {
    return layout.natural(theta);
  }

  /** The parameters' names (statsmodels' spelling), fixed ones included. */
  public List<String> parameterNames() {
    return layout.names();
  }

  /** The current estimate of one parameter on the natural scale. */
  public double estimate(String name) {
    int i = layout.names().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no parameter '" + name + "'; the model has " + layout.names());
    }
    return estimates()[i];
  }

  /** Observations behind the estimate: the stretch's and those observed online. */
  public int observations() {
    return stretch + online;
  }

  /**
   * Online steps whose parameter step was skipped (a singular information matrix, or a θ the model
   * could not build).
   */
  public int skippedSteps() {
    return skipped;
  }

  /** The online filter (state, sensitivities, running ℓ since the stretch). */
  public OnlineSensitivityFilter filter() {
    return filter;
  }

  /** A snapshot of the filter's state (the parameters are {@link #estimates()}). */
  public OnlineFilterState snapshot() {
    return filter.snapshot();
  }
}
