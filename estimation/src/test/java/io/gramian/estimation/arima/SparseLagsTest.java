package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.*;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sparse ARIMA lags, ARIMA(1, 1, (1, 4)) on ln wpi1 with a mean (Stata arima manual, example 2;
 * statsmodels' {@code TestAdditiveSeasonal}, whose Stata results {@code wpi1_seasonal} in {@code
 * results_sarimax.py} these are): ℓ at Stata's estimates, the fit's maximum and its OPG standard
 * errors. Stata differences the series first (simple differencing); with no value missing our exact
 * diffuse ℓ is that likelihood less ½ log 2π (one differencing state, models.md §2.3), at every
 * parameter value.
 */
class SparseLagsTest {

  private static final Path WPI1 =
      Path.of("src", "test", "resources", "io", "gramian", "estimation", "peers", "wpi1.csv");

  /** Stata's estimates (7 significant digits) and ℓ (5 decimals). */
  private static final double STATA_AR1 = 0.7806991;

  private static final double STATA_MA1 = -0.3990039;
  private static final double STATA_MA4 = 0.3090813;
  private static final double STATA_SIGMA = 0.0104394;
  private static final double STATA_MEAN = 0.0110493;
  private static final double STATA_LOGLIK = 386.03357;

  /** Stata's OPG standard errors of ar.L1, ma.L1, ma.L4, mean. */
  private static final double[] STATA_OPG = {0.0944946, 0.1258753, 0.1200945, 0.0048349};

  /** statsmodels 0.13.5's ℓ (simple differencing) at Stata's estimates (the peers' CSV). */
  private static final double STATSMODELS_LOGLIK_AT_STATA = 386.0335793246;

  /** ℓ at given parameters: two filters on the same model, to rounding. */
  private static final double LOGLIK_TOLERANCE = 1e-9;

  /**
   * Estimates against Stata's, absolute: statsmodels' own test of this case asks 1e-3. Stata stops
   * 4.6e-6 below our maximum, which leaves it 1e-4 away in the MA coefficients.
   */
  private static final double ESTIMATE_TOLERANCE = 1e-3;

  /** How far below our maximum Stata may stop (it prints ℓ to 5 decimals). */
  private static final double STATA_SHORTFALL = 1e-4;

  /** OPG standard errors, relative: computed at two estimates 1e-4 apart. */
  private static final double STANDARD_ERROR_TOLERANCE = 1e-2;

  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  static Sarimax model() {
    return Sarimax.of(SarimaxOrder.of(1, 1, 0).withMaLags(1, 4)).withMean(true);
  }

  static ModelData data() {
    double[] wpi = CsvTimeSeriesReader.read(WPI1).column("wpi").values();
    double[] y = new double[wpi.length];
    for (int t = 0; t < y.length; t++) {
      y[t] = Math.log(wpi[t]);
    }
    return ModelData.of(y);
  }

  @Test
  void theSparseModelHasStatsmodelsNames() {
    assertEquals(List.of("ar.L1", "ma.L1", "ma.L4", "sigma2", "mean"), model().parameterNames());
    assertEquals("(1, 1, [1, 4])x(0, 0, 0, 0)", model().order().toString());
  }

  @Test
  void logLikelihoodAtStatasEstimates() {
    LogLikelihood ll = new LogLikelihood(model(), data(), Map.of(), TriaRule.MASKED);
    double value = ll.filter(stata()).logLikelihood();
    assertEquals(
        STATSMODELS_LOGLIK_AT_STATA - HALF_LOG_2PI, value, LOGLIK_TOLERANCE * Math.abs(value));
  }

  @Test
  void fitReachesStatasMaximum() {
    FitResult fit = MaximumLikelihood.fit(model(), data(), FitOptions.defaults());
    assertTrue(fit.converged(), fit.optimizerMessage());
    double[] stata = stata();
    double[] estimates = fit.estimates();
    for (int i = 0; i < stata.length; i++) {
      assertEquals(stata[i], estimates[i], ESTIMATE_TOLERANCE, fit.parameterNames().get(i));
    }
    double maximum = fit.logLikelihood() + HALF_LOG_2PI;
    assertTrue(maximum >= STATSMODELS_LOGLIK_AT_STATA, "below ℓ at Stata's estimates: " + maximum);
    assertEquals(STATA_LOGLIK, maximum, STATA_SHORTFALL);
    int[] rows = {0, 1, 2, 4};
    for (int i = 0; i < rows.length; i++) {
      assertEquals(
          STATA_OPG[i],
          fit.standardErrors()[rows[i]],
          STANDARD_ERROR_TOLERANCE * STATA_OPG[i],
          fit.parameterNames().get(rows[i]));
    }
  }

  @Test
  void sparseEqualsDenseWithZerosAtTheMissingLags() {
    ModelData data = data();
    Sarimax dense = Sarimax.of(SarimaxOrder.of(1, 1, 4)).withMean(true);
    double[] s = stata();
    double sparse =
        new LogLikelihood(model(), data, Map.of(), TriaRule.MASKED).filter(s).logLikelihood();
    double full =
        new LogLikelihood(dense, data, Map.of(), TriaRule.MASKED)
            .filter(new double[] {s[0], s[1], 0, 0, s[2], s[3], s[4]})
            .logLikelihood();
    assertEquals(full, sparse, LOGLIK_TOLERANCE * Math.abs(full));
  }

  @Test
  void ordersCheckTheirLags() {
    assertEquals(SarimaxOrder.of(2, 0, 0), SarimaxOrder.of(0, 0, 0).withArLags(1, 2));
    assertTrue(SarimaxOrder.of(0, 0, 0).withArLags(2).sparseAr());
    assertEquals(4, SarimaxOrder.of(0, 0, 0).withMaLags(1, 4).q());
    assertEquals(5, SarimaxOrder.of(0, 0, 0).withMaLags(1, 4).armaStates());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SarimaxOrder.of(0, 0, 0).withMaLags(4, 1));
    assertTrue(e.getMessage().contains("increasing"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SarimaxOrder(3, 0, 0, 0, 0, 0, 0, List.of(1, 2), List.of()));
    assertTrue(e.getMessage().contains("order is 3"), e.getMessage());
  }

  @Test
  void aNonStationarySparseArIsRefusedAndAnyMaIsEvaluated() {
    Sarimax ar = Sarimax.of(SarimaxOrder.of(0, 0, 0).withArLags(1, 4));
    LogLikelihood ll = new LogLikelihood(ar, data(), Map.of(), TriaRule.MASKED);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ll.layout().requireLikelihoodExists(new double[] {0.5, 0.6, 1e-4}));
    assertTrue(
        e.getMessage().contains("ar.L1, ar.L4") && e.getMessage().contains("stationary"),
        e.getMessage());
    LogLikelihood ma = new LogLikelihood(model(), data(), Map.of(), TriaRule.MASKED);
    double[] noninvertible = {0.78, -0.4, 1.3, 1e-4, 0.011};
    ma.layout().requireLikelihoodExists(noninvertible);
    assertTrue(Double.isFinite(ma.filter(noninvertible).logLikelihood()));
  }

  private static double[] stata() {
    return new double[] {STATA_AR1, STATA_MA1, STATA_MA4, STATA_SIGMA * STATA_SIGMA, STATA_MEAN};
  }
}
