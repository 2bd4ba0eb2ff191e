package io.gramian.estimation.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelSize;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * SUTSE with slopes (the multivariate local linear trend) and dummy seasonals, on the logs of the
 * monthly front- and rear-seat casualties of the bundled {@code seatbelts} data: ℓ against an
 * independent oracle (the stacked generalised least-squares form of the exact diffuse likelihood,
 * {@link StackedDiffuseLikelihood}, with the system written out here in covariance form) and
 * against statsmodels' ℓ of the same models as a custom {@code MLEModel} ({@code
 * statsmodels_sutse.py}), gradients against central differences, and fits.
 */
class SutseComponentsTest {

  private static final List<String> SERIES = List.of("front", "rear");

  /**
   * The oracle's dense 384 × 384 Cholesky and the filter's rounding differ at about 1e-13 relative;
   * 1e-10 leaves room for the diffuse collapse of up to 26 states.
   */
  private static final double ORACLE_RELATIVE = 1e-10;

  /** statsmodels prints 17 digits; its filter and ours round differently at about 1e-13. */
  private static final double STATSMODELS_RELATIVE = 1e-10;

  /** Central differences at h = 1e-5 (θ of order 1–5): O(h²) truncation plus rounding, ~1e-7. */
  private static final double GRADIENT_TOLERANCE = 1e-5;

  private static final double STEP = 1e-5;

  private static final double[] IRREGULAR = {0.09, -0.03, 0.07};

  /** A configuration: level rank, slope rank (0: none), seasonal period (0: none), parameters. */
  private record Case(String name, int rank, int slopeRank, int period, double[] rest) {
    Sutse model() {
      Sutse.Builder b = Sutse.builder(SERIES).rank(rank);
      if (slopeRank > 0) {
        b.slope(slopeRank);
      }
      if (period > 0) {
        b.seasonal(period);
      }
      return b.build();
    }

    double[] natural() {
      double[] all = new double[IRREGULAR.length + rest.length];
      System.arraycopy(IRREGULAR, 0, all, 0, IRREGULAR.length);
      System.arraycopy(rest, 0, all, IRREGULAR.length, rest.length);
      return all;
    }
  }

  /** The cases of {@code statsmodels_sutse.py}'s {@code component_cases}, same values. */
  private static final List<Case> CASES =
      List.of(
          new Case("trend", 2, 2, 0, new double[] {0.02, 0.015, 0.012, 0.004, 0.001, 0.003}),
          new Case("trend_rank1", 1, 2, 0, new double[] {0.02, 0.015, 0.004, 0.001, 0.003}),
          new Case("trend_slope_rank1", 2, 1, 0, new double[] {0.02, 0.015, 0.012, 0.004, 0.001}),
          new Case("seasonal", 2, 0, 12, new double[] {0.02, 0.015, 0.012, 0.01, 0.005, 0.008}),
          new Case(
              "trend_seasonal",
              2,
              2,
              12,
              new double[] {0.02, 0.015, 0.012, 0.004, 0.001, 0.003, 0.01, 0.005, 0.008}));

  static ModelData logFrontRear() {
    TimeSeriesFrame frame = Datasets.seatbelts();
    double[] y = frame.rowMajor(SERIES);
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.log(y[i]);
    }
    return new ModelData(new DMatrixRMaj(frame.length(), 2, true, y), null, null);
  }

  /**
   * The oracle's ℓ: the system written out from the natural parameters (covariances L Lᵀ, the
   * transition and design of levels, slopes and dummy seasonals) as the statsmodels script writes
   * it, then {@link StackedDiffuseLikelihood}.
   */
  private static double oracle(Case c, double[] natural, ModelData data) {
    int p = SERIES.size();
    int nSeasonal = c.period > 0 ? p * (c.period - 1) : 0;
    int g0 = p + (c.slopeRank > 0 ? p : 0);
    int nx = g0 + nSeasonal;
    DMatrixRMaj T = CommonOps_DDRM.identity(nx);
    DMatrixRMaj Z = new DMatrixRMaj(p, nx);
    for (int j = 0; j < p; j++) {
      Z.set(j, j, 1);
      if (c.slopeRank > 0) {
        T.set(j, p + j, 1);
      }
    }
    for (int j = 0; c.period > 0 && j < p; j++) {
      int g = g0 + j * (c.period - 1);
      for (int i = 0; i < c.period - 1; i++) {
        T.set(g + i, g + i, 0);
      }
      for (int i = 0; i < c.period - 1; i++) {
        T.set(g, g + i, -1);
        if (i > 0) {
          T.set(g + i, g + i - 1, 1);
        }
      }
      Z.set(j, g, 1);
    }
    int[] k = {0};
    DMatrixRMaj R = covariance(natural, k, p);
    DMatrixRMaj Q = new DMatrixRMaj(nx, nx);
    CommonOps_DDRM.insert(covariance(natural, k, c.rank), Q, 0, 0);
    if (c.slopeRank > 0) {
      CommonOps_DDRM.insert(covariance(natural, k, c.slopeRank), Q, p, p);
    }
    if (c.period > 0) {
      DMatrixRMaj W = covariance(natural, k, p);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          Q.set(g0 + i * (c.period - 1), g0 + j * (c.period - 1), W.get(i, j));
        }
      }
    }
    return StackedDiffuseLikelihood.of(T, Z, Q, R, data.y());
  }

  /** L Lᵀ of the p × cols lower-trapezoidal factor read row by row from natural[k…]. */
  private static DMatrixRMaj covariance(double[] natural, int[] k, int cols) {
    int p = SERIES.size();
    DMatrixRMaj L = new DMatrixRMaj(p, cols);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= Math.min(i, cols - 1); j++) {
        L.set(i, j, natural[k[0]++]);
      }
    }
    return CommonOps_DDRM.multTransB(L, L, null);
  }

  @Test
  void parameterNamesAndStatesFollowTheComponents() {
    Sutse trendSeasonal = CASES.get(4).model();
    assertEquals(
        List.of(
            "sqrt.cov.irregular.front.front",
            "sqrt.cov.irregular.rear.front",
            "sqrt.cov.irregular.rear.rear",
            "sqrt.cov.level.front.front",
            "sqrt.cov.level.rear.front",
            "sqrt.cov.level.rear.rear",
            "sqrt.cov.trend.front.front",
            "sqrt.cov.trend.rear.front",
            "sqrt.cov.trend.rear.rear",
            "sqrt.cov.seasonal.front.front",
            "sqrt.cov.seasonal.rear.front",
            "sqrt.cov.seasonal.rear.rear"),
        trendSeasonal.parameterNames());
    assertEquals(26, trendSeasonal.stateCount());
    assertEquals(
        new ModelSize("sutse-local-linear-trend+seasonal(12)", 26, 26, 12, 0, 12),
        trendSeasonal.size());
    assertEquals(
        2 + 2 + 2 * 99_999L,
        Sutse.builder(SERIES).slope().seasonal(100_000).build().size().states());
    List<String> states = trendSeasonal.stateNames(26);
    assertEquals(
        List.of("level.front", "level.rear", "trend.front", "trend.rear", "seasonal.front"),
        states.subList(0, 5));
    assertEquals("_seasonal.L10.front", states.get(14));
    assertEquals("seasonal.rear", states.get(15));
    assertEquals("signal", trendSeasonal.signalName());
    assertEquals("level", CASES.get(0).model().signalName());
    assertEquals(
        List.of("sqrt.cov.trend.front.front", "sqrt.cov.trend.rear.front"),
        CASES.get(2).model().parameterNames().subList(6, 8));
    assertThrows(IllegalArgumentException.class, () -> Sutse.builder(SERIES).slope(3).build());
    assertThrows(IllegalArgumentException.class, () -> Sutse.builder(SERIES).seasonal(1));
  }

  @Test
  void logLikelihoodMatchesTheStackedOracleAndStatsmodels() throws IOException {
    Map<String, Double> reference = ReferenceChecks.statsmodelsSutse();
    ModelData data = logFrontRear();
    for (Case c : CASES) {
      LogLikelihood ll = new LogLikelihood(c.model(), data, Map.of(), TriaRule.MASKED);
      double actual = ll.value(ll.layout().unconstrained(c.natural()));
      double expected = oracle(c, c.natural(), data);
      assertEquals(expected, actual, ORACLE_RELATIVE * Math.abs(expected), c.name + " oracle");
      double sm = reference.get(c.name);
      assertEquals(sm, actual, STATSMODELS_RELATIVE * Math.abs(sm), c.name + " statsmodels");
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    ModelData data = logFrontRear();
    for (Case c : CASES) {
      LogLikelihood ll = new LogLikelihood(c.model(), data, Map.of(), TriaRule.MASKED);
      ReferenceChecks.assertGradientMatchesCentralDifferences(
          ll, ll.layout().unconstrained(c.natural()), STEP, GRADIENT_TOLERANCE, c.name);
    }
  }

  /**
   * The local linear trend and the trend with seasonals fit, with ℓ at the estimates the oracle's.
   */
  @Test
  void fitsTheTrendAndTheSeasonal() {
    ModelData data = logFrontRear();
    for (Case c : List.of(CASES.get(0), CASES.get(4))) {
      FitResult fit = MaximumLikelihood.fit(c.model(), data, FitOptions.defaults());
      assertTrue(fit.converged(), c.name + ": " + fit.optimizerMessage());
      assertEquals(
          oracle(c, fit.estimates(), data),
          fit.logLikelihood(),
          ORACLE_RELATIVE * Math.abs(fit.logLikelihood()),
          c.name);
      assertEquals(c.model().stateCount(), fit.diffuseStates(), c.name);
      // the maximum is at least ℓ at the reference point
      LogLikelihood ll = new LogLikelihood(c.model(), data, Map.of(), TriaRule.MASKED);
      assertTrue(fit.logLikelihood() >= ll.value(ll.layout().unconstrained(c.natural())), c.name);
    }
  }
}
