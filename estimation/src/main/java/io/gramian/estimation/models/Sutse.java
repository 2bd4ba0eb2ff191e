package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ModelSize;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.estimation.transform.Exponential;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Structural models of p series, seemingly unrelated (SUTSE; Harvey 1989 §8.2, Harvey &amp; Koopman
 * 1997, Durbin &amp; Koopman 2012 §3.3): each series has its own level, optionally its own slope
 * and dummy seasonal, and each component's disturbances are correlated across series.
 *
 * <pre>
 *   y_t     = μ_t + γ_t + ε_t,      ε_t ~ N(0, L_ε L_εᵀ),  L_ε  p × p lower triangular
 *   μ_{t+1} = μ_t + β_t + η_t,      η_t ~ N(0, L_η L_ηᵀ),  L_η  p × R lower trapezoidal
 *   β_{t+1} = β_t + ζ_t,            ζ_t ~ N(0, L_ζ L_ζᵀ),  L_ζ  p × R_ζ       (with a slope)
 *   γ_{t+1} = −Σ_{i=1}^{s−1} γ_{t+1−i} + ω_t,  ω_t ~ N(0, L_ω L_ωᵀ), L_ω p × p (with a season)
 *   state x_t = (μ_t; β_t; γ_{t,1}, …, γ_{t−s+2,1}; …; γ_{t,p}, …), every state exactly diffuse
 *   cholQ = blockdiag(L_η, L_ζ, S L_ω),  cholR = L_ε,  cholPinf = I_nx
 * </pre>
 *
 * where S puts ω_{t,j} in the first seasonal state of series j. Without a slope β is absent (the
 * local level); without a season γ is. With R &lt; p the level disturbance has rank R: the p levels
 * are driven by R common trends (Harvey's common levels), and Q is singular, the case the masked
 * adjoint keeps exact; R_ζ &lt; p likewise gives common slopes. The ranks are separate, as Harvey
 * &amp; Koopman's common levels and common slopes are, and as KFAS' {@code SSMtrend} takes one
 * covariance per component.
 *
 * <p>Series observed exactly (without an irregular of their own: {@code exact}) have zero rows and
 * columns in L_ε, so the irregular covariance L_ε L_εᵀ is singular and their observations pin the
 * signal down; the square-root filter takes the singular R as it is (no jitter), and the masked
 * rule keeps the gradient exact. L_ε is then the Cholesky factor of the other series' irregular
 * covariance, placed in their rows and columns.
 *
 * <p>Parameters: the entries of the Cholesky factors, row by row over the lower triangle (lower
 * trapezoid for a reduced rank), in the order irregular, level, trend (the slope, statsmodels'
 * {@code trend}), seasonal: {@code sqrt.cov.irregular.A.B} is entry (A, B) of L_ε, {@code
 * sqrt.cov.level.A.B} of L_η, {@code sqrt.cov.trend.A.B} of L_ζ and {@code sqrt.cov.seasonal.A.B}
 * of L_ω, rows and columns named by the series (column B of a reduced-rank factor is the common
 * component that first loads on series B). A diagonal entry is positive through natural = exp(θ)
 * ({@link Exponential}), so the factor of a covariance is unique; an off-diagonal entry is real (θ
 * itself).
 */
public final class Sutse implements SeveralSeriesModel {

  private static final String IRREGULAR = "sqrt.cov.irregular.";
  private static final String LEVEL = "sqrt.cov.level.";
  private static final String TREND = "sqrt.cov.trend.";
  private static final String SEASONAL = "sqrt.cov.seasonal.";

  /**
   * The slope's and the season's start factors as a fraction of the level's: they move more slowly
   * than the level in most series, and BFGS finds its way from there.
   */
  private static final double SLOW_COMPONENT_START = 0.1;

  private final List<String> series;
  private final int rank;
  private final int slopeRank; // 0: no slope
  private final int period; // 0: no season
  private final boolean[] exact;

  /**
   * @param series the names of the p series, in the data's column order
   * @param rank R, the rank of the level disturbance: p for a full covariance, fewer for R common
   *     trends
   * @throws IllegalArgumentException when there are no series, a name repeats, or R is not in 1…p
   */
  public Sutse(List<String> series, int rank) {
    this(series, rank, List.of());
  }

  /**
   * @param series the names of the p series, in the data's column order
   * @param rank R, the rank of the level disturbance
   * @param exactSeries the series observed without an irregular (a subset of {@code series})
   * @throws IllegalArgumentException as {@link #Sutse(List, int)}, or when an exact series is not
   *     one of the series or is named twice
   */
  public Sutse(List<String> series, int rank, List<String> exactSeries) {
    this(series, rank, 0, 0, exactSeries);
  }

  private Sutse(
      List<String> series, int rank, int slopeRank, int period, List<String> exactSeries) {
    this.series = List.copyOf(series);
    this.exact = new boolean[this.series.size()];
    for (String name : exactSeries) {
      int i = this.series.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(
            "the exact series " + name + " is not one of the series " + this.series);
      }
      if (exact[i]) {
        throw new IllegalArgumentException("the exact series " + name + " is named twice");
      }
      exact[i] = true;
    }
    int p = this.series.size();
    if (p == 0) {
      throw new IllegalArgumentException("a SUTSE model needs at least one series");
    }
    if (this.series.stream().distinct().count() != p) {
      throw new IllegalArgumentException("the series names repeat: " + this.series);
    }
    if (rank < 1 || rank > p) {
      throw new IllegalArgumentException(
          "rank " + rank + " of the level disturbance must be between 1 and " + p);
    }
    if (slopeRank < 0 || slopeRank > p) {
      throw new IllegalArgumentException(
          "rank " + slopeRank + " of the slope disturbance must be between 1 and " + p);
    }
    if (period == 1 || period < 0) {
      throw new IllegalArgumentException("the seasonal period must be at least 2, not " + period);
    }
    this.rank = rank;
    this.slopeRank = slopeRank;
    this.period = period;
  }

  /** The full-rank model (R = p). */
  public static Sutse localLevel(List<String> series) {
    return new Sutse(series, series.size());
  }

  /** A builder of the SUTSE model of {@code series}: local level, full rank, nothing exact. */
  public static Builder builder(List<String> series) {
    return new Builder(series);
  }

  /** Builds a {@link Sutse} component by component. */
  public static final class Builder {
    private final List<String> series;
    private int rank;
    private int slopeRank;
    private int period;
    private List<String> exactSeries = List.of();

    private Builder(List<String> series) {
      this.series = List.copyOf(series);
      this.rank = series.size();
    }

    /** R, the rank of the level disturbance (default p). */
    public Builder rank(int rank) {
      this.rank = rank;
      return this;
    }

    /** A slope per series (the local linear trend) with a disturbance of full rank p. */
    public Builder slope() {
      return slope(series.size());
    }

    /** A slope per series whose disturbance has rank R_ζ (R_ζ common slopes). */
    public Builder slope(int slopeRank) {
      if (slopeRank < 1) {
        throw new IllegalArgumentException(
            "rank "
                + slopeRank
                + " of the slope disturbance must be between 1 and "
                + series.size());
      }
      this.slopeRank = slopeRank;
      return this;
    }

    /** A dummy seasonal of period s ≥ 2 per series, its disturbance of full rank. */
    public Builder seasonal(int period) {
      if (period < 2) {
        throw new IllegalArgumentException("the seasonal period must be at least 2, not " + period);
      }
      this.period = period;
      return this;
    }

    /** The series observed without an irregular. */
    public Builder exact(List<String> exactSeries) {
      this.exactSeries = List.copyOf(exactSeries);
      return this;
    }

    /**
     * @throws IllegalArgumentException as the constructors
     */
    public Sutse build() {
      return new Sutse(series, rank, slopeRank, period, exactSeries);
    }
  }

  @Override
  public String name() {
    return (slopeRank > 0 ? "sutse-local-linear-trend" : "sutse-local-level")
        + (period > 0 ? "+seasonal(" + period + ")" : "");
  }

  @Override
  public List<String> series() {
    return series;
  }

  /**
   * The signal of series j is its level μ_{t,j} (H picks the level), or with a season its level
   * plus its seasonal μ_{t,j} + γ_{t,j}.
   */
  @Override
  public String signalName() {
    return period > 0 ? "signal" : "level";
  }

  /** p, the number of series. */
  public int seriesCount() {
    return series.size();
  }

  /** R, the rank of the level disturbance. */
  public int rank() {
    return rank;
  }

  /** Whether each series has a slope (the local linear trend). */
  public boolean hasSlope() {
    return slopeRank > 0;
  }

  /** R_ζ, the rank of the slope disturbance; 0 without a slope. */
  public int slopeRank() {
    return slopeRank;
  }

  /** The seasonal period s; 0 without a season. */
  public int seasonalPeriod() {
    return period;
  }

  /** nx = p (levels) + p (slopes, if any) + p (s − 1) (seasonal states, if any). */
  public int stateCount() {
    int p = series.size();
    return p + (slopeRank > 0 ? p : 0) + (period > 0 ? p * (period - 1) : 0);
  }

  /**
   * The size from the specification, for the size rule: nx states (in long arithmetic, so that an
   * absurd seasonal period is described, not overflowed), every one exactly diffuse, and the
   * period.
   */
  @Override
  public ModelSize size() {
    long p = series.size();
    long states = p + (slopeRank > 0 ? p : 0) + (period > 0 ? p * (period - 1L) : 0);
    return new ModelSize(name(), states, states, parameterNames().size(), 0, period);
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    addFactor(blocks, IRREGULAR, series.size());
    addFactor(blocks, LEVEL, rank);
    if (slopeRank > 0) {
      addFactor(blocks, TREND, slopeRank);
    }
    if (period > 0) {
      addFactor(blocks, SEASONAL, series.size());
    }
    return blocks;
  }

  /** The series observed exactly, in the data's order. */
  public List<String> exactSeries() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      if (exact[i]) {
        names.add(series.get(i));
      }
    }
    return names;
  }

  /** Whether entry (i, j) of the factor named by {@code prefix} is a parameter. */
  private boolean isParameter(String prefix, int i, int j) {
    return !(prefix.equals(IRREGULAR) && (exact[i] || exact[j]));
  }

  /** One block per parameter entry of a p × cols lower-trapezoidal factor, row by row. */
  private void addFactor(List<ParameterBlock> blocks, String prefix, int cols) {
    for (int i = 0; i < series.size(); i++) {
      for (int j = 0; j <= Math.min(i, cols - 1); j++) {
        if (!isParameter(prefix, i, j)) {
          continue;
        }
        String name = prefix + series.get(i) + "." + series.get(j);
        blocks.add(
            i == j
                ? ParameterBlock.transformed(new Exponential(name), name)
                : ParameterBlock.real(name));
      }
    }
  }

  /**
   * Start values: the sample covariance S of the first differences, half of it to the irregular and
   * to the level (Δy_t = η_{t−1} + ε_t − ε_{t−1} has covariance Q + 2 H, so this puts the levels'
   * share at a third); L_η takes the first R columns of the Cholesky factor of S/2, the slope and
   * the season a tenth of it ({@link #SLOW_COMPONENT_START}). Where S is not positive definite (a
   * constant or collinear series), its diagonal, each variance at least 1.
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    DMatrixRMaj half = differenceCovariance(data.y());
    CommonOps_DDRM.scale(0.5, half);
    DMatrixRMaj L = cholesky(half);
    double[] start = new double[parameterNames().size()];
    int k = 0;
    for (Factor f : factors()) {
      double scale =
          f.prefix.equals(IRREGULAR) || f.prefix.equals(LEVEL) ? 1 : SLOW_COMPONENT_START;
      for (int i = 0; i < series.size(); i++) {
        for (int j = 0; j <= Math.min(i, f.cols - 1); j++) {
          if (isParameter(f.prefix, i, j)) {
            start[k++] = scale * L.get(i, j);
          }
        }
      }
    }
    return start;
  }

  /** A disturbance factor: its name prefix and its number of columns. */
  private record Factor(String prefix, int cols) {}

  /** The factors in parameter order. */
  private List<Factor> factors() {
    List<Factor> list = new ArrayList<>();
    list.add(new Factor(IRREGULAR, series.size()));
    list.add(new Factor(LEVEL, rank));
    if (slopeRank > 0) {
      list.add(new Factor(TREND, slopeRank));
    }
    if (period > 0) {
      list.add(new Factor(SEASONAL, series.size()));
    }
    return list;
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int p = series.size();
    int nx = stateCount();
    List<Var> factorVars = new ArrayList<>();
    int k = 0;
    for (Factor f : factors()) {
      Var[] entries = new Var[p * f.cols];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= Math.min(i, f.cols - 1); j++) {
          if (isParameter(f.prefix, i, j)) {
            entries[i * f.cols + j] = values[k++];
          }
        }
      }
      factorVars.add(tape.fromEntries(p, f.cols, entries));
    }
    Var cholR = factorVars.get(0);
    List<Var> disturbances = new ArrayList<>(factorVars.subList(1, factorVars.size()));
    if (period > 0) {
      int last = disturbances.size() - 1;
      disturbances.set(last, tape.constant(seasonalSelection()).times(disturbances.get(last)));
    }
    Var[][] blocks = new Var[disturbances.size()][disturbances.size()];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b][b] = disturbances.get(b);
    }
    Var cholQ = blocks.length == 1 ? blocks[0][0] : tape.block(blocks);
    return ModelMatrices.builder(tape)
        .F(tape.constant(transition()))
        .H(tape.constant(design()))
        .cholQ(cholQ)
        .cholR(cholR)
        .cholP0(tape.zeros(nx, nx))
        .cholPinf(tape.identity(nx))
        .build();
  }

  /** The first index of the seasonal states. */
  private int seasonalStart() {
    return series.size() * (slopeRank > 0 ? 2 : 1);
  }

  /** F, nx × nx: levels (+ slopes), slopes, and per series the dummy seasonal's companion block. */
  private DMatrixRMaj transition() {
    int p = series.size();
    DMatrixRMaj F = CommonOps_DDRM.identity(stateCount());
    if (slopeRank > 0) {
      for (int j = 0; j < p; j++) {
        F.set(j, p + j, 1);
      }
    }
    if (period > 0) {
      for (int j = 0; j < p; j++) {
        int g = seasonalStart() + j * (period - 1);
        for (int i = 0; i < period - 1; i++) {
          F.set(g + i, g + i, 0);
          F.set(g, g + i, -1);
          if (i > 0) {
            F.set(g + i, g + i - 1, 1);
          }
        }
      }
    }
    return F;
  }

  /** H, p × nx: series j's level, plus its current seasonal when there is a season. */
  private DMatrixRMaj design() {
    int p = series.size();
    DMatrixRMaj H = new DMatrixRMaj(p, stateCount());
    for (int j = 0; j < p; j++) {
      H.set(j, j, 1);
      if (period > 0) {
        H.set(j, seasonalStart() + j * (period - 1), 1);
      }
    }
    return H;
  }

  /** S, p (s − 1) × p: ω_{t,j} enters series j's current seasonal state. */
  private DMatrixRMaj seasonalSelection() {
    int p = series.size();
    DMatrixRMaj S = new DMatrixRMaj(p * (period - 1), p);
    for (int j = 0; j < p; j++) {
      S.set(j * (period - 1), j, 1);
    }
    return S;
  }

  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>();
    series.forEach(s -> names.add("level." + s));
    if (slopeRank > 0) {
      series.forEach(s -> names.add("trend." + s));
    }
    if (period > 0) {
      for (String s : series) {
        names.add("seasonal." + s);
        for (int i = 1; i < period - 1; i++) {
          names.add("_seasonal.L" + i + "." + s);
        }
      }
    }
    return names;
  }

  private void requireColumns(ModelData data) {
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the SUTSE model of the series "
              + series
              + " needs "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }

  /** Sample covariance of Δy over the steps where both periods are observed in every column. */
  private static DMatrixRMaj differenceCovariance(DMatrixRMaj y) {
    int p = y.numCols;
    List<double[]> rows = new ArrayList<>();
    for (int t = 1; t < y.numRows; t++) {
      double[] d = new double[p];
      boolean complete = true;
      for (int j = 0; j < p; j++) {
        d[j] = y.get(t, j) - y.get(t - 1, j);
        complete &= Double.isFinite(d[j]);
      }
      if (complete) {
        rows.add(d);
      }
    }
    DMatrixRMaj S = new DMatrixRMaj(p, p);
    if (rows.size() < 2) {
      return S;
    }
    double[] mean = new double[p];
    for (double[] d : rows) {
      for (int j = 0; j < p; j++) {
        mean[j] += d[j] / rows.size();
      }
    }
    for (double[] d : rows) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          S.add(i, j, (d[i] - mean[i]) * (d[j] - mean[j]) / (rows.size() - 1));
        }
      }
    }
    return S;
  }

  /** The lower Cholesky factor of S, or of its diagonal (each entry at least 1) if S is not PD. */
  private static DMatrixRMaj cholesky(DMatrixRMaj S) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(S.numRows, true);
    DMatrixRMaj copy = S.copy();
    if (chol.decompose(copy)) {
      DMatrixRMaj L = chol.getT(null);
      boolean positive = true;
      for (int i = 0; i < L.numRows; i++) {
        positive &= L.get(i, i) > 0 && Double.isFinite(L.get(i, i));
      }
      if (positive) {
        return L;
      }
    }
    DMatrixRMaj L = new DMatrixRMaj(S.numRows, S.numRows);
    for (int i = 0; i < S.numRows; i++) {
      L.set(i, i, Math.sqrt(Math.max(S.get(i, i), 1)));
    }
    return L;
  }
}
