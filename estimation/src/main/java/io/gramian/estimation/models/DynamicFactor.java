package io.gramian.estimation.models;

import io.gramian.autodiff.tape.StationaryFactor;
import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelMatrices;
import io.gramian.estimation.model.ParameterBlock;
import io.gramian.estimation.model.SeveralSeriesModel;
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
 * statsmodels. The transition coefficients are real (statsmodels' {@code
 * enforce_stationarity=False}); a non-stationary F has no stationary start, and the likelihood
 * there is an error.
 */
public final class DynamicFactor implements SeveralSeriesModel {

  private final List<String> series;
  private final int factors;
  private final int factorOrder;

  /**
   * @param series the names of the p series, in the data's column order
   * @param factors k ≥ 1, the number of common factors (at most p)
   * @param factorOrder r ≥ 1, the order of the factors' VAR
   * @throws IllegalArgumentException when a name repeats or k or r is out of range
   */
  public DynamicFactor(List<String> series, int factors, int factorOrder) {
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
    for (String s : series) {
      blocks.add(ParameterBlock.variance("sigma2." + s));
    }
    List<String> transition = new ArrayList<>();
    for (int i = 1; i <= factors; i++) {
      for (int lag = 1; lag <= factorOrder; lag++) {
        for (int j = 1; j <= factors; j++) {
          transition.add("L" + lag + ".f" + j + ".f" + i);
        }
      }
    }
    blocks.add(ParameterBlock.real(transition.toArray(String[]::new)));
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
    List<double[]> rows = new ArrayList<>();
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
    DMatrixRMaj lambda = leastSquares(f, Y);
    DMatrixRMaj residual = CommonOps_DDRM.mult(f, lambda, null);
    CommonOps_DDRM.subtract(Y, residual, residual);
    double[] start = new double[parameterNames().size()];
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < factors; j++) {
        start[k++] = lambda.get(j, i);
      }
    }
    for (int i = 0; i < p; i++) {
      double ss = 0;
      for (int t = 0; t < n; t++) {
        ss += residual.get(t, i) * residual.get(t, i);
      }
      start[k++] = Math.max(ss / n, 1e-4);
    }
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
    return start;
  }

  @Override
  public ModelMatrices build(Var[] values, ModelData data) {
    requireColumns(data);
    Tape tape = values[0].tape();
    int p = series.size();
    int n = factors * factorOrder;
    int k = 0;
    Var[] H = new Var[p * n];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < n; j++) {
        H[i * n + j] = j < factors ? values[k++] : tape.constant(0);
      }
    }
    Var[] sigma = new Var[p];
    for (int i = 0; i < p; i++) {
      sigma[i] = values[k++];
    }
    Var[] F = new Var[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i < factors) {
          F[i * n + j] = values[k++];
        } else {
          F[i * n + j] = tape.constant(j == i - factors ? 1 : 0);
        }
      }
    }
    DMatrixRMaj selection = new DMatrixRMaj(n, factors);
    for (int j = 0; j < factors; j++) {
      selection.set(j, j, 1);
    }
    Var transition = tape.fromEntries(n, n, F);
    Var cholQ = tape.constant(selection);
    return ModelMatrices.builder(tape)
        .F(transition)
        .H(tape.fromEntries(p, n, H))
        .cholQ(cholQ)
        .cholR(tape.diag(sigma))
        .cholP0(StationaryFactor.of(transition, cholQ))
        .cholPinf(tape.fromEntries(n, 0))
        .build();
  }

  /** f1 … fk, then their lags {@code _L1.f1} …, which a plot leaves out. */
  @Override
  public List<String> stateNames(int nx) {
    List<String> names = new ArrayList<>();
    for (int lag = 0; lag < factorOrder; lag++) {
      for (int j = 1; j <= factors; j++) {
        names.add(lag == 0 ? "f" + j : "_L" + lag + ".f" + j);
      }
    }
    return names;
  }

  private void requireColumns(ModelData data) {
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
