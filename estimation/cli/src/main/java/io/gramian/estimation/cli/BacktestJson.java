package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.estimation.backtest.BacktestResult;
import io.gramian.estimation.backtest.FoldForecast;
import io.gramian.estimation.backtest.HorizonMetrics;
import io.gramian.estimation.results.ForecastStep;
import io.gramian.estimation.results.Interval;

/**
 * The {@code backtest --json} document: the model as the command line spelled it, the scale of the
 * errors ({@code original} after a logarithm unless {@code --scale modelled}), the horizon, the
 * number of folds, whether each was refitted, the seasonal lag of the MASE scale, the metrics per
 * horizon (as the CSV, with the counts and every level's coverage; {@code null} where undefined,
 * never NaN), and every fold with its training length, origin, parameters and forecast (period,
 * actual, mean, standard error, the intervals).
 */
final class BacktestJson {

  private static final JsonMapper MAPPER = new JsonMapper();

  private BacktestJson() {}

  static String render(BacktestResult result, String model, String scale) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("model", model);
    root.put("scale", scale);
    root.put("nobs", result.series().length());
    root.put("horizon", result.horizon());
    root.put("folds", result.folds().size());
    root.put("refit", result.refit());
    root.put("mase_lag", result.season());
    root.put("missing_actuals", result.missingActuals());
    ArrayNode metrics = root.putArray("metrics");
    for (HorizonMetrics m : result.metrics()) {
      ObjectNode row = metrics.addObject();
      row.put("horizon", m.horizon());
      row.put("count", m.count());
      row.put("missing", m.missing());
      number(row, "mae", m.mae());
      number(row, "rmse", m.rmse());
      number(row, "mape", m.mape());
      number(row, "mase", m.mase());
      number(row, "coverage", m.coverage(BacktestResult.CSV_LEVEL));
      ArrayNode coverage = row.putArray("coverages");
      double[] levels = m.levels();
      double[] shares = m.coverage();
      for (int i = 0; i < levels.length; i++) {
        ObjectNode c = coverage.addObject();
        c.put("level", levels[i]);
        number(c, "coverage", shares[i]);
      }
    }
    ArrayNode folds = root.putArray("fold_forecasts");
    for (FoldForecast fold : result.folds()) {
      ObjectNode node = folds.addObject();
      node.put("fold", fold.fold());
      node.put("training_length", fold.trainingLength());
      node.put("origin", fold.origin());
      node.put("refitted", fold.refitted());
      node.put("converged", fold.converged());
      ObjectNode parameters = node.putObject("parameters");
      double[] values = fold.parameters();
      for (int i = 0; i < values.length; i++) {
        parameters.put(result.parameterNames().get(i), values[i]);
      }
      ArrayNode steps = node.putArray("forecast");
      double[] actuals = fold.actuals();
      for (ForecastStep step : fold.steps()) {
        ObjectNode s = steps.addObject();
        s.put("step", step.step());
        s.put("period", step.period());
        number(s, "actual", actuals[step.step() - 1]);
        s.put("mean", step.mean());
        s.put("std", step.standardError());
        ArrayNode intervals = s.putArray("intervals");
        for (Interval interval : step.intervals()) {
          ObjectNode i = intervals.addObject();
          i.put("level", interval.level());
          i.put("lower", interval.lower());
          i.put("upper", interval.upper());
        }
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    result.warnings().forEach(warnings::add);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON result", e);
    }
  }

  /** A number, or {@code null} where undefined (NaN). */
  private static void number(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }
}
