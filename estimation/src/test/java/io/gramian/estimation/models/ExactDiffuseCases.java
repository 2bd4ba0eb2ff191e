package io.gramian.estimation.models;

import io.gramian.estimation.model.ModelData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code cases.csv} in the exact diffuse convention that structural models cover:
 *
 * <ul>
 *   <li>{@code UC_*_exact_diffuse}: statsmodels 0.13.5 maximum likelihood fits ({@code
 *       use_exact_diffuse=True}; lbfgs, then nm/bfgs polish);
 *   <li>{@code Roptim_exactdiffuse_*}: R 4.2.2 {@code optim} on an exact diffuse likelihood written
 *       in R (parameters in R's order level; [slope]; [seas]; epsilon);
 *   <li>{@code CK_statsmodels_*}: the models of Commandeur &amp; Koopman (2007) ch. 2–7 on ln KSI,
 *       fitted by statsmodels 0.13.5 with the regression coefficients as diffuse states;
 *   <li>{@code StructTS_*_DKdiffuse_at_coef}: the exact diffuse ℓ at R {@code StructTS}'s estimates
 *       (not a maximum of it), from an exact diffuse filter written in R, cross-checked with
 *       statsmodels.
 * </ul>
 *
 * and the {@code *_KFASconv} rows: the UC maxima in KFAS' convention.
 */
final class ExactDiffuseCases {

  private ExactDiffuseCases() {}

  /** The exact diffuse cases (ours is their convention). */
  static List<ReferenceCase> all() {
    List<ReferenceCase> cases = new ArrayList<>();
    for (Map<String, String> row : ReferenceCase.table("cases.csv")) {
      String id = row.get("case");
      double loglik =
          row.get("loglik").isBlank() ? Double.NaN : Double.parseDouble(row.get("loglik"));
      if (id.startsWith("UC_") && id.endsWith("_exact_diffuse")) {
        cases.add(
            new ReferenceCase(
                id,
                structural(row.get("model")),
                series(id),
                ReferenceCase.zip(row.get("param_names"), row.get("params")),
                loglik,
                true));
      } else if (id.startsWith("Roptim_exactdiffuse_")) {
        UnobservedComponents model = structural(row.get("model"));
        cases.add(
            new ReferenceCase(
                id,
                model,
                series(id),
                rOrder(rNames(row.get("model")), row.get("params")),
                loglik,
                true));
      } else if (id.startsWith("StructTS_") && id.endsWith("_DKdiffuse_at_coef")) {
        cases.add(
            new ReferenceCase(
                id,
                structural(row.get("model")),
                series(id),
                rOrder(row.get("param_names"), row.get("params")),
                loglik,
                false));
      } else if (id.startsWith("CK_statsmodels_")) {
        String ck = id.substring("CK_statsmodels_".length());
        cases.add(
            new ReferenceCase(
                id,
                commandeurKoopman(ck),
                ksiFor(ck),
                ReferenceCase.assignments(row.get("params")),
                loglik,
                true));
      }
    }
    return cases;
  }

  /** The {@code *_KFASconv} rows: statsmodels' maxima with KFAS' log-likelihood. */
  static List<ReferenceCase> kfasConvention() {
    List<ReferenceCase> cases = new ArrayList<>();
    for (Map<String, String> row : ReferenceCase.table("cases.csv")) {
      String id = row.get("case");
      if (id.startsWith("UC_") && id.endsWith("_KFASconv")) {
        cases.add(
            new ReferenceCase(
                id,
                structural(row.get("model")),
                series(id),
                ReferenceCase.zip(row.get("param_names"), row.get("params")),
                Double.parseDouble(row.get("loglik")),
                false));
      }
    }
    return cases;
  }

  /** "UnobservedComponents level" / "trend" / "BSM" (or R's "level", "trend", "BSM"). */
  private static UnobservedComponents structural(String model) {
    String m = model.replace("UnobservedComponents", "").strip();
    switch (m) {
      case "level":
        return UnobservedComponents.localLevel();
      case "trend":
        return UnobservedComponents.localLinearTrend();
      case "BSM":
        return UnobservedComponents.bsm(12, "dummy");
      default:
        throw new IllegalStateException("unknown model " + model);
    }
  }

  private static ModelData series(String id) {
    if (id.contains("_nileNA_")) {
      return ReferenceSeries.nileNA();
    }
    if (id.contains("_nile_")) {
      return ReferenceSeries.nile();
    }
    if (id.contains("_ksi_ln_")) {
      return ReferenceSeries.lnKsi();
    }
    throw new IllegalStateException("no series for " + id);
  }

  /** R's parameter order for the Roptim rows: level; [slope]; [seas]; epsilon. */
  private static String rNames(String model) {
    switch (model) {
      case "level":
        return "level;epsilon";
      case "trend":
        return "level;slope;epsilon";
      case "BSM":
        return "level;slope;seas;epsilon";
      default:
        throw new IllegalStateException("unknown model " + model);
    }
  }

  /** R's names (level, slope, seas, epsilon) to statsmodels'. */
  private static Map<String, Double> rOrder(String names, String values) {
    Map<String, Double> r = ReferenceCase.zip(names, values);
    Map<String, Double> ours = new LinkedHashMap<>();
    r.forEach((name, value) -> ours.put(rName(name), value));
    return ours;
  }

  private static String rName(String name) {
    switch (name) {
      case "level":
        return "sigma2.level";
      case "slope":
        return "sigma2.trend";
      case "seas":
        return "sigma2.seasonal";
      case "epsilon":
        return "sigma2.irregular";
      default:
        throw new IllegalStateException("unknown R parameter " + name);
    }
  }

  /** Commandeur &amp; Koopman (2007)'s models by section, as statsmodels specifies them. */
  private static UnobservedComponents commandeurKoopman(String ck) {
    TrendSpecification dconstant = TrendSpecification.DETERMINISTIC_CONSTANT;
    TrendSpecification llevel = TrendSpecification.LOCAL_LEVEL;
    UnobservedComponentsSpec spec;
    switch (ck) {
      case "ck2.1":
        spec = UnobservedComponentsSpec.builder(dconstant).build();
        break;
      case "ck2.2":
        spec = UnobservedComponentsSpec.builder(llevel).build();
        break;
      case "ck3.1":
        spec = UnobservedComponentsSpec.builder(TrendSpecification.DETERMINISTIC_TREND).build();
        break;
      case "ck3.2":
        spec = UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LINEAR_TREND).build();
        break;
      case "ck3.3":
        spec =
            UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LINEAR_DETERMINISTIC_TREND)
                .build();
        break;
      case "ck4.1":
        spec =
            UnobservedComponentsSpec.builder(dconstant).seasonal(new Seasonal(12, false)).build();
        break;
      case "ck4.2":
        spec = UnobservedComponentsSpec.builder(llevel).seasonal(12).build();
        break;
      case "ck5.1":
        spec = UnobservedComponentsSpec.builder(dconstant).exog("petrol").build();
        break;
      case "ck5.2":
        spec = UnobservedComponentsSpec.builder(llevel).exog("petrol").build();
        break;
      case "ck6.1":
        spec = UnobservedComponentsSpec.builder(dconstant).exog("law").build();
        break;
      case "ck6.2":
        spec = UnobservedComponentsSpec.builder(llevel).exog("law").build();
        break;
      case "ck7.1":
        spec =
            UnobservedComponentsSpec.builder(dconstant)
                .seasonal(new Seasonal(12, false))
                .exog("petrol", "law")
                .build();
        break;
      case "ck7.2":
        spec = UnobservedComponentsSpec.builder(llevel).seasonal(12).exog("petrol", "law").build();
        break;
      case "ck7.2T":
        spec =
            UnobservedComponentsSpec.builder(llevel)
                .frequencySeasonal(new FrequencySeasonal(12, 6, true))
                .exog("petrol", "law")
                .build();
        break;
      default:
        throw new IllegalStateException("unknown case " + ck);
    }
    return new UnobservedComponents(ck, spec);
  }

  private static ModelData ksiFor(String ck) {
    UnobservedComponents model = commandeurKoopman(ck);
    return ReferenceSeries.lnKsi(model.spec().exogNames().toArray(String[]::new));
  }
}
