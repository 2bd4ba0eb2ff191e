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
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The dynamic factor model of p series with k common factors following a VAR(r) (statsmodels'
 * {@code DynamicFactor(endog, k_factors=k, factor_order=r)} with white, uncorrelated idiosyncratic
 * errors):
 *
 * <pre>
 *   y_t = Λ f_t + ε_t,                         ε_t ~ N(0, diag(σ²_1 … σ²_p)),   Λ  p × k
 *   f_t = A_1 f_{t−1} + … + A_r f_{t−r} + η_t, η_t ~ N(0, I_k),               A_i  k × k
 * </pre>
 *
 * in companion form with the state x_t = (f_t, f_{t−1}, …, f_{t−r+1}) of length n = k·r:
 *
 * <pre>
 *   F = [A_1 … A_r; I_{k(r−1)} 0]   (n × n),   H = [Λ 0]   (p × n),
 *   cholQ = [I_k; 0]   (n × k),   cholR = diag(σ_1 … σ_p),
 *   x_1 ~ N(0, P),   P = F P Fᵀ + Q   (cholP0 by {@link StationaryFactor}, nothing diffuse)
 * </pre>
 *
 * <p>Parameters in statsmodels' order and spelling: the loadings {@code loading.fJ.A} (series by
 * series, factor by factor), the variances {@code sigma2.A}, then the rows of [A_1 … A_r], {@code
 * Li.fJ.fI} being entry (I, J) of A_i. The factors' scale is fixed by Var(η) = I; their sign and
 * rotation are not identified (ℓ is the same for Λ U, A_i conjugated by U, U orthogonal), as in
 * statsmodels. The transition coefficients are kept stationary by Ansley and Kohn's transform with
 * the factors' identity innovation variance, and each series' AR error coefficients by the
 * univariate one: statsmodels' {@code enforce_stationarity=True}, map for map.
 *
 * <p>Beyond white diagonal errors, as statsmodels' {@code error_order}, {@code error_cov_type} and
 * {@code exog}:
 *
 * <pre>
 *   y_t = Λ f_t + B x_t + u_t,   u_t = Φ_1 u_{t−1} + … + Φ_q u_{t−q} + ε_t,  Φ_i diagonal
 *   ε_t ~ N(0, Σ):  Σ = σ² I (scalar), diag(σ²_1 … σ²_p) (diagonal), L Lᵀ (unstructured)
 * </pre>
 *
 * With q &gt; 0 the errors are states (u_t, …, u_{t−q+1}) after the factors', driven by ε_t, and
 * the observations carry no noise of their own (cholR = 0); the whole state starts from its
 * stationary distribution. Regressors enter through constant states β (per series, after the
 * others) whose initial mean is the coefficients, with H_t picking β_jᵀ x_t: the loadings of x_t
 * are data, so every parameter stays in time-invariant matrices ({@link #system}). Names: {@code
 * beta.X.A} after the loadings; {@code sigma2} (scalar), {@code sigma2.A} (diagonal) or {@code
 * cov.chol[i,j]} (unstructured, the lower triangle of L row by row, 1-based); {@code
 * L<i>.e(A).e(A)} after the factors' transition, series by series, lag by lag.
 */
public final class DynamicFactor implements SeveralSeriesModel {

  /** The idiosyncratic errors' covariance, statsmodels' {@code error_cov_type}. */
  public enum ErrorCovariance {
    /** One variance for every series: {@code sigma2}. */
    SCALAR("scalar"),
    /** A variance per series: {@code sigma2.A} (the default). */
    DIAGONAL("diagonal"),
    /** A full covariance by its Cholesky factor: {@code cov.chol[i,j]}. */
    UNSTRUCTURED("unstructured");

    private final String spelling;

    ErrorCovariance(String spelling) {
      this.spelling = spelling;
    }

    /** statsmodels' spelling. */
    public String spelling() {
      return spelling;
    }

    /**
     * The type statsmodels spells {@code text}.
     *
     * @throws IllegalArgumentException for another spelling
     */
    public static ErrorCovariance parse(String text) {
      for (ErrorCovariance c : values()) {
        if (c.spelling.equals(text)) {
          return c;
        }
      }
      throw new IllegalArgumentException(
          "--error-cov: '" + text + "' is not one of scalar, diagonal, unstructured");
    }
  }

  private final List<String> series;
  private final int factors;
  private final int factorOrder;
  private final int errorOrder;
  private final ErrorCovariance errorCovariance;
  private final List<String> exog;

  /**
   * @param series the names of the p series, in the data's column order
   * @param factors k ≥ 1, the number of common factors (at most p)
   * @param factorOrder r ≥ 1, the order of the factors' VAR
   * @throws IllegalArgumentException when a name repeats or k or r is out of range
   */
  public DynamicFactor(List<String> series, int factors, int factorOrder) {
    this(series, factors, factorOrder, 0, ErrorCovariance.DIAGONAL, List.of());
  }

  /**
   * @param errorOrder q ≥ 0, the order of each series' autoregressive error (0: white)
   * @param errorCovariance the innovations' covariance Σ
   * @param exog the regressors' names, the data's {@code exog} columns in order (may be empty)
   * @throws IllegalArgumentException when a name repeats or an order is out of range
   */
  public DynamicFactor(
      List<String> series,
      int factors,
      int factorOrder,
      int errorOrder,
      ErrorCovariance errorCovariance,
      List<String> exog) {
    if (errorOrder < 0) {
      throw new IllegalArgumentException("the error order " + errorOrder + " is negative");
    }
    this.errorOrder = errorOrder;
    this.errorCovariance = errorCovariance;
    this.exog = List.copyOf(exog);
    if (this.exog.stream().distinct().count() != this.exog.size()) {
      throw new IllegalArgumentException("the regressors' names repeat: " + this.exog);
    }
    this.series = List.copyOf(series);
    int p = this.series.size();
    if (p == 0) {
      throw new IllegalArgumentException("a dynamic factor model needs at least one series");
    }
    if (this.series.stream().distinct().count() != p) {
      throw new IllegalArgumentException("the series names repeat: " + this.series);
    }
    if (factors < 1 || factors > p) {
      throw new IllegalArgumentException(
          "the number of factors " + factors + " must be between 1 and the " + p + " series");
    }
    if (factorOrder < 1) {
      throw new IllegalArgumentException("the factor order " + factorOrder + " must be at least 1");
    }
    this.factors = factors;
    this.factorOrder = factorOrder;
  }

  @Override
  public String name() {
    return "dfm";
  }

  @Override
  public List<String> series() {
    return series;
  }

  /** k, the number of factors. */
  public int factors() {
    return factors;
  }

  /** r, the order of the factors' VAR. */
  public int factorOrder() {
    return factorOrder;
  }

  /** q, the order of the errors' autoregressions (0: white errors). */
  public int errorOrder() {
    return errorOrder;
  }

  /** The innovations' covariance type. */
  public ErrorCovariance errorCovariance() {
    return errorCovariance;
  }

  /** The regressors' names (empty without regressors). */
  public List<String> regressors() {
    return exog;
  }

  @Override
  public boolean takesRegressors() {
    return !exog.isEmpty();
  }

  /** The factors f1 … fk, the state's first k entries. */
  @Override
  public int[] commonStates() {
    int[] states = new int[factors];
    for (int j = 0; j < factors; j++) {
      states[j] = j;
    }
    return states;
  }

  @Override
  public List<ParameterBlock> parameterBlocks() {
    List<ParameterBlock> blocks = new ArrayList<>();
    List<String> loadings = new ArrayList<>();
    for (String s : series) {
      for (int j = 1; j <= factors; j++) {
        loadings.add("loading.f" + j + "." + s);
      }
    }
    blocks.add(ParameterBlock.real(loadings.toArray(String[]::new)));
    if (!exog.isEmpty()) {
      List<String> betas = new ArrayList<>();
      for (String s : series) {
        for (String x : exog) {
          betas.add("beta." + x + "." + s);
        }
      }
      blocks.add(ParameterBlock.real(betas.toArray(String[]::new)));
    }
    switch (errorCovariance) {
      case SCALAR -> blocks.add(ParameterBlock.variance("sigma2"));
      case DIAGONAL -> {
        for (String s : series) {
          blocks.add(ParameterBlock.variance("sigma2." + s));
        }
      }
      case UNSTRUCTURED -> {
        List<String> chol = new ArrayList<>();
        for (int i = 1; i <= series.size(); i++) {
          for (int j = 1; j <= i; j++) {
            chol.add("cov.chol[" + i + "," + j + "]");
          }
        }
        blocks.add(ParameterBlock.real(chol.toArray(String[]::new)));
      }
    }
    List<String> transition = new ArrayList<>();
    for (int i = 1; i <= factors; i++) {
      for (int lag = 1; lag <= factorOrder; lag++) {
        for (int j = 1; j <= factors; j++) {
          transition.add("L" + lag + ".f" + j + ".f" + i);
        }
      }
    }
    if (factorOrder > 0) {
      blocks.add(ParameterBlock.stationaryVar(factors, factorOrder, transition));
    }
    if (errorOrder > 0) {
      for (String s : series) {
        String[] errors = new String[errorOrder];
        for (int lag = 1; lag <= errorOrder; lag++) {
          errors[lag - 1] = "L" + lag + ".e(" + s + ").e(" + s + ")";
        }
        blocks.add(ParameterBlock.autoregressive(errors));
      }
    }
    return blocks;
  }

  /**
   * Start values as statsmodels': the first k principal components of the data (complete rows),
   * scaled to unit variance, as the factors; the loadings and σ² by least squares of each series on
   * them; A by least squares of the factors on their r lags, shrunk by 0.95 towards zero if the
   * fitted VAR is not stationary.
   */
  @Override
  public double[] startParameters(ModelData data) {
    requireColumns(data);
    int p = series.size();
    int r = exog.size();
    List<double[]> rows = new ArrayList<>();
    List<double[]> regressorRows = new ArrayList<>();
    DMatrixRMaj y = data.y();
    for (int t = 0; t < y.numRows; t++) {
      double[] row = new double[p];
      boolean complete = true;
      for (int j = 0; j < p; j++) {
        row[j] = y.get(t, j);
        complete &= Double.isFinite(row[j]);
      }
      if (complete) {
        rows.add(row);
        double[] x = new double[r];
        for (int l = 0; l < r; l++) {
          x[l] = data.exog().get(t, l);
        }
        regressorRows.add(x);
      }
    }
    int n = rows.size();
    if (n <= factorOrder * factors + factors) {
      throw new IllegalArgumentException(
          "a dynamic factor model of "
              + factors
              + " factors of order "
              + factorOrder
              + " needs more than "
              + (factorOrder * factors + factors)
              + " complete rows of data, not "
              + n);
    }
    DMatrixRMaj Y = new DMatrixRMaj(n, p);
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < p; j++) {
        Y.set(t, j, rows.get(t)[j]);
      }
    }
    DMatrixRMaj centred = Y.copy();
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (int t = 0; t < n; t++) {
        mean += Y.get(t, j) / n;
      }
      for (int t = 0; t < n; t++) {
        centred.add(t, j, -mean);
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(n, p, true, false, true);
    if (!svd.decompose(centred.copy())) {
      throw new IllegalArgumentException("the data's principal components cannot be computed");
    }
    DMatrixRMaj U = svd.getU(null, false);
    DMatrixRMaj W = svd.getW(null);
    SingularOps_DDRM.descendingOrder(U, false, W, null, false);
    DMatrixRMaj f = CommonOps_DDRM.extract(U, 0, n, 0, factors);
    CommonOps_DDRM.scale(Math.sqrt(n), f);
    // Λ and B by least squares of each series on the factors and the regressors
    DMatrixRMaj design = new DMatrixRMaj(n, factors + r);
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < factors; j++) {
        design.set(t, j, f.get(t, j));
      }
      for (int l = 0; l < r; l++) {
        design.set(t, factors + l, regressorRows.get(t)[l]);
      }
    }
    DMatrixRMaj coefficients = leastSquares(design, Y);
    DMatrixRMaj residual = CommonOps_DDRM.mult(design, coefficients, null);
    CommonOps_DDRM.subtract(Y, residual, residual);
    double[] start = new double[parameterNames().size()];
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < factors; j++) {
        start[k++] = coefficients.get(j, i);
      }
    }
    for (int i = 0; i < p; i++) {
      for (int l = 0; l < r; l++) {
        start[k++] = coefficients.get(factors + l, i);
      }
    }
    // each series' error: an AR(q) by least squares when q > 0, its innovations' covariance Σ
    double[][] phi = new double[p][errorOrder];
    DMatrixRMaj innovations = errorOrder == 0 ? residual : arInnovations(residual, phi);
    k = startCovariance(innovations, start, k);
    int m = n - factorOrder;
    DMatrixRMaj lagged = new DMatrixRMaj(m, factors * factorOrder);
    DMatrixRMaj current = CommonOps_DDRM.extract(f, factorOrder, n, 0, factors);
    for (int t = 0; t < m; t++) {
      for (int lag = 1; lag <= factorOrder; lag++) {
        for (int j = 0; j < factors; j++) {
          lagged.set(t, (lag - 1) * factors + j, f.get(t + factorOrder - lag, j));
        }
      }
    }
    DMatrixRMaj A = leastSquares(lagged, current);
    DMatrixRMaj companion = companion(A);
    while (spectralRadius(companion) >= 0.99) {
      CommonOps_DDRM.scale(0.95, A);
      companion = companion(A);
    }
    for (int i = 0; i < factors; i++) {
      for (int c = 0; c < factors * factorOrder; c++) {
        start[k++] = A.get(c, i);
      }
    }
    for (int i = 0; i < p; i++) {
      for (int lag = 0; lag < errorOrder; lag++) {
        start[k++] = phi[i][lag];
      }
    }
    return start;
  }

  /**
   * Each column's AR(q) by least squares on its q lags, shrunk by 0.95 towards zero until
   * stationary; the coefficients into {@code phi}, the innovations (rows q … n − 1) returned.
   */
  private DMatrixRMaj arInnovations(DMatrixRMaj e, double[][] phi) {
    int n = e.numRows;
    int p = e.numCols;
    int q = errorOrder;
    DMatrixRMaj innovations = new DMatrixRMaj(n - q, p);
    for (int i = 0; i < p; i++) {
      DMatrixRMaj lags = new DMatrixRMaj(n - q, q);
      DMatrixRMaj current = new DMatrixRMaj(n - q, 1);
      for (int t = q; t < n; t++) {
        current.set(t - q, 0, e.get(t, i));
        for (int lag = 1; lag <= q; lag++) {
          lags.set(t - q, lag - 1, e.get(t - lag, i));
        }
      }
      DMatrixRMaj c = leastSquares(lags, current);
      DMatrixRMaj companion = new DMatrixRMaj(q, q);
      for (int it = 0; it < 200; it++) {
        for (int lag = 0; lag < q; lag++) {
          companion.set(0, lag, c.get(lag, 0));
        }
        for (int lag = 1; lag < q; lag++) {
          companion.set(lag, lag - 1, 1);
        }
        if (spectralRadius(companion) < 0.99) {
          break;
        }
        CommonOps_DDRM.scale(0.95, c);
      }
      for (int lag = 0; lag < q; lag++) {
        phi[i][lag] = c.get(lag, 0);
      }
      for (int t = q; t < n; t++) {
        double v = e.get(t, i);
        for (int lag = 1; lag <= q; lag++) {
          v -= phi[i][lag - 1] * e.get(t - lag, i);
        }
        innovations.set(t - q, i, v);
      }
    }
    return innovations;
  }

  /**
   * Σ's start from the innovations' sample covariance: its mean diagonal (scalar), its diagonal, or
   * its Cholesky factor (unstructured; the diagonal's square roots if it is not positive definite),
   * variances at least 1e-4. Written into {@code start} from {@code k}; returns the next index.
   */
  private int startCovariance(DMatrixRMaj e, double[] start, int k) {
    int n = e.numRows;
    int p = e.numCols;
    DMatrixRMaj S = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(e, e, S);
    CommonOps_DDRM.scale(1.0 / n, S);
    switch (errorCovariance) {
      case SCALAR -> {
        double mean = 0;
        for (int i = 0; i < p; i++) {
          mean += S.get(i, i) / p;
        }
        start[k++] = Math.max(mean, 1e-4);
      }
      case DIAGONAL -> {
        for (int i = 0; i < p; i++) {
          start[k++] = Math.max(S.get(i, i), 1e-4);
        }
      }
      case UNSTRUCTURED -> {
        var chol = DecompositionFactory_DDRM.chol(p, true);
        DMatrixRMaj L = null;
        if (chol.decompose(S.copy())) {
          L = chol.getT(null);
          for (int i = 0; i < p; i++) {
            if (!(L.get(i, i) > 0)) {
              L = null;
              break;
            }
          }
        }
        for (int i = 0; i < p; i++) {
          for (int j = 0; j <= i; j++) {
            start[k++] =
                L != null ? L.get(i, j) : i == j ? Math.sqrt(Math.max(S.get(i, i), 1e-4)) : 0;
          }
        }
      }
    }
    return k;
  }

  /**
   * The system: the state (f_t, …, f_{t−r+1}; u_t, …, u_{t−q+1} when q &gt; 0; β with regressors),
   * F block diagonal (the factors' companion, the errors' companion with diagonal Φ_i, I for β),
   * cholQ = [I_k, 0; 0, L_ε] on the factors' and errors' first blocks, H = [Λ 0 … | I_p 0 … | 0]
   * (the regressors' columns are filled per step by {@link #system}), cholR = L_ε when q = 0 else
   * 0, and the stationary start of (f, u) with β known.
   */
  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int p = series.size();
    int r = exog.size();
    int nf = factors * factorOrder;
    int ne = p * errorOrder;
    int nfe = nf + ne;
    int m = p * r;
    int nx = nfe + m;
    Var zero = tape.constant(0);
    Var one = tape.constant(1);
    int k = 0;
    Var[] H = new Var[p * nx];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < factors; j++) {
        H[i * nx + j] = values[k++];
      }
      if (errorOrder > 0) {
        H[i * nx + nf + i] = one;
      }
    }
    Var[] beta = new Var[m];
    for (int i = 0; i < m; i++) {
      beta[i] = values[k++];
    }
    Var[] chol = new Var[p * p];
    switch (errorCovariance) {
      case SCALAR -> {
        Var sigma = values[k++];
        for (int i = 0; i < p; i++) {
          chol[i * p + i] = sigma;
        }
      }
      case DIAGONAL -> {
        for (int i = 0; i < p; i++) {
          chol[i * p + i] = values[k++];
        }
      }
      case UNSTRUCTURED -> {
        for (int i = 0; i < p; i++) {
          for (int j = 0; j <= i; j++) {
            chol[i * p + j] = values[k++];
          }
        }
      }
    }
    Var[] F = new Var[nfe * nfe];
    for (int i = 0; i < factors; i++) {
      for (int j = 0; j < nf; j++) {
        F[i * nfe + j] = values[k++];
      }
    }
    for (int i = factors; i < nf; i++) {
      F[i * nfe + i - factors] = one;
    }
    for (int i = 0; i < p; i++) {
      for (int lag = 0; lag < errorOrder; lag++) {
        F[(nf + i) * nfe + nf + lag * p + i] = values[k++];
      }
    }
    for (int i = nf + p; i < nfe; i++) {
      F[i * nfe + i - p] = one;
    }
    int shocks = factors + (errorOrder > 0 ? p : 0);
    Var[] noise = new Var[nfe * shocks];
    for (int j = 0; j < factors; j++) {
      noise[j * shocks + j] = one;
    }
    if (errorOrder > 0) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          noise[(nf + i) * shocks + factors + j] = chol[i * p + j];
        }
      }
    }
    Var transition = tape.fromEntries(nfe, nfe, F);
    Var cholQ = tape.fromEntries(nfe, shocks, noise);
    Var cholR = errorOrder > 0 ? tape.zeros(p, p) : tape.fromEntries(p, p, chol);
    Var stationary = StationaryFactor.of(transition, cholQ);
    if (m == 0) {
      return ModelMatrices.builder(tape)
          .F(transition)
          .H(tape.fromEntries(p, nx, H))
          .cholQ(cholQ)
          .cholR(cholR)
          .cholP0(stationary)
          .cholPinf(tape.fromEntries(nx, 0))
          .build();
    }
    Var[] full = new Var[nx * nx];
    for (int i = 0; i < nfe; i++) {
      System.arraycopy(F, i * nfe, full, i * nx, nfe);
    }
    for (int i = nfe; i < nx; i++) {
      full[i * nx + i] = one; // β stays
    }
    return ModelMatrices.builder(tape)
        .F(tape.fromEntries(nx, nx, full))
        .H(tape.fromEntries(p, nx, H))
        .cholQ(tape.block(new Var[][] {{cholQ}, {tape.zeros(m, shocks)}}))
        .cholR(cholR)
        .cholP0(tape.block(new Var[][] {{stationary}, {tape.zeros(m, stationary.cols())}}))
        .m0(tape.block(new Var[][] {{tape.zeros(nfe, 1)}, {tape.fromEntries(m, 1, beta)}}))
        .cholPinf(tape.fromEntries(nx, 0))
        .build();
  }

  /**
   * With regressors, the system whose H_t carries x_t in the columns of β ({@link
   * ObservationRegressors}); otherwise the time-invariant one.
   */
  @Override
  public StateSpace system(ModelMatrices matrices, ModelData data) {
    if (exog.isEmpty()) {
      return matrices.system();
    }
    int nfe = factors * factorOrder + series.size() * errorOrder;
    return new ObservationRegressors(matrices.system(), data.exog(), nfe);
  }

  /**
   * f1 … fk, then their lags {@code _L1.f1} …, the errors {@code _e(A)} and their lags, the
   * regressors' coefficients {@code _beta.X.A}: a plot shows the factors only.
   */
  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>();
    for (int lag = 0; lag < factorOrder; lag++) {
      for (int j = 1; j <= factors; j++) {
        names.add(lag == 0 ? "f" + j : "_L" + lag + ".f" + j);
      }
    }
    for (int lag = 0; lag < errorOrder; lag++) {
      for (String s : series) {
        names.add(lag == 0 ? "_e(" + s + ")" : "_L" + lag + ".e(" + s + ")");
      }
    }
    for (String s : series) {
      for (String x : exog) {
        names.add("_beta." + x + "." + s);
      }
    }
    return names;
  }

  private void requireColumns(ModelData data) {
    if (!exog.isEmpty()
        && (data.exog() == null || data.exogNames() == null || !data.exogNames().equals(exog))) {
      throw new IllegalArgumentException(
          "the dynamic factor model's regressors are "
              + exog
              + " but the data's are "
              + (data.exogNames() == null ? List.of() : data.exogNames()));
    }
    if (data.y().numCols != series.size()) {
      throw new IllegalArgumentException(
          "the dynamic factor model of the series "
              + series
              + " needs "
              + series.size()
              + " columns of data, not "
              + data.y().numCols);
    }
  }

  /** B minimising ‖X B − Y‖ (X full column rank). */
  private static DMatrixRMaj leastSquares(DMatrixRMaj X, DMatrixRMaj Y) {
    DMatrixRMaj B = new DMatrixRMaj(X.numCols, Y.numCols);
    var solver =
        org.ejml.dense.row.factory.LinearSolverFactory_DDRM.leastSquares(X.numRows, X.numCols);
    if (!solver.setA(X.copy())) {
      throw new IllegalArgumentException("the start values' regression is singular");
    }
    solver.solve(Y.copy(), B);
    return B;
  }

  /** The companion matrix of the VAR whose coefficients [A_1 … A_r]ᵀ are the columns of A. */
  private DMatrixRMaj companion(DMatrixRMaj A) {
    int n = factors * factorOrder;
    DMatrixRMaj F = new DMatrixRMaj(n, n);
    for (int i = 0; i < factors; i++) {
      for (int c = 0; c < n; c++) {
        F.set(i, c, A.get(c, i));
      }
    }
    for (int i = factors; i < n; i++) {
      F.set(i, i - factors, 1);
    }
    return F;
  }

  private static double spectralRadius(DMatrixRMaj F) {
    var eig = DecompositionFactory_DDRM.eig(F.numRows, false);
    if (!eig.decompose(F.copy())) {
      return Double.POSITIVE_INFINITY;
    }
    double radius = 0;
    for (int i = 0; i < F.numRows; i++) {
      radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
    }
    return radius;
  }
}
