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
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.testing.CovarianceFilter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The SUTSE local level on the logs of the UK front- and rear-seat passengers killed or seriously
 * injured (the bundled {@code seatbelts} data; Harvey &amp; Durbin 1986, Durbin &amp; Koopman 2012
 * §3.3, Commandeur &amp; Koopman 2007 ch. 9): ℓ against an independent covariance-form oracle,
 * gradients against finite differences, and fits with a full and a rank-one (common) level.
 */
class SutseTest {

  private static final List<String> SERIES = List.of("front", "rear");

  /**
   * The oracle's and the square-root filter's rounding on 192 steps of a 2 × 2 system: about 1e-13
   * relative; 1e-10 leaves room for the diffuse collapse's pivots.
   */
  private static final double LOGLIK_RELATIVE = 1e-10;

  /** statsmodels prints 16 digits; its filter and ours round differently at about 1e-13. */
  private static final double STATSMODELS_RELATIVE = 1e-10;

  /** Central differences at h = 1e-5 (θ of order 1): O(h²) truncation plus rounding, ~1e-7. */
  private static final double GRADIENT_TOLERANCE = 1e-5;

  private static final double STEP = 1e-5;

  /** BFGS stops on a gradient of this size; ℓ then sits within this of the maximum. */
  private static final double FIT_GRADIENT = 1e-3;

  private static ModelData logFrontRear() {
    TimeSeriesFrame frame = Datasets.seatbelts();
    double[] y = frame.rowMajor(SERIES);
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.log(y[i]);
    }
    return new ModelData(new DMatrixRMaj(frame.length(), 2, true, y), null, null);
  }

  /**
   * Independent exact diffuse ℓ for H = F = I_p with every level diffuse: the first observation
   * collapses the diffuse part (F∞ = I_p, so ℓ_1 = −(p/2) log 2π, Durbin &amp; Koopman §5.2.1), and
   * leaves a_2 = y_1, P_2 = R + Q; the rest is the plain covariance filter from there.
   */
  private static double oracle(double[] natural, int rank, ModelData data) {
    int p = SERIES.size();
    DMatrixRMaj L = new DMatrixRMaj(p, p);
    DMatrixRMaj Lq = new DMatrixRMaj(p, rank);
    int k = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        L.set(i, j, natural[k++]);
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= Math.min(i, rank - 1); j++) {
        Lq.set(i, j, natural[k++]);
      }
    }
    DMatrixRMaj P2 = CommonOps_DDRM.multTransB(L, L, null);
    CommonOps_DDRM.addEquals(P2, CommonOps_DDRM.multTransB(Lq, Lq, null));
    DMatrixRMaj cholP2 = P2.copy();
    org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(p, true).decompose(cholP2);
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        cholP2.set(i, j, 0);
      }
    }
    DMatrixRMaj y = data.y();
    DMatrixRMaj m2 = new DMatrixRMaj(p, 1);
    for (int j = 0; j < p; j++) {
      m2.set(j, 0, y.get(0, j));
    }
    DMatrixRMaj rest = CommonOps_DDRM.extract(y, 1, y.numRows, 0, p);
    DMatrixRMaj I = CommonOps_DDRM.identity(p);
    StateSpaceSystem s =
        StateSpaceSystem.builder().F(I).H(I).cholQ(Lq).cholR(L).m0(m2).cholP0(cholP2).build();
    return -0.5 * p * Math.log(2 * Math.PI) + CovarianceFilter.of(s, rest).logLikelihood;
  }

  /** Natural values away from the start: correlated disturbances of both signs. */
  private static double[] natural(int rank) {
    return rank == 2
        ? new double[] {0.09, -0.03, 0.07, 0.02, 0.015, 0.012}
        : new double[] {0.09, -0.03, 0.07, 0.02, 0.015};
  }

  @Test
  void parameterNamesFollowTheFactors() {
    assertEquals(
        List.of(
            "sqrt.cov.irregular.front.front",
            "sqrt.cov.irregular.rear.front",
            "sqrt.cov.irregular.rear.rear",
            "sqrt.cov.level.front.front",
            "sqrt.cov.level.rear.front",
            "sqrt.cov.level.rear.rear"),
        Sutse.localLevel(SERIES).parameterNames());
    assertEquals(5, new Sutse(SERIES, 1).parameterNames().size());
    assertThrows(IllegalArgumentException.class, () -> new Sutse(SERIES, 3));
  }

  @Test
  void logLikelihoodMatchesTheCovarianceOracle() {
    ModelData data = logFrontRear();
    for (int rank = 1; rank <= 2; rank++) {
      LogLikelihood ll =
          new LogLikelihood(new Sutse(SERIES, rank), data, Map.of(), TriaRule.MASKED);
      double[] nat = natural(rank);
      double expected = oracle(nat, rank, data);
      double actual = ll.value(ll.layout().unconstrained(nat));
      assertEquals(expected, actual, LOGLIK_RELATIVE * Math.abs(expected), "rank " + rank);
    }
  }

  /**
   * statsmodels' exact diffuse ℓ of the same model written as a custom MLEModel ({@code
   * statsmodels_sutse.py}, values in {@code statsmodels_sutse.csv}, repr of doubles).
   */
  @Test
  void logLikelihoodMatchesStatsmodels() throws IOException {
    Map<String, Double> reference = ReferenceChecks.statsmodelsSutse();
    ModelData data = logFrontRear();
    for (int rank = 1; rank <= 2; rank++) {
      LogLikelihood ll =
          new LogLikelihood(new Sutse(SERIES, rank), data, Map.of(), TriaRule.MASKED);
      double expected = reference.get("rank" + rank);
      double actual = ll.value(ll.layout().unconstrained(natural(rank)));
      assertEquals(expected, actual, STATSMODELS_RELATIVE * Math.abs(expected), "rank " + rank);
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesAtFullAndCommonLevel() {
    ModelData data = logFrontRear();
    for (int rank = 1; rank <= 2; rank++) {
      LogLikelihood ll =
          new LogLikelihood(new Sutse(SERIES, rank), data, Map.of(), TriaRule.MASKED);
      ReferenceChecks.assertGradientMatchesCentralDifferences(
          ll, ll.layout().unconstrained(natural(rank)), STEP, GRADIENT_TOLERANCE, "rank " + rank);
    }
  }

  @Test
  void fitsFullAndCommonLevel() {
    ModelData data = logFrontRear();
    FitResult full = MaximumLikelihood.fit(Sutse.localLevel(SERIES), data, FitOptions.defaults());
    FitResult common = MaximumLikelihood.fit(new Sutse(SERIES, 1), data, FitOptions.defaults());
    for (FitResult fit : List.of(full, common)) {
      assertTrue(fit.converged(), fit.optimizerMessage());
      int rank = fit.parameterNames().size() == 6 ? 2 : 1;
      assertEquals(
          oracle(fit.estimates(), rank, data),
          fit.logLikelihood(),
          LOGLIK_RELATIVE * Math.abs(fit.logLikelihood()));
      for (double se : fit.standardErrors()) {
        assertTrue(se > 0 && Double.isFinite(se), "standard errors " + fit.parameters());
      }
      assertEquals(2, fit.diffuseStates());
    }
    // The common level is the full model with the level's last diagonal entry at 0 (its limit).
    assertTrue(common.logLikelihood() <= full.logLikelihood() + FIT_GRADIENT);
  }

  /**
   * Series observed exactly: rear alone (full and common level) and both (full level) against
   * statsmodels' ℓ of the same singular-irregular models (its conventional and univariate filters
   * agree there), and the gradient against central differences with rear exact.
   */
  @Test
  void exactSeriesMatchStatsmodelsAndDifferentiate() throws IOException {
    Map<String, Double> reference = ReferenceChecks.statsmodelsSutse();
    ModelData data = logFrontRear();
    Object[][] cases = {
      {"rear_exact", 2, List.of("rear"), new double[] {0.09, 0.02, 0.015, 0.012}},
      {"rear_exact_rank1", 1, List.of("rear"), new double[] {0.09, 0.02, 0.015}},
      {"both_exact", 2, SERIES, new double[] {0.02, 0.015, 0.012}},
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Sutse model = new Sutse(SERIES, (Integer) c[1], (List<String>) c[2]);
      LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
      double[] natural = (double[]) c[3];
      assertEquals(
          natural.length, model.parameterNames().size(), model.parameterNames().toString());
      double expected = reference.get((String) c[0]);
      double actual = ll.value(ll.layout().unconstrained(natural));
      assertEquals(expected, actual, STATSMODELS_RELATIVE * Math.abs(expected), (String) c[0]);
    }
    Sutse rearExact = new Sutse(SERIES, 2, List.of("rear"));
    assertEquals(
        List.of(
            "sqrt.cov.irregular.front.front",
            "sqrt.cov.level.front.front",
            "sqrt.cov.level.rear.front",
            "sqrt.cov.level.rear.rear"),
        rearExact.parameterNames());
    LogLikelihood ll = new LogLikelihood(rearExact, data, Map.of(), TriaRule.MASKED);
    ReferenceChecks.assertGradientMatchesCentralDifferences(
        ll,
        ll.layout().unconstrained(new double[] {0.09, 0.02, 0.015, 0.012}),
        STEP,
        GRADIENT_TOLERANCE,
        "rear exact");
  }

  /**
   * No irregular and one common level: the series' changes would have to be proportional, which the
   * data are not, so the innovation covariance is singular with a nonzero innovation in its null
   * space; statsmodels returns −4.7e17 (conventional filter) or −4442.3 (univariate), Gramian an
   * error that says so.
   */
  @Test
  void aDegenerateExactModelIsAnErrorNotANumber() {
    Sutse model = new Sutse(SERIES, 1, SERIES);
    LogLikelihood ll = new LogLikelihood(model, logFrontRear(), Map.of(), TriaRule.MASKED);
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> ll.value(ll.layout().unconstrained(new double[] {0.02, 0.015})));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), e.toString());
  }
}
