package io.gramian.estimation.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our convention for d + D > 0, the exact diffuse likelihood, against statsmodels 0.13.5 with
 * {@code use_exact_diffuse=True} ({@code sarimax_exact_diffuse.csv}, made by the script beside it):
 * d = 1, 2; D = 1, 2; seasonal AR and MA; missing values among the first d + sD observations
 * (presidents); the mean of the differenced series (a drift); regressors; and the same with simple
 * differencing.
 */
class SarimaxExactDiffuseReferenceTest {

  /** statsmodels' values are printed to 10 decimals; the filters agree to about 1e-13. */
  private static final double RELATIVE_TOLERANCE = 1e-8;

  /** Rounding of two filters over 144 steps: agreement measured to 1e-12 and better. */
  private static final double IDENTITY_TOLERANCE = 1e-9;

  record Row(String id, Sarimax model, ModelData data, double[] parameters, double loglik) {
    @Override
    public String toString() {
      return id;
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (CSVRecord r : ArimaCases.read("sarimax_exact_diffuse.csv")) {
      int[] o = ints(r.get("order"));
      int[] so = ints(r.get("seasonal_order"));
      List<String> names = List.of(r.get("param_names").split(";"));
      List<String> regressors = new ArrayList<>();
      for (String n : names) {
        if (n.startsWith("beta.")) {
          regressors.add(n.substring(5));
        }
      }
      Sarimax model =
          Sarimax.of(SarimaxOrder.of(o[0], o[1], o[2], so[0], so[1], so[2], so[3]))
              .withMean(names.contains("mean"))
              .withRegressors(regressors)
              .withIntegration(
                  Boolean.parseBoolean(r.get("simple_differencing"))
                      ? Integration.SIMPLE_DIFFERENCING
                      : Integration.DIFFUSE_STATES);
      if (!model.parameterNames().equals(names)) {
        throw new IllegalStateException(
            r.get("case") + ": " + names + " vs " + model.parameterNames());
      }
      String[] values = r.get("params").split(";");
      double[] p = new double[values.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = Double.parseDouble(values[i]);
      }
      ModelData data = ArimaSeries.byName(r.get("data"), r.get("transform"));
      if (regressors.isEmpty()) {
        data = ModelData.of(data.y().data);
      }
      rows.add(new Row(r.get("case"), model, data, p, Double.parseDouble(r.get("loglik"))));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesStatsmodels(Row row) {
    assertEquals(
        row.loglik(),
        logLikelihood(row.model(), row.data(), row.parameters()),
        RELATIVE_TOLERANCE * Math.abs(row.loglik()),
        row.id());
  }

  /**
   * With no observation missing, exact diffuse = differenced less (k/2) log 2π: the diffuse states
   * map to the first k observations by a unimodular integer matrix (see {@link
   * DifferencingStates}).
   */
  @Test
  void exactDiffuseIsTheDifferencedLikelihoodLessTheDiffuseConstants() {
    for (Row row : rows()) {
      int k = row.model().order().differencingStates();
      if (row.model().integration() != Integration.DIFFUSE_STATES
          || row.data().observedCount() < row.data().length()) {
        continue;
      }
      double diffuse = logLikelihood(row.model(), row.data(), row.parameters());
      double differenced =
          logLikelihood(
              row.model().withIntegration(Integration.SIMPLE_DIFFERENCING),
              row.data(),
              row.parameters());
      assertEquals(
          differenced - 0.5 * k * Math.log(2 * Math.PI),
          diffuse,
          IDENTITY_TOLERANCE * Math.abs(diffuse),
          row.id());
    }
  }

  private static double logLikelihood(Sarimax model, ModelData data, double[] natural) {
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    return ll.value(ll.layout().unconstrained(natural));
  }

  private static int[] ints(String spaced) {
    String[] parts = spaced.trim().split(" ");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }
}
