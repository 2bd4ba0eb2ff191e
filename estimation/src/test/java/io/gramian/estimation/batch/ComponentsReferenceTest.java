package io.gramian.estimation.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.CsvTimeSeriesReader;
import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeriesFrame;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The structural models as the command line names them ({@link ModelSpec}: every trend
 * specification, several seasonals with harmonics, cycles, AR components, time-varying regression
 * coefficients) against statsmodels 0.13.5 ({@code statsmodels_components.csv}, written by {@code
 * statsmodels_components.py} beside it): parameter names, ℓ and its gradient at given parameters,
 * and maximum likelihood fits that must reach statsmodels' maximum.
 */
class ComponentsReferenceTest {

  /**
   * ℓ, relative: the reference prints 17 significant digits and both filters are exact (measured
   * 1.1e-14) except in the two daily cases, whose reference is the Richardson limit of statsmodels'
   * approximate diffuse filter, left O(1/κ²) from the exact value (measured 4.7e-10).
   */
  private static final double LOGLIK_RELATIVE = 1e-9;

  /**
   * The gradient: the reference is a Richardson-extrapolated centred finite difference of
   * statsmodels' ℓ with step h = 1e-5 |θ| (truncation O(h⁴), rounding about ε |ℓ| / h ≈ 2e-11 |ℓ| /
   * |θ|); Gramian's is exact. An entry passes within GRADIENT_RELATIVE |g| + GRADIENT_ROUNDING |ℓ|
   * / |θ|, the second term a hundred times that rounding. Measured: every gap within 0.74% of its
   * tolerance (the largest relative gap, 2.9e-6, on an entry of −5.7e-6 next to ℓ = −633).
   */
  private static final double GRADIENT_RELATIVE = 1e-6;

  private static final double GRADIENT_ROUNDING = 1e-8;

  /** A fit may end at most this far below statsmodels' maximum (absolute, in ℓ). */
  private static final double FIT_LOGLIK_SLACK = 1e-6;

  private static final List<Map<String, String>> ROWS = table("statsmodels_components.csv");

  static List<String> cases() {
    return ROWS.stream()
        .filter(r -> r.get("quantity").equals("llf"))
        .map(r -> r.get("case"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logLikelihoodAndGradientAreStatsmodels(String id) {
    StateSpaceModel model = model(id);
    Map<String, Double> params = values(id, "param");
    assertEquals(new ArrayList<>(params.keySet()), model.parameterNames(), id + ": names");
    double[] natural = params.values().stream().mapToDouble(Double::doubleValue).toArray();
    LogLikelihood ll = new LogLikelihood(model, data(id), Map.of(), TriaRule.MASKED);
    LogLikelihood.NaturalGradient result = ll.naturalGradient(natural);
    double expected = values(id, "llf").get("loglikelihood");
    assertEquals(
        expected, result.logLikelihood(), LOGLIK_RELATIVE * Math.abs(expected), id + ": ℓ");
    // the daily cases have no score (statsmodels_components.py says why): ℓ only
    Map<String, Double> score = id.startsWith("daily_") ? Map.of() : values(id, "score");
    for (int i = 0; i < natural.length && !score.isEmpty(); i++) {
      String name = model.parameterNames().get(i);
      Double g = result.gradient()[i];
      assertNotNull(g, id + ": " + name);
      double theirs = score.get(name);
      double tolerance =
          GRADIENT_RELATIVE * Math.abs(theirs)
              + GRADIENT_ROUNDING * Math.abs(expected) / Math.abs(natural[i]);
      assertEquals(theirs, g, tolerance, id + ": ∂ℓ/∂" + name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "nile_local-linear-deterministic-trend",
        "daily_dummy7_trig365h2",
        "unemp_llevel_cycle",
        "unemp_fixed-intercept_ar2",
        "infl_llevel_varying_unemp"
      })
  void fitReachesStatsmodelsMaximum(String id) {
    FitResult fit = MaximumLikelihood.fit(model(id), data(id), FitOptions.defaults());
    double expected = values(id, "fit_llf").get("loglikelihood");
    assertTrue(fit.converged(), id + ": " + fit.optimizerMessage());
    assertTrue(
        fit.logLikelihood() >= expected - FIT_LOGLIK_SLACK,
        id + ": ℓ = " + fit.logLikelihood() + " below statsmodels' " + expected);
  }

  /** The model the case's command-line spelling names. */
  private static StateSpaceModel model(String id) {
    return Spelling.parse(row(id).get("spelling")).create();
  }

  private static ModelData data(String id) {
    String data = row(id).get("data");
    switch (data) {
      case "nile":
        return ModelData.of(Datasets.nile());
      case "lnksi":
        return ModelData.of(log(Datasets.seatbelts().column("drivers").values()));
      case "unemp":
        return ModelData.of(Datasets.usMacroQuarterly().column("unemp").values());
      case "daily":
        return ModelData.of(daily().column("value"));
      case "infl_unemp":
        TimeSeriesFrame macro = Datasets.usMacroQuarterly();
        double[] x = macro.column("unemp").values();
        return new ModelData(
            new DMatrixRMaj(macro.column("infl").values()), new DMatrixRMaj(x), List.of("unemp"));
      default:
        throw new IllegalStateException("unknown data " + data);
    }
  }

  private static TimeSeriesFrame daily() {
    try (InputStream in =
            ComponentsReferenceTest.class.getResourceAsStream("daily_two_seasons.csv");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CsvTimeSeriesReader.read(reader, "daily_two_seasons.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double[] log(double[] v) {
    double[] l = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      l[i] = Math.log(v[i]);
    }
    return l;
  }

  private static Map<String, String> row(String id) {
    return ROWS.stream()
        .filter(r -> r.get("case").equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no case " + id));
  }

  /** The values of one quantity of a case, in the table's order. */
  private static Map<String, Double> values(String id, String quantity) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (Map<String, String> r : ROWS) {
      if (r.get("case").equals(id) && r.get("quantity").equals(quantity)) {
        v.put(r.get("name"), Double.parseDouble(r.get("value")));
      }
    }
    if (v.isEmpty()) {
      throw new IllegalStateException("no " + quantity + " for " + id);
    }
    return v;
  }

  static List<Map<String, String>> table(String resource) {
    try (InputStream in = ComponentsReferenceTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        rows.add(new LinkedHashMap<>(r.toMap()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
