package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.estimation.diagnostics.StandardNormal;
import io.gramian.estimation.fit.FitResult;
import io.gramian.kalman.Forecast;
import java.util.List;

/**
 * The {@code fit --json} document of docs/cli.md: model, nobs, loglikelihood, aic, bic, converged,
 * iterations, gradient_norm, parameters with estimate and std_error ({@code null} where undefined,
 * never NaN), and forecast with {@code --forecast}; plus hqic, evaluations, the optimiser's
 * message, diffuse counts, the covariance type and warnings.
 */
final class FitJson {

  private static final JsonMapper MAPPER = new JsonMapper();

  private FitJson() {}

  static String render(FitResult fit, Forecast forecast, List<String> forecastLabels) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("model", fit.model());
    root.put("nobs", fit.nobs());
    root.put("loglikelihood", fit.logLikelihood());
    root.put("aic", fit.criteria().aic());
    root.put("bic", fit.criteria().bic());
    root.put("hqic", fit.criteria().hqic());
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    root.put("evaluations", fit.evaluations());
    root.put("gradient_norm", fit.gradientNorm());
    root.put("optimizer_message", fit.optimizerMessage());
    root.put("observed", fit.observed());
    root.put("diffuse_states", fit.diffuseStates());
    root.put("diffuse_periods", fit.diffuseSteps());
    root.put("covariance_type", fit.covarianceType().label());
    ArrayNode params = root.putArray("parameters");
    Double[] se = fit.standardErrors();
    double[] estimates = fit.estimates();
    boolean[] free = fit.free();
    for (int i = 0; i < estimates.length; i++) {
      ObjectNode p = params.addObject();
      p.put("name", fit.parameterNames().get(i));
      p.put("estimate", estimates[i]);
      if (se[i] == null) {
        p.putNull("std_error");
      } else {
        p.put("std_error", se[i]);
      }
      p.put("fixed", !free[i]);
    }
    if (forecast != null) {
      ArrayNode rows = root.putArray("forecast");
      for (int h = 1; h <= forecast.horizon(); h++) {
        ObjectNode r = rows.addObject();
        r.put("step", h);
        if (forecastLabels != null) {
          r.put("time", forecastLabels.get(h - 1));
        }
        double mean = forecast.observationMean(h)[0];
        double sd = forecast.observationStd(h)[0];
        r.put("mean", mean);
        r.put("std", sd);
        r.put("lower", mean - StandardNormal.Z95 * sd);
        r.put("upper", mean + StandardNormal.Z95 * sd);
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    fit.warnings().forEach(warnings::add);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON result", e);
    }
  }
}
