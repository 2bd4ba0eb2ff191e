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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The dynamic factor model against statsmodels' {@code DynamicFactor} ({@code statsmodels_dfm.py},
 * values in {@code statsmodels_dfm.csv}, repr of doubles) on standardised growth rates of the US
 * macro data and of the UK seatbelts data: ℓ at statsmodels' estimates, gradients against finite
 * differences there, and fits reaching statsmodels' maximum.
 */
class DynamicFactorReferenceTest {

  private static final List<String> MACRO = List.of("realgdp", "realcons", "realinv", "cpi");
  private static final List<String> SEATBELTS =
      List.of("DriversKilled", "front", "rear", "VanKilled");

  /**
   * statsmodels' filter (covariance form, stationary start by a Lyapunov solve) and ours round
   * differently, about 1e-13 relative on 200 steps of a 4-series system; the bar is 1e-8.
   */
  private static final double STATSMODELS_RELATIVE = 1e-8;

  /** Central differences at h = 1e-5 (θ of order 1): O(h²) truncation plus rounding, ~1e-7. */
  private static final double GRADIENT_TOLERANCE = 1e-5;

  private static final double STEP = 1e-5;

  /**
   * BFGS stops on a gradient of 1e-3 or less; ℓ then sits within about this of the maximum, so a
   * fit may fall short of statsmodels' ℓ by at most this much.
   */
  private static final double FIT_SHORTFALL = 1e-3;

  private record Case(
      String name,
      ModelData data,
      List<String> series,
      int factors,
      int order,
      int errorOrder,
      DynamicFactor.ErrorCovariance covariance) {

    Case(String name, ModelData data, List<String> series, int factors, int order) {
      this(name, data, series, factors, order, 0, DynamicFactor.ErrorCovariance.DIAGONAL);
    }

    DynamicFactor model() {
      List<String> exog = data.exogNames() == null ? List.of() : data.exogNames();
      return new DynamicFactor(series, factors, order, errorOrder, covariance, exog);
    }
  }

  private static final List<Case> CASES =
      List.of(
          new Case("macro_k1_r1", growth(Datasets.usMacroQuarterly(), MACRO), MACRO, 1, 1),
          new Case("macro_k2_r2", growth(Datasets.usMacroQuarterly(), MACRO), MACRO, 2, 2),
          new Case("macro_k1_r2", growth(Datasets.usMacroQuarterly(), MACRO), MACRO, 1, 2),
          new Case("macro_k2_r1", growth(Datasets.usMacroQuarterly(), MACRO), MACRO, 2, 1),
          new Case("seatbelts_k1_r1", growth(Datasets.seatbelts(), SEATBELTS), SEATBELTS, 1, 1),
          new Case("seatbelts_k1_r2", growth(Datasets.seatbelts(), SEATBELTS), SEATBELTS, 1, 2));

  /** AR errors, the three covariance types, a regressor (statsmodels_dfm.py's later cases). */
  private static final List<Case> MORE_CASES =
      List.of(
          new Case(
              "macro_k1_r1_e1",
              growth(Datasets.usMacroQuarterly(), MACRO),
              MACRO,
              1,
              1,
              1,
              DynamicFactor.ErrorCovariance.DIAGONAL),
          new Case(
              "seatbelts_k1_r1_e2",
              growth(Datasets.seatbelts(), SEATBELTS),
              SEATBELTS,
              1,
              1,
              2,
              DynamicFactor.ErrorCovariance.DIAGONAL),
          new Case(
              "macro_k1_r1_unstructured",
              growth(Datasets.usMacroQuarterly(), MACRO),
              MACRO,
              1,
              1,
              0,
              DynamicFactor.ErrorCovariance.UNSTRUCTURED),
          new Case(
              "macro_k1_r1_e1_unstructured",
              growth(Datasets.usMacroQuarterly(), MACRO),
              MACRO,
              1,
              1,
              1,
              DynamicFactor.ErrorCovariance.UNSTRUCTURED),
          new Case(
              "seatbelts_k1_r1_scalar",
              growth(Datasets.seatbelts(), SEATBELTS),
              SEATBELTS,
              1,
              1,
              0,
              DynamicFactor.ErrorCovariance.SCALAR),
          new Case(
              "seatbelts_k1_r1_law",
              withLaw(growth(Datasets.seatbelts(), SEATBELTS)),
              SEATBELTS,
              1,
              1));

  /** The growth rates with the seat-belt law of the same months (rows 2 onwards) as regressor. */
  static ModelData withLaw(ModelData growth) {
    double[] law = Datasets.seatbelts().rowMajor(List.of("law"));
    int n = growth.y().numRows;
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    for (int t = 0; t < n; t++) {
      x.set(t, 0, law[t + 1]);
    }
    return new ModelData(growth.y(), x, List.of("law"));
  }

  /**
   * 100 Δ log of each column, standardised (mean 0, sample standard deviation 1), as the script.
   */
  static ModelData growth(TimeSeriesFrame frame, List<String> columns) {
    int p = columns.size();
    double[] levels = frame.rowMajor(columns);
    int n = frame.length() - 1;
    double[] y = new double[n * p];
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (int t = 0; t < n; t++) {
        y[t * p + j] = 100 * (Math.log(levels[(t + 1) * p + j]) - Math.log(levels[t * p + j]));
        mean += y[t * p + j] / n;
      }
      double ss = 0;
      for (int t = 0; t < n; t++) {
        ss += (y[t * p + j] - mean) * (y[t * p + j] - mean);
      }
      double sd = Math.sqrt(ss / (n - 1));
      for (int t = 0; t < n; t++) {
        y[t * p + j] = (y[t * p + j] - mean) / sd;
      }
    }
    return new ModelData(new DMatrixRMaj(n, p, true, y), null, null);
  }

  private static Map<String, Map<String, Double>> reference() {
    Map<String, Map<String, Double>> reference = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                DynamicFactorReferenceTest.class.getResourceAsStream("statsmodels_dfm.csv"),
                StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        // case,name,value; a name may hold a comma (cov.chol[2,1])
        int first = line.indexOf(',');
        int last = line.lastIndexOf(',');
        reference
            .computeIfAbsent(line.substring(0, first), c -> new HashMap<>())
            .put(line.substring(first + 1, last), Double.parseDouble(line.substring(last + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reference;
  }

  private static double[] estimates(Case c, Map<String, Double> values) {
    List<String> names = c.model().parameterNames();
    double[] natural = new double[names.size()];
    for (int i = 0; i < natural.length; i++) {
      natural[i] = values.get(names.get(i));
    }
    return natural;
  }

  @Test
  void parameterNamesAreStatsmodels() {
    assertEquals(
        List.of(
            "loading.f1.a",
            "loading.f2.a",
            "loading.f1.b",
            "loading.f2.b",
            "sigma2.a",
            "sigma2.b",
            "L1.f1.f1",
            "L1.f2.f1",
            "L2.f1.f1",
            "L2.f2.f1",
            "L1.f1.f2",
            "L1.f2.f2",
            "L2.f1.f2",
            "L2.f2.f2"),
        new DynamicFactor(List.of("a", "b"), 2, 2).parameterNames());
    assertThrows(IllegalArgumentException.class, () -> new DynamicFactor(List.of("a"), 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new DynamicFactor(List.of("a"), 1, 0));
  }

  @Test
  void logLikelihoodAtStatsmodelsEstimatesMatches() {
    Map<String, Map<String, Double>> reference = reference();
    for (Case c : CASES) {
      Map<String, Double> values = reference.get(c.name());
      LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      double expected = values.get("llf");
      double actual = ll.value(ll.layout().unconstrained(estimates(c, values)));
      assertEquals(expected, actual, STATSMODELS_RELATIVE * Math.abs(expected), c.name());
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Map<String, Map<String, Double>> reference = reference();
    for (Case c : List.of(CASES.get(1), CASES.get(5))) {
      LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      // Away from the maximum, where the gradient is not zero: loadings and coefficients scaled.
      double[] natural = estimates(c, reference.get(c.name()));
      for (int i = 0; i < natural.length; i++) {
        natural[i] *= c.model().isVariance(i) ? 1.3 : 0.8;
      }
      double[] theta = ll.layout().unconstrained(natural);
      ReferenceChecks.assertGradientMatchesCentralDifferences(
          ll, theta, STEP, GRADIENT_TOLERANCE, c.name());
    }
  }

  @Test
  void moreCasesMatchStatsmodelsAtItsEstimatesWithExactGradients() {
    Map<String, Map<String, Double>> reference = reference();
    for (Case c : MORE_CASES) {
      Map<String, Double> values = reference.get(c.name());
      assertEquals(values.size() - 1, c.model().parameterNames().size(), c.name());
      LogLikelihood ll = new LogLikelihood(c.model(), c.data(), Map.of(), TriaRule.MASKED);
      double expected = values.get("llf");
      double[] natural = estimates(c, values);
      double actual = ll.value(ll.layout().unconstrained(natural));
      assertEquals(expected, actual, STATSMODELS_RELATIVE * Math.abs(expected), c.name());
      // the gradient away from the maximum
      for (int i = 0; i < natural.length; i++) {
        natural[i] *= c.model().isVariance(i) ? 1.3 : 0.8;
      }
      double[] theta = ll.layout().unconstrained(natural);
      ReferenceChecks.assertGradientMatchesCentralDifferences(
          ll, theta, STEP, GRADIENT_TOLERANCE, c.name());
    }
  }

  @Test
  void moreCasesFitToStatsmodelsMaximum() {
    Map<String, Map<String, Double>> reference = reference();
    for (Case c : MORE_CASES) {
      FitResult fit = MaximumLikelihood.fit(c.model(), c.data(), FitOptions.defaults());
      assertTrue(fit.converged(), c.name() + ": " + fit.optimizerMessage());
      double statsmodels = reference.get(c.name()).get("llf");
      assertTrue(
          fit.logLikelihood() >= statsmodels - FIT_SHORTFALL,
          c.name() + ": " + fit.logLikelihood() + " < statsmodels' " + statsmodels);
    }
  }

  @Test
  void fitsReachStatsmodelsMaximum() {
    Map<String, Map<String, Double>> reference = reference();
    for (Case c : List.of(CASES.get(0), CASES.get(1), CASES.get(4))) {
      FitResult fit = MaximumLikelihood.fit(c.model(), c.data(), FitOptions.defaults());
      assertTrue(fit.converged(), c.name() + ": " + fit.optimizerMessage());
      double statsmodels = reference.get(c.name()).get("llf");
      assertTrue(
          fit.logLikelihood() >= statsmodels - FIT_SHORTFALL,
          c.name() + ": " + fit.logLikelihood() + " < statsmodels' " + statsmodels);
    }
  }
}
