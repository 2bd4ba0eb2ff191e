package io.gramian.estimation.models;

import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 14 structural models of {@code kfas_unemp.csv}: R KFAS log-likelihoods on the {@code unemp}
 * column of us_macro_quarterly.csv at the listed parameters, as stored in statsmodels' test suite
 * ({@code results_structural.py}, computed there with KFAS by {@code test_ucm.R}).
 */
final class KfasUnempCases {

  private KfasUnempCases() {}

  static List<ReferenceCase> all() {
    List<ReferenceCase> cases = new ArrayList<>();
    for (Map<String, String> row : ReferenceCase.table("kfas_unemp.csv")) {
      String id = row.get("case");
      UnobservedComponents model = model(id);
      Map<String, Double> given = ReferenceCase.zip(row.get("param_names"), row.get("params"));
      Map<String, Double> parameters = new LinkedHashMap<>();
      given.forEach((name, value) -> parameters.put(rename(model, name), value));
      ModelData data =
          id.equals("regression_log_realgdp")
              ? ReferenceSeries.unempWithLogRealGdp()
              : ReferenceSeries.unemp();
      cases.add(
          new ReferenceCase(
              id, model, data, parameters, Double.parseDouble(row.get("loglik_kfas")), false));
    }
    return cases;
  }

  /** The table names the trigonometric seasonal's variance {@code sigma2.seasonal}. */
  private static String rename(UnobservedComponents model, String name) {
    if (name.equals("sigma2.seasonal") && !model.spec().frequencySeasonals().isEmpty()) {
      return model.spec().frequencySeasonals().get(0).varianceName();
    }
    return name;
  }

  private static UnobservedComponents model(String id) {
    UnobservedComponentsSpec spec;
    switch (id) {
      case "irregular":
        spec = trend(TrendSpecification.IRREGULAR).build();
        break;
      case "deterministic_constant":
        spec = trend(TrendSpecification.DETERMINISTIC_CONSTANT).build();
        break;
      case "local_level":
        spec = trend(TrendSpecification.LOCAL_LEVEL).build();
        break;
      case "random_walk":
        spec = trend(TrendSpecification.RANDOM_WALK).build();
        break;
      case "deterministic_trend":
        spec = trend(TrendSpecification.DETERMINISTIC_TREND).build();
        break;
      case "local_linear_deterministic_trend":
        spec = trend(TrendSpecification.LOCAL_LINEAR_DETERMINISTIC_TREND).build();
        break;
      case "random_walk_with_drift":
        spec = trend(TrendSpecification.RANDOM_WALK_WITH_DRIFT).build();
        break;
      case "local_linear_trend":
        spec = trend(TrendSpecification.LOCAL_LINEAR_TREND).build();
        break;
      case "smooth_trend":
        spec = trend(TrendSpecification.SMOOTH_TREND).build();
        break;
      case "random_trend":
        spec = trend(TrendSpecification.RANDOM_TREND).build();
        break;
      case "seasonal_dummy_4":
        spec = trend(TrendSpecification.IRREGULAR).seasonal(4).build();
        break;
      case "seasonal_trig_5":
        spec = trend(TrendSpecification.IRREGULAR).frequencySeasonal(5).build();
        break;
      case "regression_log_realgdp":
        spec = trend(TrendSpecification.IRREGULAR).exog("log_realgdp").build();
        break;
      case "random_trend_ar1":
        spec = trend(TrendSpecification.RANDOM_TREND).autoregressive(1).build();
        break;
      default:
        throw new IllegalStateException("unknown case " + id);
    }
    return new UnobservedComponents(id, spec);
  }

  private static UnobservedComponentsSpec.Builder trend(TrendSpecification trend) {
    return UnobservedComponentsSpec.builder(trend);
  }
}
