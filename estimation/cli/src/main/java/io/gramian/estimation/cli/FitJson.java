package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.ParameterEstimate;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import io.gramian.estimation.results.SeriesForecast;

/**
 * The {@code fit --json} document of docs/cli.md: model, nobs, loglikelihood, aic, bic, converged,
 * iterations, gradient_norm, parameters with estimate and std_error ({@code null} where undefined,
 * never NaN), and forecast with {@code --forecast} (each step's lower and upper at the highest
 * level, its period, its intervals at every {@code --level} and, after a logarithm, its {@code
 * original} scale median, mean and bounds); plus hqic, evaluations, the optimiser's message,
 * diffuse counts, the covariance type and warnings.
 */
final class FitJson {

  private static final JsonMapper MAPPER = new JsonMapper();

  private FitJson() {}

  static String render(FitResult fit, SeriesForecast forecast) {
    return render(fit, forecast, null);
  }

  /**
   * The document with, after {@code --transform log|log10}, each forecast entry's {@code original}:
   * the median, the log-normal mean and the bounds at the highest level on the original scale.
   */
  static String render(FitResult fit, SeriesForecast forecast, OriginalScaleForecast original) {
    return render(fit, forecast, original, false);
  }

  /**
   * The document, saying in {@code interval_uncertainty} ({@code noise} or {@code parameters}, with
   * a forecast) what the forecast's intervals include.
   */
  static String render(
      FitResult fit,
      SeriesForecast forecast,
      OriginalScaleForecast original,
      boolean withParameterUncertainty) {
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
    for (ParameterEstimate parameter : fit.parameters()) {
      ObjectNode p = params.addObject();
      p.put("name", parameter.name());
      p.put("estimate", parameter.estimate());
      if (parameter.hasStandardError()) {
        p.put("std_error", parameter.standardError());
      } else {
        p.putNull("std_error");
      }
      p.put("fixed", !parameter.free());
    }
    if (forecast != null) {
      root.put("interval_uncertainty", withParameterUncertainty ? "parameters" : "noise");
      putForecast(root, forecast, original);
    }
    ArrayNode warnings = root.putArray("warnings");
    fit.warnings().forEach(warnings::add);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON result", e);
    }
  }

  /**
   * Adds the {@code forecast} array: per step its number, period (also as {@code time}), mean,
   * standard error, the bounds at the highest level and every level's interval, and with a log
   * transform ({@code original} not null) the forecast on the original scale. {@code gramian
   * forecast} writes the same entries.
   */
  static void putForecast(
      ObjectNode root, SeriesForecast forecast, OriginalScaleForecast original) {
    ArrayNode rows = root.putArray("forecast");
    for (ForecastStep step : forecast.steps()) {
      ObjectNode r = rows.addObject();
      putStep(r, step);
      if (original != null) {
        OriginalScaleStep o = original.step(step.step());
        ObjectNode back = r.putObject("original");
        back.put("median", o.median());
        back.put("mean", o.mean());
        back.put("lower", o.widest().lower());
        back.put("upper", o.widest().upper());
      }
    }
  }

  /**
   * One forecast step's entries: its number, period (also as {@code time}), mean, standard error,
   * the bounds at the highest level and every level's interval.
   */
  static void putStep(ObjectNode r, ForecastStep step) {
    r.put("step", step.step());
    r.put("time", step.period());
    r.put("period", step.period());
    r.put("mean", step.mean());
    r.put("std", step.standardError());
    r.put("lower", step.widest().lower());
    r.put("upper", step.widest().upper());
    ArrayNode intervals = r.putArray("intervals");
    for (Interval interval : step.intervals()) {
      ObjectNode i = intervals.addObject();
      i.put("level", interval.level());
      i.put("lower", interval.lower());
      i.put("upper", interval.upper());
    }
  }
}
