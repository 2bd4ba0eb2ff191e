package io.gramian.estimation.models;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The vector autoregressive moving average VARMA(p, q) of k series — VAR(p) when q = 0 — as
 * statsmodels' {@code VARMAX(y, order=(p, q), trend=…)} writes it in state-space form:
 *
 * <pre>
 *   y_t = c + A_1 y_{t−1} + … + A_p y_{t−p} + ε_t + M_1 ε_{t−1} + … + M_q ε_{t−q},
 *   ε_t ~ N(0, L Lᵀ),   L k × k lower triangular
 *
 *   x_t = (y_t, …, y_{t−p'+1}, ε_t, …, ε_{t−q+1}),   p' = max(p, 1),   nx = k (p' + q)
 *   F: first k rows [A_1 … A_p', M_1 … M_q] (A_1 = 0 when p = 0); the y blocks and the ε blocks
 *      shift down by one block each; c_x = (c, 0);  cholQ = L in the first y block and in the
 *      first ε block, 0 elsewhere;  H = [I_k, 0];  cholR = 0
 *   x_1 ~ N(μ, P):  μ = (I − F)⁻¹ c_x,  P = F P Fᵀ + cholQ cholQᵀ  (the stationary distribution)
 * </pre>
 *
 * The observations carry no noise of their own (cholR = 0: y_t is the state's first block exactly),
 * the case the square-root filter's masked rule keeps exact. The stationary start is computed on
 * the tape ({@link StationaryFactor#of}, {@link StationaryFactor#mean}). Stationarity is enforced
 * by Ansley and Kohn's transform ({@link io.gramian.estimation.transform.StationaryVar}): every θ
 * gives a stationary [A_1 … A_p] and an invertible MA polynomial I + M_1 z + … + M_q z^q, as
 * statsmodels' {@code enforce_stationarity} and {@code enforce_invertibility}; natural values
 * outside (given as fixed parameters or start values) are refused naming the coefficients.
 * statsmodels feeds Σ into the AR map and applies the AR map to +M; the identity variance and the
 * MA's own sign here reach the same coefficients (docs/models.md §10).
 *
 * <p>Parameters, in statsmodels' order and names: with trend {@code c}, {@code intercept.A} for
 * each series A; then {@code L<l>.<B>.<A>}, entry (A, B) of A_l (the coefficient of series B at lag
 * l in the equation of A), equation by equation, lag by lag; then likewise {@code L<l>.e(<B>).<A>},
 * entry (A, B) of M_l; then the entries of L row by row over the lower triangle, {@code sqrt.var.A}
 * on the diagonal and {@code sqrt.cov.B.A} for row A, column B. All are real numbers (a column of L
 * may change sign without changing L Lᵀ).
 */
public final class VectorAutoregression implements SeveralSeriesModel {

  /**
   * The deterministic terms, statsmodels' {@code trend}: none, an intercept per equation, a time
   * trend per equation, or both. The time trend of observation s (0-based) is s + 1 (statsmodels'
   * {@code trend_offset = 1}).
   */
  public enum Trend {
    /** No deterministic term. */
    NONE("n", false, false),
    /** An intercept per equation. */
    CONSTANT("c", true, false),
    /** A time trend per equation, no intercept. */
    TIME("t", false, true),
    /** An intercept and a time trend per equation. */
    CONSTANT_AND_TIME("ct", true, true);

    private final String spelling;
    private final boolean constant;
    private final boolean time;

    Trend(String spelling, boolean constant, boolean time) {
      this.spelling = spelling;
      this.constant = constant;
      this.time = time;
    }

    /** statsmodels' spelling: {@code n}, {@code c}, {@code t} or {@code ct}. */
    public String spelling() {
      return spelling;
    }

    /** Whether the equations have intercepts. */
    public boolean hasConstant() {
      return constant;
    }

    /** Whether the equations have a time trend. */
    public boolean hasTime() {
      return time;
    }

    /** Deterministic terms per equation: 0, 1 or 2. */
    int terms() {
      return (constant ? 1 : 0) + (time ? 1 : 0);
    }

    /**
     * The trend statsmodels spells {@code text}.
     *
     * @throws IllegalArgumentException for another spelling
     */
    public static Trend parse(String text) {
      for (Trend t : values()) {
        if (t.spelling.equals(text)) {
          return t;
        }
      }
      throw new IllegalArgumentException(
          "--trend: '"
              + text
              + "' is not one of n (none), c (an intercept), t (a time trend), ct (both)");
    }
  }

  private final List<String> series;
  private final int order;
  private final int movingAverage;
  private final Trend trend;
  private final List<String> exog;
  private final DynamicFactor.ErrorCovariance errorCovariance;
  private final boolean measurementError;

  /**
   * The VAR(p).
   *
   * @param series the names of the k series, in the data's column order
   * @param order p ≥ 1, the number of lags
   * @param trend the deterministic terms
   * @throws IllegalArgumentException when there are no series, a name repeats, or p &lt; 1
   */
  public VectorAutoregression(List<String> series, int order, Trend trend) {
    this(series, order, 0, trend);
    if (order < 1) {
      throw new IllegalArgumentException("a VAR's order is at least 1 lag, got " + order);
    }
  }

  /**
   * The VARMA(p, q).
   *
   * @param order p ≥ 0, the autoregressive lags
   * @param movingAverage q ≥ 0, the moving-average lags; p + q ≥ 1
   * @throws IllegalArgumentException when there are no series, a name repeats, p or q is negative,
   *     or both are 0
   */
  public VectorAutoregression(List<String> series, int order, int movingAverage, Trend trend) {
    this(series, order, movingAverage, trend, List.of());
  }

  /**
   * The VARMAX(p, q): the VARMA(p, q) with regressors x_t in every equation, {@code y_t = c_t + B
   * x_t + …} (statsmodels' {@code exog}, coefficients {@code beta.X.A}).
   *
   * @param exog the regressors' names, the data's {@code exog} columns in order (may be empty)
   * @throws IllegalArgumentException as the VARMA's constructor, or when a regressor's name repeats
   */
  public VectorAutoregression(
      List<String> series, int order, int movingAverage, Trend trend, List<String> exog) {
    this(
        series,
        order,
        movingAverage,
        trend,
        exog,
        DynamicFactor.ErrorCovariance.UNSTRUCTURED,
        false);
  }

  /**
   * The VARMAX(p, q) with statsmodels' other error specifications: {@code error_cov_type} diagonal
   * (variances {@code sigma2.A}, uncorrelated innovations) or unstructured (the factor L, {@code
   * sqrt.var.A}, {@code sqrt.cov.B.A}), and {@code measurement_error}: y_t observed with
   * independent noise of variance {@code measurement_variance.A} (cholR = diag, not 0).
   *
   * @param errorCovariance DIAGONAL or UNSTRUCTURED (statsmodels' VARMAX has no scalar type)
   * @throws IllegalArgumentException as the other constructors, or for a scalar covariance
   */
  public VectorAutoregression(
      List<String> series,
      int order,
      int movingAverage,
      Trend trend,
      List<String> exog,
      DynamicFactor.ErrorCovariance errorCovariance,
      boolean measurementError) {
    if (errorCovariance == DynamicFactor.ErrorCovariance.SCALAR) {
      throw new IllegalArgumentException(
          "--error-cov scalar goes with --model dfm; a VAR's innovations are diagonal or"
              + " unstructured (statsmodels' VARMAX error_cov_type)");
    }
    this.errorCovariance = errorCovariance;
    this.measurementError = measurementError;
    this.series = List.copyOf(series);
    this.exog = List.copyOf(exog);
    if (this.exog.stream().distinct().count() != this.exog.size()) {
      throw new IllegalArgumentException("the regressors' names repeat: " + this.exog);
    }
    if (this.series.isEmpty()) {
      throw new IllegalArgumentException("a VAR needs at least one series");
    }
    if (this.series.stream().distinct().count() != this.series.size()) {
      throw new IllegalArgumentException("the series names repeat: " + this.series);
    }
    if (order < 0 || movingAverage < 0 || order + movingAverage == 0) {
      throw new IllegalArgumentException(
          "a VARMA's orders are p, q ≥ 0 with at least one lag, got p = "
              + order
              + ", q = "
              + movingAverage);
    }
    this.order = order;
    this.movingAverage = movingAverage;
    this.trend = trend;
  }

  @Override
  public String name() {
    return movingAverage == 0 ? "var" : "varmax";
  }

  @Override
  public List<String> series() {
    return series;
  }

  /** p, the autoregressive lags. */
  public int order() {
    return order;
  }

  /** q, the moving-average lags. */
  public int movingAverage() {
    return movingAverage;
  }

  /** The deterministic terms. */
  public Trend trend() {
    return trend;
  }

  /** The innovations' covariance: diagonal or unstructured. */
  public DynamicFactor.ErrorCovariance errorCovariance() {
    return errorCovariance;
  }

  /** Whether the observations carry measurement error of their own. */
  public boolean measurementError() {
    return measurementError;
  }

  /** The regressors' names (empty without regressors). */
  public List<String> regressors() {
    return exog;
  }

  @Override
  public boolean takesRegressors() {
    return !exog.isEmpty();
  }

  /**
   * Whether the deterministic part varies with time (a time trend or regressors): its coefficients
   * are then carried as constant states, see {@link #build}.
   */
  private boolean timeVarying() {
    return trend.hasTime() || !exog.isEmpty();
  }

  /** Coefficients per equation of the deterministic part: trend terms, then regressors. */
  private int deterministicTerms() {
    return trend.terms() + exog.size();
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int k = series.size();
    for (String s : series) {
      if (trend.hasConstant()) {
        names.add("intercept." + s);
      }
      if (trend.hasTime()) {
        names.add("drift." + s);
      }
    }
    if (!names.isEmpty()) {
      blocks.add(ParameterBlock.real(names.toArray(String[]::new)));
    }
    if (order > 0) {
      List<String> ar = new ArrayList<>();
      for (int eq = 0; eq < k; eq++) {
        for (int lag = 1; lag <= order; lag++) {
          for (int var = 0; var < k; var++) {
            ar.add(String.format(Locale.ROOT, "L%d.%s.%s", lag, series.get(var), series.get(eq)));
          }
        }
      }
      blocks.add(ParameterBlock.stationaryVar(k, order, ar));
    }
    if (movingAverage > 0) {
      List<String> ma = new ArrayList<>();
      for (int eq = 0; eq < k; eq++) {
        for (int lag = 1; lag <= movingAverage; lag++) {
          for (int var = 0; var < k; var++) {
            ma.add(
                String.format(Locale.ROOT, "L%d.e(%s).%s", lag, series.get(var), series.get(eq)));
          }
        }
      }
      blocks.add(ParameterBlock.invertibleVma(k, movingAverage, ma));
    }
    names = new ArrayList<>();
    for (String s : series) {
      for (String x : exog) {
        names.add("beta." + x + "." + s);
      }
    }
    if (errorCovariance == DynamicFactor.ErrorCovariance.UNSTRUCTURED) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j <= i; j++) {
          names.add(
              i == j
                  ? "sqrt.var." + series.get(i)
                  : "sqrt.cov." + series.get(j) + "." + series.get(i));
        }
      }
    }
    if (!names.isEmpty()) {
      blocks.add(ParameterBlock.real(names.toArray(String[]::new)));
    }
    if (errorCovariance == DynamicFactor.ErrorCovariance.DIAGONAL) {
      for (String s : series) {
        blocks.add(ParameterBlock.variance("sigma2." + s));
      }
    }
    if (measurementError) {
      for (String s : series) {
        blocks.add(ParameterBlock.variance("measurement_variance." + s));
      }
    }
    return blocks;
  }

  /**
   * Start values: least squares of each equation on the intercept (with trend c) and the p lags,
   * over the periods where every value it needs is observed, and the Cholesky factor of the
   * residuals' covariance ({@link VarStartValues}).
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    double[] start =
        VarStartValues.of(
            data.y(), order, movingAverage, deterministic(data, data.y().numRows), trend.terms());
    if (errorCovariance == DynamicFactor.ErrorCovariance.UNSTRUCTURED && !measurementError) {
      return start;
    }
    // statsmodels' starts: the residual variances (row norms² of L) for a diagonal covariance, and
    // the same variances for the measurement errors.
    int k = series.size();
    int cholStart = start.length - k * (k + 1) / 2;
    double[] variances = new double[k];
    for (int i = 0, at = cholStart; i < k; i++) {
      for (int j = 0; j <= i; j++, at++) {
        variances[i] += start[at] * start[at];
      }
    }
    boolean diagonal = errorCovariance == DynamicFactor.ErrorCovariance.DIAGONAL;
    int covariance = diagonal ? k : k * (k + 1) / 2;
    double[] out =
        java.util.Arrays.copyOf(start, cholStart + covariance + (measurementError ? k : 0));
    if (diagonal) {
      System.arraycopy(variances, 0, out, cholStart, k);
    }
    if (measurementError) {
      System.arraycopy(variances, 0, out, cholStart + covariance, k);
    }
    return out;
  }

  /**
   * The system. With trend n or c: the VARMA's companion form with c_x = (c, 0), as in the class
   * comment. With a time trend or regressors, the coefficients β of the deterministic part are
   * constant states after the VARMA's ({@link VarDeterministic}): x = (z, β), F = [[F₀, 0], [0, I]]
   * here (G_t is added per step by {@link #system}), cholQ = [cholQ₀; 0], H = [I_k, 0], and the
   * start z ~ N((I − F₀)⁻¹ G₀ β, P₀) with β known, G₀ the regressors of the second observation
   * (statsmodels' stationary initialisation reads the state intercept of the first predict).
   */
  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int k = series.size();
    int yBlocks = Math.max(order, 1);
    int nx0 = k * (yBlocks + movingAverage);
    int maStart = k * yBlocks;
    int terms = deterministicTerms();
    boolean augmented = timeVarying();
    int next = 0;
    Var[] beta = new Var[k * terms]; // per equation: trend terms, then regressors
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < trend.terms(); i++) {
        beta[j * terms + i] = values[next++];
      }
    }
    Var[] transition = new Var[nx0 * nx0];
    for (int eq = 0; eq < k; eq++) {
      for (int lag = 0; lag < order; lag++) {
        for (int var = 0; var < k; var++) {
          transition[eq * nx0 + lag * k + var] = values[next++];
        }
      }
    }
    for (int eq = 0; eq < k; eq++) {
      for (int lag = 0; lag < movingAverage; lag++) {
        for (int var = 0; var < k; var++) {
          transition[eq * nx0 + maStart + lag * k + var] = values[next++];
        }
      }
    }
    for (int j = 0; j < k; j++) {
      for (int x = 0; x < exog.size(); x++) {
        beta[j * terms + trend.terms() + x] = values[next++];
      }
    }
    Var one = tape.constant(1);
    for (int i = k; i < maStart; i++) {
      transition[i * nx0 + i - k] = one; // y blocks shift
    }
    for (int i = maStart + k; i < nx0; i++) {
      transition[i * nx0 + i - k] = one; // ε blocks shift
    }
    Var[] noise = new Var[nx0 * k];
    boolean diagonal = errorCovariance == DynamicFactor.ErrorCovariance.DIAGONAL;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        if (diagonal && j < i) {
          continue;
        }
        Var entry = values[next++]; // an entry of L, or the standard deviation σ_i
        noise[i * k + j] = entry;
        if (movingAverage > 0) {
          noise[(maStart + i) * k + j] = entry;
        }
      }
    }
    Var cholR = tape.zeros(k, k);
    if (measurementError) {
      Var[] sd = new Var[k];
      for (int i = 0; i < k; i++) {
        sd[i] = values[next++];
      }
      cholR = tape.diag(sd);
    }
    Var F0 = tape.fromEntries(nx0, nx0, transition);
    Var cholQ0 = tape.fromEntries(nx0, k, noise);
    if (!augmented) {
      Var[] intercept = new Var[nx0];
      for (int j = 0; j < k && trend.hasConstant(); j++) {
        intercept[j] = beta[j];
      }
      Var[] design = new Var[k * nx0];
      for (int i = 0; i < k; i++) {
        design[i * nx0 + i] = one;
      }
      Var c = tape.fromEntries(nx0, 1, intercept);
      return ModelMatrices.builder(tape)
          .F(F0)
          .c(c)
          .H(tape.fromEntries(k, nx0, design))
          .cholQ(cholQ0)
          .cholR(cholR)
          .cholP0(StationaryFactor.of(F0, cholQ0))
          .m0(StationaryFactor.mean(F0, c))
          .build();
    }
    int m = k * terms;
    int nx = nx0 + m;
    // G₀ β: the intercept of the first predict, from the second observation's regressors
    double[] d1 = new double[terms];
    new VarDeterministic(trend, data, exog.size()).row(Math.min(1, data.y().numRows - 1), d1);
    Var[] firstIntercept = new Var[nx0];
    for (int j = 0; j < k; j++) {
      Var sum = null;
      for (int i = 0; i < terms; i++) {
        Var term = beta[j * terms + i].mul(d1[i]);
        sum = sum == null ? term : sum.add(term);
      }
      firstIntercept[j] = sum;
    }
    Var[] full = new Var[nx * nx];
    for (int i = 0; i < nx0; i++) {
      System.arraycopy(transition, i * nx0, full, i * nx, nx0);
    }
    for (int i = nx0; i < nx; i++) {
      full[i * nx + i] = one; // β stays
    }
    Var[] design = new Var[k * nx];
    for (int i = 0; i < k; i++) {
      design[i * nx + i] = one;
    }
    Var stationaryMean = StationaryFactor.mean(F0, tape.fromEntries(nx0, 1, firstIntercept));
    Var stationaryFactor = StationaryFactor.of(F0, cholQ0);
    return ModelMatrices.builder(tape)
        .F(tape.fromEntries(nx, nx, full))
        .H(tape.fromEntries(k, nx, design))
        .cholQ(tape.block(new Var[][] {{cholQ0}, {tape.zeros(m, k)}}))
        .cholR(cholR)
        .cholP0(
            tape.block(new Var[][] {{stationaryFactor}, {tape.zeros(m, stationaryFactor.cols())}}))
        .m0(tape.block(new Var[][] {{stationaryMean}, {tape.fromEntries(m, 1, beta)}}))
        .build();
  }

  /**
   * With a time trend or regressors, the system whose F_t carries them ({@link VarDeterministic}).
   */
  @Override
  public StateSpace system(ModelMatrices matrices, ModelData data) {
    if (!timeVarying()) {
      return matrices.system();
    }
    int k = series.size();
    int nx0 = k * (Math.max(order, 1) + movingAverage);
    return new VarDeterministic(trend, data, exog.size()).system(matrices.system(), k, nx0);
  }

  /**
   * The deterministic regressors of every observation, T × (trend terms + regressors): the columns
   * least squares starts the coefficients from.
   */
  private DMatrixRMaj deterministic(ModelData data, int steps) {
    VarDeterministic terms = new VarDeterministic(trend, data, exog.size());
    int d = terms.terms();
    DMatrixRMaj D = new DMatrixRMaj(steps, d);
    double[] row = new double[d];
    for (int s = 0; s < steps; s++) {
      terms.row(s, row);
      System.arraycopy(row, 0, D.data, s * d, d);
    }
    return D;
  }

  /**
   * {@code A} and {@code A.lag<l>} for the y blocks (l = 0: y_t itself), {@code e(A)} and {@code
   * e(A).lag<l>} for the ε blocks.
   */
  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>(nx);
    for (int lag = 0; lag < Math.max(order, 1); lag++) {
      for (String s : series) {
        names.add(lag == 0 ? s : s + ".lag" + lag);
      }
    }
    for (int lag = 0; lag < movingAverage; lag++) {
      for (String s : series) {
        names.add(lag == 0 ? "e(" + s + ")" : "e(" + s + ").lag" + lag);
      }
    }
    if (timeVarying()) { // the deterministic coefficients, constant states (hidden in plots)
      for (String s : series) {
        if (trend.hasConstant()) {
          names.add("_intercept." + s);
        }
        if (trend.hasTime()) {
          names.add("_drift." + s);
        }
        for (String x : exog) {
          names.add("_beta." + x + "." + s);
        }
      }
    }
    return names;
  }

  private void requireColumns(ModelData data) {
    if (!exog.isEmpty() && !data.exogNames().equals(exog)) {
      throw new IllegalArgumentException(
          "the VARMAX's regressors are " + exog + " but the data's are " + data.exogNames());
    }
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the VAR of the series "
              + series
              + " needs "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }
}
