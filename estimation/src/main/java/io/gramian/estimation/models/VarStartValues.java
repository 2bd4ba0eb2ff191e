package io.gramian.estimation.models;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Start values of a {@link VectorAutoregression}: each equation by least squares on its
 * deterministic regressors d_t (intercept, time trend, regressors, when there are any) and the p
 * lags of every series,
 *
 * <pre>
 *   y_t = β d_t + A_1 y_{t−1} + … + A_p y_{t−p} + e_t,   t over the periods with y_t … y_{t−p} observed
 * </pre>
 *
 * (statsmodels' VARMAX starts from the same regression), and L the Cholesky factor of the
 * residuals' covariance {@code Σ_t e_t e_tᵀ / N}; moving-average coefficients start at zero. Where
 * the estimated coefficients are not stationary they are halved until they are (the likelihood
 * needs a stationary start); where too few complete periods remain, or the residuals' covariance is
 * not positive definite, the coefficients start at zero and L at the series' standard deviations.
 */
final class VarStartValues {

  /** Halvings of non-stationary coefficients before giving up and starting from zero. */
  private static final int MAX_HALVINGS = 30;

  /** Largest modulus of an eigenvalue of the companion matrix accepted as stationary. */
  private static final double STATIONARY_RADIUS = 0.99;

  private VarStartValues() {}

  /**
   * @param y T × k observations, NaN where missing
   * @param order p
   * @param movingAverage q: the moving-average coefficients start at zero
   * @param deterministic T × d: row t the deterministic regressors d_t, the trend terms first
   * @param trendTerms how many of the d columns are trend terms (their coefficients come first in
   *     the parameters, the regressors' after the moving-average ones)
   * @return the parameters in {@link VectorAutoregression}'s order
   */
  static double[] of(
      DMatrixRMaj y, int order, int movingAverage, DMatrixRMaj deterministic, int trendTerms) {
    int k = y.numCols;
    int d = deterministic.numCols;
    int regressors = d + k * order;
    List<Integer> complete = new ArrayList<>();
    for (int t = order; t < y.numRows; t++) {
      if (observed(y, t - order, t)) {
        complete.add(t);
      }
    }
    DMatrixRMaj B = new DMatrixRMaj(regressors, k);
    DMatrixRMaj L = null;
    if (complete.size() > regressors + k) {
      DMatrixRMaj X = new DMatrixRMaj(complete.size(), regressors);
      DMatrixRMaj Y = new DMatrixRMaj(complete.size(), k);
      for (int r = 0; r < complete.size(); r++) {
        int t = complete.get(r);
        int col = 0;
        for (int i = 0; i < d; i++) {
          X.set(r, col++, deterministic.get(t, i));
        }
        for (int lag = 1; lag <= order; lag++) {
          for (int v = 0; v < k; v++) {
            X.set(r, col++, y.get(t - lag, v));
          }
        }
        for (int v = 0; v < k; v++) {
          Y.set(r, v, y.get(t, v));
        }
      }
      LinearSolverDense<DMatrixRMaj> solver =
          LinearSolverFactory_DDRM.leastSquares(X.numRows, X.numCols);
      if (solver.setA(X)) {
        solver.solve(Y, B);
        DMatrixRMaj E = Y.copy();
        CommonOps_DDRM.multAdd(-1.0, X, B, E);
        DMatrixRMaj sigma = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(E, E, sigma);
        CommonOps_DDRM.scale(1.0 / complete.size(), sigma);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
        if (chol.decompose(sigma.copy())) {
          L = chol.getT(null);
        }
      }
    }
    if (L == null || !allFinite(B)) {
      B.zero();
      L = new DMatrixRMaj(k, k);
      for (int v = 0; v < k; v++) {
        L.set(v, v, Math.max(standardDeviation(y, v), Double.MIN_NORMAL));
      }
    }
    int first = d;
    for (int halving = 0; order > 0 && !stationary(B, first, k, order); halving++) {
      if (halving == MAX_HALVINGS) {
        B.zero();
        break;
      }
      for (int r = first; r < regressors; r++) {
        for (int v = 0; v < k; v++) {
          B.set(r, v, 0.5 * B.get(r, v));
        }
      }
    }
    double[] start = new double[k * d + k * k * (order + movingAverage) + k * (k + 1) / 2];
    int next = 0;
    for (int v = 0; v < k; v++) {
      for (int i = 0; i < trendTerms; i++) {
        start[next++] = B.get(i, v);
      }
    }
    for (int eq = 0; eq < k; eq++) {
      for (int lag = 0; lag < order; lag++) {
        for (int v = 0; v < k; v++) {
          start[next++] = B.get(first + lag * k + v, eq);
        }
      }
    }
    next += k * k * movingAverage;
    for (int v = 0; v < k; v++) {
      for (int i = trendTerms; i < d; i++) {
        start[next++] = B.get(i, v);
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        start[next++] = L.get(i, j);
      }
    }
    return start;
  }

  /** Whether every value of rows from … to (inclusive) is observed. */
  private static boolean observed(DMatrixRMaj y, int from, int to) {
    for (int t = from; t <= to; t++) {
      for (int v = 0; v < y.numCols; v++) {
        if (!Double.isFinite(y.get(t, v))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the companion matrix of the coefficient rows of B has spectral radius below 0.99. */
  private static boolean stationary(DMatrixRMaj B, int first, int k, int order) {
    int nx = k * order;
    DMatrixRMaj F = new DMatrixRMaj(nx, nx);
    for (int eq = 0; eq < k; eq++) {
      for (int col = 0; col < nx; col++) {
        F.set(eq, col, B.get(first + col, eq));
      }
    }
    for (int i = k; i < nx; i++) {
      F.set(i, i - k, 1.0);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nx, false);
    if (!eig.decompose(F)) {
      return false;
    }
    for (int i = 0; i < nx; i++) {
      Complex_F64 value = eig.getEigenvalue(i);
      if (!(value.getMagnitude() < STATIONARY_RADIUS)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allFinite(DMatrixRMaj B) {
    for (double v : B.data) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static double standardDeviation(DMatrixRMaj y, int v) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int t = 0; t < y.numRows; t++) {
      double x = y.get(t, v);
      if (Double.isFinite(x)) {
        sum += x;
        squares += x * x;
        n++;
      }
    }
    if (n < 2) {
      return 1.0;
    }
    double mean = sum / n;
    double variance = (squares - n * mean * mean) / (n - 1);
    return variance > 0 ? Math.sqrt(variance) : 1.0;
  }
}
