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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VectorAutoregression} against statsmodels' {@code VARMAX(order=(p, q))} on six cases (four
 * VARs, a VARMA(1, 1) and a VMA(1); statsmodels_var.py beside the reference file, with its
 * provenance): the parameter names in statsmodels' order, ℓ at statsmodels' estimates and at its
 * OLS start values, the fit reaching statsmodels' maximum or higher, and the exact gradient against
 * central differences.
 */
class VectorAutoregressionTest {

  /**
   * ℓ at the same parameters: both sides compute the same stationary Gaussian likelihood, the
   * stationary start by different algorithms (statsmodels' Lyapunov solver and linear solve,
   * Gramian's doubling), to rounding; 1e-8 relative is issue 13's bar.
   */
  private static final double SAME_LIKELIHOOD = 1e-8;

  /** statsmodels' Nelder-Mead polish stops within about 1e-7 of its maximum. */
  private static final double SAME_MAXIMUM = 1e-6;

  /**
   * Central differences with step 1e-7. The likelihood is strongly curved near a unit root (the
   * trend-free VAR of inflation and unemployment has a root close to 1): there a step of 1e-5
   * leaves a truncation error of 4e-3 and 1e-6 one of 4e-5, while 1e-7 leaves about 1e-6, and
   * rounding adds ε |ℓ| / h ≈ 1e-6 (measured; the analytic gradient is the limit the differences
   * approach).
   */
  private static final double GRADIENT_TOLERANCE = 1e-5;

  private static final double STEP = 1e-7;

  private static final String REFERENCE = "varmax/statsmodels_var.csv";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "macro_var1_c",
        "macro_var2_c",
        "macro_var1_n",
        "belts_var2_c",
        "macro_varma11_c",
        "belts_vma1_c",
        "macro_var1_ct",
        "belts_var1_ct",
        "macro_var1_t",
        "belts_var1_c_law",
        "belts_var1_ct_law_petrol",
        "macro_var1_c_diag",
        "macro_var1_c_meas"
      })
  void logLikelihoodEqualsStatsmodelsAtItsEstimatesAndStart(String name) throws IOException {
    Case c = Case.named(name);
    LogLikelihood ll = new LogLikelihood(c.model, c.data, Map.of(), TriaRule.MASKED);
    for (String point : List.of("estimate", "start")) {
      Map<String, Double> ref = reference(name, point);
      double expected = ref.remove("loglikelihood");
      assertEquals(List.copyOf(ref.keySet()), c.model.parameterNames(), "statsmodels' names");
      double[] natural = ref.values().stream().mapToDouble(Double::doubleValue).toArray();
      double actual = ll.value(ll.layout().unconstrained(natural));
      assertEquals(expected, actual, SAME_LIKELIHOOD * Math.abs(expected), name + " " + point);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "macro_var1_c",
        "macro_var2_c",
        "macro_var1_n",
        "belts_var2_c",
        "macro_varma11_c",
        "belts_vma1_c",
        "macro_var1_ct",
        "belts_var1_ct",
        "macro_var1_t",
        "belts_var1_c_law",
        "belts_var1_ct_law_petrol",
        "macro_var1_c_diag",
        "macro_var1_c_meas"
      })
  void fitReachesStatsmodelsMaximum(String name) throws IOException {
    Case c = Case.named(name);
    FitResult fit = MaximumLikelihood.fit(c.model, c.data, FitOptions.defaults());
    double statsmodels = reference(name, "estimate").get("loglikelihood");
    assertTrue(fit.converged(), fit.optimizerMessage());
    assertTrue(
        fit.logLikelihood() >= statsmodels - SAME_MAXIMUM,
        name + ": " + fit.logLikelihood() + " against statsmodels' " + statsmodels);
  }

  /**
   * Start values with a diagonal covariance or measurement error, as statsmodels starts them from
   * its unstructured start: the coefficients the same, each innovation variance the squared row
   * norm of the unstructured start's factor L (the residual variance), and the measurement
   * variances equal to those. Exact arithmetic on the same numbers, up to one rounding per sum.
   */
  private static final double SAME_START = 1e-14;

  @org.junit.jupiter.api.Test
  void diagonalAndMeasurementErrorStartFromTheResidualVariances() {
    double[] full =
        Case.named("macro_var1_c").model.startParameters(Case.named("macro_var1_c").data);
    double[] diagonal =
        Case.named("macro_var1_c_diag").model.startParameters(Case.named("macro_var1_c_diag").data);
    double[] measured =
        Case.named("macro_var1_c_meas").model.startParameters(Case.named("macro_var1_c_meas").data);
    // intercept.infl, intercept.unemp, four coefficients; then L = [[l11, 0], [l21, l22]]
    double[] variances = {full[6] * full[6], full[7] * full[7] + full[8] * full[8]};
    assertEquals(8, diagonal.length);
    assertEquals(11, measured.length);
    for (int i = 0; i < 6; i++) {
      assertEquals(full[i], diagonal[i], 0.0);
      assertEquals(full[i], measured[i], 0.0);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(full[6 + i], measured[6 + i], 0.0); // L unchanged with measurement error
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(variances[i], diagonal[6 + i], SAME_START * variances[i]);
      assertEquals(variances[i], measured[9 + i], SAME_START * variances[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "macro_var2_c",
        "belts_var2_c",
        "macro_var1_n",
        "macro_varma11_c",
        "macro_var1_ct",
        "belts_var1_ct_law_petrol",
        "macro_var1_c_diag",
        "macro_var1_c_meas"
      })
  void gradientMatchesCentralDifferences(String name) throws IOException {
    Case c = Case.named(name);
    LogLikelihood ll = new LogLikelihood(c.model, c.data, Map.of(), TriaRule.MASKED);
    Map<String, Double> ref = reference(name, "estimate");
    ref.remove("loglikelihood");
    double[] theta =
        ll.layout().unconstrained(ref.values().stream().mapToDouble(Double::doubleValue).toArray());
    ReferenceChecks.assertGradientMatchesCentralDifferences(
        ll, theta, STEP, GRADIENT_TOLERANCE, name);
  }

  @org.junit.jupiter.api.Test
  void aNonStationaryPointIsRefusedAndEveryParameterIsStationary() throws IOException {
    Case c = Case.named("macro_var1_c");
    LogLikelihood ll = new LogLikelihood(c.model, c.data, Map.of(), TriaRule.MASKED);
    Map<String, Double> ref = reference("macro_var1_c", "estimate");
    ref.remove("loglikelihood");
    ref.put("L1.infl.infl", 1.2);
    double[] natural = ref.values().stream().mapToDouble(Double::doubleValue).toArray();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ll.layout().unconstrained(natural));
    assertTrue(e.getMessage().contains("L1.infl.infl"), e.getMessage());
    assertTrue(e.getMessage().contains("not stationary"), e.getMessage());
    // The transform maps every θ, however far out, to a stationary VAR: ℓ exists there.
    double[] far = new double[ll.layout().freeCount()];
    java.util.Arrays.fill(far, 30.0);
    assertTrue(Double.isFinite(ll.value(far)));
  }

  /** A reference case: the model and its data. */
  private record Case(VectorAutoregression model, ModelData data) {

    static Case named(String name) {
      return switch (name) {
        case "macro_var1_c" -> macro(List.of("infl", "unemp"), 1, "c");
        case "macro_var2_c" -> macro(List.of("infl", "unemp", "realint"), 2, "c");
        case "macro_var1_n" -> macro(List.of("infl", "unemp"), 1, "n");
        case "belts_var2_c" -> belts();
        case "macro_varma11_c" ->
            macro(List.of("infl", "realint"), 1, 1, VectorAutoregression.Trend.CONSTANT);
        case "belts_vma1_c" -> beltsChanges();
        case "macro_var1_ct" -> macro(List.of("infl", "unemp"), 1, "ct");
        case "macro_var1_t" -> macro(List.of("infl", "unemp"), 1, "t");
        case "belts_var1_ct" -> beltsWith("ct", List.of());
        case "belts_var1_c_law" -> beltsWith("c", List.of("law"));
        case "belts_var1_ct_law_petrol" -> beltsWith("ct", List.of("law", "log(PetrolPrice)"));
        case "macro_var1_c_diag" ->
            macro(List.of("infl", "unemp"), DynamicFactor.ErrorCovariance.DIAGONAL, false);
        case "macro_var1_c_meas" ->
            macro(List.of("infl", "unemp"), DynamicFactor.ErrorCovariance.UNSTRUCTURED, true);
        default -> throw new IllegalArgumentException(name);
      };
    }

    /** VAR(1) with intercepts, statsmodels' error_cov_type and measurement_error. */
    private static Case macro(
        List<String> columns, DynamicFactor.ErrorCovariance covariance, boolean measurementError) {
      TimeSeriesFrame frame = Datasets.usMacroQuarterly();
      double[] y = frame.rowMajor(columns);
      return new Case(
          new VectorAutoregression(
              columns,
              1,
              0,
              VectorAutoregression.Trend.CONSTANT,
              List.of(),
              covariance,
              measurementError),
          new ModelData(new DMatrixRMaj(frame.length(), columns.size(), true, y), null, null));
    }

    private static Case macro(List<String> columns, int order, String trend) {
      return macro(columns, order, 0, VectorAutoregression.Trend.parse(trend));
    }

    private static Case macro(
        List<String> columns, int order, int movingAverage, VectorAutoregression.Trend trend) {
      TimeSeriesFrame frame = Datasets.usMacroQuarterly();
      double[] y = frame.rowMajor(columns);
      return new Case(
          new VectorAutoregression(columns, order, movingAverage, trend),
          new ModelData(new DMatrixRMaj(frame.length(), columns.size(), true, y), null, null));
    }

    /** VMA(1) of the monthly changes of log front- and rear-seat casualties. */
    private static Case beltsChanges() {
      TimeSeriesFrame frame = Datasets.seatbelts();
      double[] y = frame.rowMajor(List.of("front", "rear"));
      int n = frame.length() - 1;
      double[] changes = new double[2 * n];
      for (int t = 0; t < n; t++) {
        for (int j = 0; j < 2; j++) {
          changes[2 * t + j] = Math.log(y[2 * (t + 1) + j]) - Math.log(y[2 * t + j]);
        }
      }
      return new Case(
          new VectorAutoregression(
              List.of("dlog(front)", "dlog(rear)"), 0, 1, VectorAutoregression.Trend.CONSTANT),
          new ModelData(new DMatrixRMaj(n, 2, true, changes), null, null));
    }

    /** VAR(1) of log front- and rear-seat casualties with a trend and the named regressors. */
    private static Case beltsWith(String trend, List<String> regressors) {
      TimeSeriesFrame frame = Datasets.seatbelts();
      int n = frame.length();
      double[] y = frame.rowMajor(List.of("front", "rear"));
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.log(y[i]);
      }
      DMatrixRMaj x = null;
      if (!regressors.isEmpty()) {
        double[] law = frame.rowMajor(List.of("law"));
        double[] petrol = frame.rowMajor(List.of("PetrolPrice"));
        x = new DMatrixRMaj(n, regressors.size());
        for (int t = 0; t < n; t++) {
          x.set(t, 0, law[t]);
          if (regressors.size() > 1) {
            x.set(t, 1, Math.log(petrol[t]));
          }
        }
      }
      List<String> columns = List.of("log(front)", "log(rear)");
      return new Case(
          new VectorAutoregression(
              columns, 1, 0, VectorAutoregression.Trend.parse(trend), regressors),
          new ModelData(
              new DMatrixRMaj(n, 2, true, y), x, regressors.isEmpty() ? null : regressors));
    }

    private static Case belts() {
      TimeSeriesFrame frame = Datasets.seatbelts();
      double[] y = frame.rowMajor(List.of("front", "rear"));
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.log(y[i]);
      }
      return new Case(
          new VectorAutoregression(
              List.of("log(front)", "log(rear)"), 2, VectorAutoregression.Trend.CONSTANT),
          new ModelData(new DMatrixRMaj(frame.length(), 2, true, y), null, null));
    }
  }

  /** name → value of one case and point, in the file's order, with "loglikelihood". */
  private static Map<String, Double> reference(String name, String point) throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    try (InputStream in = VectorAutoregressionTest.class.getResourceAsStream(REFERENCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      List<String> lines = new ArrayList<>(reader.lines().toList());
      for (String line : lines) {
        String[] f = line.split(",");
        if (f[0].equals(name) && f[1].equals(point)) {
          values.put(f[2], Double.parseDouble(f[3]));
        }
      }
    }
    assertTrue(values.size() > 1, "no reference rows for " + name + " " + point);
    return values;
  }
}
