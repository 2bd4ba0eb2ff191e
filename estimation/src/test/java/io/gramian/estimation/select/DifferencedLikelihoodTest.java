package io.gramian.estimation.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.arima.Differencing;
import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.kalman.StateSpace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The differenced-data likelihood against R and against a dense covariance-form computation of the
 * density of the differenced data, and the differencing it finds.
 */
class DifferencedLikelihoodTest {

  /**
   * R's optim stops at a relative change of 1e-8 in ℓ (its reltol), ours at a gradient norm of
   * 1e-8: the two maxima of one likelihood differ by less than this, relative.
   */
  private static final double R_LOGLIK_TOLERANCE = 1e-8;

  /**
   * The dense Cholesky of the 131 × 131 (or 132 × 132) covariance and the square-root filter
   * compute the same number by different sums: rounding of a few ulps per term over ~10⁴ terms.
   */
  private static final double DENSE_TOLERANCE = 1e-8;

  @Test
  void localLevelOnNileIsRsArima011() {
    // R 4.2.2: arima(diff(Nile), c(0, 0, 1), include.mean = FALSE)$loglik, the exact likelihood
    // of the differences (arima(Nile, c(0, 1, 1)) starts its differencing state with variance
    // κ = 1e6 and gets −632.5456243832). The local level is an ARIMA(0,1,1) with θ ∈ (−1, 0], and
    // the ML θ = −0.7329 is inside: the two models have the same maximum.
    double rLogLik = -632.5456251030;
    FitResult fit = fit(ModelSpec.named("local-level"), Datasets.nile().values());
    DifferencedLikelihood differenced = DifferencedLikelihood.of(fit, 1);
    assertEquals(new DifferencingOrder(1, 0, 1), differenced.differencing());
    assertEquals(rLogLik, differenced.logLikelihood(), R_LOGLIK_TOLERANCE * Math.abs(rLogLik));
    FitResult arima = fit(ModelSpec.named("arima").withOrder("0,1,1"), Datasets.nile().values());
    assertEquals(
        rLogLik,
        DifferencedLikelihood.of(arima, 1).logLikelihood(),
        R_LOGLIK_TOLERANCE * Math.abs(rLogLik));
  }

  @Test
  void seasonalStructuralModelsAreTheDensityOfTheirDifferencedData() {
    double[] y = Datasets.airPassengers().log().values();
    check(ModelSpec.named("local-level").withSeasonal(12), y, new DifferencingOrder(0, 1, 12));
    check(
        ModelSpec.named("local-linear-trend").withSeasonal(12), y, new DifferencingOrder(1, 1, 12));
    check(
        ModelSpec.named("arima").withOrder("0,1,1").withSeasonalOrder("0,1,1,12"),
        y,
        new DifferencingOrder(1, 1, 12));
  }

  private static void check(ModelSpec spec, double[] y, DifferencingOrder expected) {
    FitResult fit = fit(spec, y);
    DifferencedLikelihood differenced = DifferencedLikelihood.of(fit, 12);
    assertEquals(expected, differenced.differencing(), spec.spelling());
    double dense = denseDifferencedLogLikelihood(fit.system(), y, expected);
    assertEquals(dense, differenced.logLikelihood(), DENSE_TOLERANCE * Math.abs(dense));
  }

  private static FitResult fit(ModelSpec spec, double[] y) {
    return MaximumLikelihood.fit(spec.create(), ModelData.of(y), FitOptions.defaults());
  }

  /**
   * log N(w; A μ, A Σ A') for w = A y with A the differencing, Σ = Cov(y | δ) in covariance form:
   * P_0 = cholP0 cholP0', P_{t+1} = F P_t F' + Q, Cov(y_u, y_t) = H F^{u−t} P_t H' + R [u = t], μ_t
   * = H m_t + d with m_{t+1} = F m_t + c (time-invariant system, no missing values).
   */
  private static double denseDifferencedLogLikelihood(
      StateSpace s, double[] y, DifferencingOrder order) {
    int n = y.length;
    int nx = s.nx();
    DMatrixRMaj F = s.F(0);
    DMatrixRMaj H = s.H(0);
    DMatrixRMaj Q = new DMatrixRMaj(nx, nx);
    CommonOps_DDRM.multTransB(s.cholQ(0), s.cholQ(0), Q);
    DMatrixRMaj R = new DMatrixRMaj(1, 1);
    CommonOps_DDRM.multTransB(s.cholR(0), s.cholR(0), R);
    DMatrixRMaj P = new DMatrixRMaj(nx, nx);
    CommonOps_DDRM.multTransB(s.cholP0(), s.cholP0(), P);
    DMatrixRMaj m = s.m0().copy();
    double[][] sigma = new double[n][n];
    double[] mu = new double[n];
    DMatrixRMaj g = new DMatrixRMaj(nx, 1);
    DMatrixRMaj next = new DMatrixRMaj(nx, 1);
    DMatrixRMaj scalar = new DMatrixRMaj(1, 1);
    DMatrixRMaj fp = new DMatrixRMaj(nx, nx);
    DMatrixRMaj nextP = new DMatrixRMaj(nx, nx);
    for (int t = 0; t < n; t++) {
      CommonOps_DDRM.mult(H, m, scalar);
      mu[t] = scalar.get(0) + s.d(0).get(0);
      CommonOps_DDRM.multTransB(P, H, g);
      for (int u = t; u < n; u++) {
        CommonOps_DDRM.mult(H, g, scalar);
        double c = scalar.get(0) + (u == t ? R.get(0) : 0);
        sigma[u][t] = c;
        sigma[t][u] = c;
        CommonOps_DDRM.mult(F, g, next);
        g.setTo(next);
      }
      CommonOps_DDRM.mult(F, P, fp);
      CommonOps_DDRM.multTransB(fp, F, nextP);
      CommonOps_DDRM.add(nextP, Q, P);
      CommonOps_DDRM.mult(F, m, next);
      CommonOps_DDRM.add(next, s.c(0), m);
    }
    // A Σ A': difference the columns, then the rows
    int q = order.d() + order.seasonalD() * order.period();
    int nw = n - q;
    double[][] half = new double[n][];
    for (int t = 0; t < n; t++) {
      half[t] = Differencing.apply(sigma[t], order.d(), order.seasonalD(), order.period());
    }
    DMatrixRMaj c = new DMatrixRMaj(nw, nw);
    double[] column = new double[n];
    for (int j = 0; j < nw; j++) {
      for (int t = 0; t < n; t++) {
        column[t] = half[t][j];
      }
      double[] dc = Differencing.apply(column, order.d(), order.seasonalD(), order.period());
      for (int i = 0; i < nw; i++) {
        c.set(i, j, dc[i]);
      }
    }
    double[] w = Differencing.apply(y, order.d(), order.seasonalD(), order.period());
    double[] wMean = Differencing.apply(mu, order.d(), order.seasonalD(), order.period());
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(nw, true);
    if (!chol.decompose(c)) {
      throw new AssertionError("the differenced covariance is not positive definite");
    }
    DMatrixRMaj l = chol.getT(null);
    // forward substitution L z = w − A μ; log det = 2 Σ log L_ii
    double[] z = new double[nw];
    double logDet = 0;
    double quadratic = 0;
    for (int i = 0; i < nw; i++) {
      double v = w[i] - wMean[i];
      for (int k = 0; k < i; k++) {
        v -= l.get(i, k) * z[k];
      }
      z[i] = v / l.get(i, i);
      logDet += 2 * Math.log(l.get(i, i));
      quadratic += z[i] * z[i];
    }
    return -0.5 * (nw * Math.log(2 * Math.PI) + logDet + quadratic);
  }
}
