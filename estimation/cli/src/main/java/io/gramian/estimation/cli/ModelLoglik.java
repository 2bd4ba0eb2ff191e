package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.datasets.InputEcho;
import io.gramian.estimation.model.ExactChannels;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.ModelSizeException;
import io.gramian.estimation.model.ModelSizeRule;
import io.gramian.estimation.model.SeveralSeriesModel;
import io.gramian.estimation.model.StateSpaceModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code loglik --model MODEL --params ...}: the exact diffuse log-likelihood of a named model at
 * given natural-scale parameter values and, with {@code --gradient}, its gradient with respect to
 * them. JSON: {@code {"loglikelihood": x, "nobs": n, "gradient": {"name": g, ...}}}.
 */
final class ModelLoglik {

  private static final JsonMapper MAPPER = new JsonMapper();

  private ModelLoglik() {}

  /** Computes and reports; a {@code --json} file is written to {@code outputs} and committed. */
  static int run(LoglikCommand c, OutputFiles outputs) {
    StateSpaceModel model;
    ModelData data;
    if (c.modelOptions.severalSeries()) {
      c.modelOptions.checkSeveralSeriesOptions(c.spec.commandLine().getParseResult());
      SeveralSeriesModel several = c.modelOptions.createSeveral(c.columns, c.dataOptions.exog);
      model = several;
      data =
          c.dataOptions
              .loadColumns(
                  c.data,
                  several.series(),
                  several.takesRegressors() ? c.dataOptions.exog : List.of())
              .data();
    } else {
      if (c.columns != null) {
        throw CliException.badInput(
            "--columns goes with --system or a model of several series ("
                + String.join(", ", ModelOptions.SEVERAL_SERIES_MODELS)
                + "), not with --model "
                + c.modelOptions.model);
      }
      data = c.dataOptions.load(c.data, c.modelOptions.regressors(c.dataOptions.exog)).data();
      model = c.modelOptions.create(c.dataOptions.exog);
    }
    try {
      ModelSizeRule.requireEvaluation(
          model.size(), data.length(), true, Runtime.getRuntime().maxMemory());
    } catch (ModelSizeException e) {
      throw e.withSubject(c.modelOptions.spelling());
    }
    List<String> names = model.parameterNames();
    if (c.params == null || c.params.isEmpty()) {
      throw CliException.badInput(
          "--model "
              + model.name()
              + " needs --params with every parameter: "
              + String.join(", ", names));
    }
    for (String given : c.params.keySet()) {
      if (!names.contains(given)) {
        throw CliException.badInput(
            "unknown parameter "
                + InputEcho.plain(given)
                + " for model "
                + model.name()
                + "; its parameters are "
                + String.join(", ", names));
      }
    }
    Map<String, Double> silenced =
        model instanceof ExactChannels channels ? channels.silencedParameters(data) : Map.of();
    double[] natural = new double[names.size()];
    for (int i = 0; i < natural.length; i++) {
      // a parameter that entered only the noise of exact columns changes nothing: 0 if not given
      Double v = c.params.getOrDefault(names.get(i), silenced.get(names.get(i)));
      if (v == null) {
        throw CliException.badInput(
            "--params lacks "
                + names.get(i)
                + "; model "
                + model.name()
                + " needs "
                + String.join(", ", names));
      }
      natural[i] = v;
    }
    LogLikelihood likelihood = new LogLikelihood(model, data, Map.of(), c.triaRule.rule);
    // a negative variance or a non-stationary AR polynomial: exit 2 (a non-invertible MA is fine)
    likelihood.layout().requireLikelihoodExists(natural);
    LogLikelihood.NaturalGradient result = likelihood.naturalGradient(natural);
    double ll = result.logLikelihood();
    if (!Double.isFinite(ll)) {
      throw CliException.failed("the log-likelihood is not finite (" + ll + ")", null);
    }
    int nobs = likelihood.data().observedCount();
    PrintWriter out = c.spec.commandLine().getOut();
    if (c.json == null) {
      out.printf(Locale.ROOT, "Log-likelihood of %s under %s%n%n", c.data, model.name());
      out.printf(Locale.ROOT, "  observed values  %d%n", nobs);
      out.printf(Locale.ROOT, "  log-likelihood   %.10f%n", ll);
      if (c.gradient) {
        out.printf(Locale.ROOT, "%nGradient with respect to the parameters (natural scale):%n");
        for (int i = 0; i < names.size(); i++) {
          Double g = result.gradient()[i];
          out.printf(
              Locale.ROOT,
              "  %-24s %s%n",
              names.get(i),
              g == null ? "undefined (variance at zero)" : String.format(Locale.ROOT, "%.10g", g));
        }
      }
      out.flush();
      return 0;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("loglikelihood", ll);
    root.put("nobs", nobs);
    if (c.gradient) {
      ObjectNode g = root.putObject("gradient");
      for (int i = 0; i < names.size(); i++) {
        Double v = result.gradient()[i];
        if (v == null) {
          g.putNull(names.get(i));
        } else {
          g.put(names.get(i), v);
        }
      }
    }
    String text;
    try {
      text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    if (c.jsonToStdout()) {
      out.print(text);
      out.flush();
    } else {
      outputs.writeText(LoglikCommand.JSON_OUTPUT, text);
      outputs.commit();
    }
    return 0;
  }
}
