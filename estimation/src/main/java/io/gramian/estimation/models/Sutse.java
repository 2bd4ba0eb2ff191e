package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
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
 * The multivariate local level model of p series, seemingly unrelated (SUTSE; Harvey 1989 §8.2,
 * Durbin &amp; Koopman 2012 §3.3):
 *
 * <pre>
 *   y_t = μ_t + ε_t,       ε_t ~ N(0, L_ε L_εᵀ),   L_ε  p × p lower triangular
 *   μ_{t+1} = μ_t + η_t,   η_t ~ N(0, L_η L_ηᵀ),   L_η  p × R lower trapezoidal,  1 ≤ R ≤ p
 *   μ_1 exactly diffuse:   F = H = I_p,  cholQ = L_η,  cholR = L_ε,  cholPinf = I_p
 * </pre>
 *
 * With R &lt; p the level disturbance has rank R: the p levels are driven by R common trends
 * (Harvey's common levels), and Q = L_η L_ηᵀ is singular, the case the masked adjoint keeps exact.
 *
 * <p>Series observed exactly (without an irregular of their own: {@code exact}) have zero rows and
 * columns in L_ε, so the irregular covariance L_ε L_εᵀ is singular and their observations pin the
 * level down; the square-root filter takes the singular R as it is (no jitter), and the masked rule
 * keeps the gradient exact. L_ε is then the Cholesky factor of the other series' irregular
 * covariance, placed in their rows and columns.
 *
 * <p>Parameters: the entries of the Cholesky factors, row by row over the lower triangle (lower
 * trapezoid for L_η), the irregular's first: {@code sqrt.cov.irregular.A.B} is entry (A, B) of L_ε
 * and {@code sqrt.cov.level.A.B} entry (A, B) of L_η, rows and columns named by the series (column
 * B of L_η is the common trend that first loads on series B). A diagonal entry is positive through
 * natural = exp(θ) ({@link Exponential}), so the factor of a covariance is unique; an off-diagonal
 * entry is real (θ itself).
 */
public final class Sutse implements SeveralSeriesModel {

  private static final String IRREGULAR = "sqrt.cov.irregular.";
  private static final String LEVEL = "sqrt.cov.level.";

  private final List<String> series;
  private final int rank;
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
    this.rank = rank;
  }

  /** The full-rank model (R = p). */
  public static Sutse localLevel(List<String> series) {
    return new Sutse(series, series.size());
  }

  @Override
  public String name() {
    return "sutse-local-level";
  }

  @Override
  public List<String> series() {
    return series;
  }

  /** The signal of series j is its level μ_{t,j} (H = I). */
  @Override
  public String signalName() {
    return "level";
  }

  /** p, the number of series. */
  public int seriesCount() {
    return series.size();
  }

  /** R, the rank of the level disturbance. */
  public int rank() {
    return rank;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    addFactor(blocks, IRREGULAR, series.size());
    addFactor(blocks, LEVEL, rank);
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

  /** One block per parameter entry of a p × cols lower-trapezoidal factor, row by row. */
  private void addFactor(List<ParameterBlock> blocks, String prefix, int cols) {
    for (int i = 0; i < series.size(); i++) {
      for (int j = 0; j <= Math.min(i, cols - 1); j++) {
        if (prefix.equals(IRREGULAR) && (exact[i] || exact[j])) {
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
   * Start values: the sample covariance S of the first differences, half of it to each disturbance
   * (Δy_t = η_{t−1} + ε_t − ε_{t−1} has covariance Q + 2 H, so this puts the levels' share at a
   * third); L_η takes the first R columns of the Cholesky factor of S/2. Where S is not positive
   * definite (a constant or collinear series), its diagonal, each variance at least 1.
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    DMatrixRMaj half = differenceCovariance(data.y());
    CommonOps_DDRM.scale(0.5, half);
    DMatrixRMaj L = cholesky(half);
    double[] start = new double[parameterNames().size()];
    int k = 0;
    for (int factor = 0; factor < 2; factor++) {
      int cols = factor == 0 ? series.size() : rank;
      for (int i = 0; i < series.size(); i++) {
        for (int j = 0; j <= Math.min(i, cols - 1); j++) {
          if (factor == 0 && (exact[i] || exact[j])) {
            continue;
          }
          start[k++] = L.get(i, j);
        }
      }
    }
    return start;
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int p = series.size();
    Var[] irregular = new Var[p * p];
    Var[] level = new Var[p * rank];
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        if (!(exact[i] || exact[j])) {
          irregular[i * p + j] = values[k++];
        }
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= Math.min(i, rank - 1); j++) {
        level[i * rank + j] = values[k++];
      }
    }
    Var identity = tape.identity(p);
    return ModelMatrices.builder(tape)
        .F(identity)
        .H(identity)
        .cholQ(tape.fromEntries(p, rank, level))
        .cholR(tape.fromEntries(p, p, irregular))
        .cholP0(tape.zeros(p, p))
        .cholPinf(identity)
        .build();
  }

  @Override
  public List<String> stateNames(int nx) {
    return series.stream().map(s -> "level." + s).toList();
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
