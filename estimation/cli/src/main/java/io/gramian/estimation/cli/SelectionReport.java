package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.estimation.select.BacktestRanking;
import io.gramian.estimation.select.Candidate;
import io.gramian.estimation.select.RankedCandidate;
import io.gramian.estimation.select.Selection;
import java.util.Locale;

/**
 * What {@code gramian select} prints and writes: the ranked table, and the JSON of docs/cli.md
 * ({@code {"candidates": [{"rank", "model", "loglikelihood", "aicc", "comparable", …}]}}, with
 * {@code null} for the ℓ and AICc of a rejected candidate).
 */
final class SelectionReport {

  private static final JsonMapper MAPPER = new JsonMapper();

  private SelectionReport() {}

  static String table(String seriesName, Selection selection) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Model search: %s, differencing chosen by the unit-root tests: %s%n",
            seriesName,
            selection.differencing().label()));
    s.append(
        "Ranked by AICc on the likelihood of the differenced data; comparable = the same"
            + " differencing as rank 1 (otherwise its AICc does not compare).\n\n");
    int width = "model".length();
    for (RankedCandidate r : selection.candidates()) {
      width = Math.max(width, r.candidate().model().length());
    }
    String row = "%4s  %-" + width + "s  %12s  %12s  %6s  %-10s  %s%n";
    s.append(
        String.format(
            Locale.ROOT, row, "rank", "model", "loglik", "AICc", "params", "comparable", "note"));
    for (RankedCandidate r : selection.candidates()) {
      Candidate c = r.candidate();
      s.append(
          String.format(
              Locale.ROOT,
              row,
              r.rank(),
              c.model(),
              c.isRanked() ? String.format(Locale.ROOT, "%.4f", c.logLikelihood()) : "-",
              c.isRanked() ? String.format(Locale.ROOT, "%.4f", c.aicc()) : "-",
              c.isRanked() ? Integer.toString(c.parameters()) : "-",
              r.comparable() ? "yes" : "no",
              note(c)));
    }
    return s.toString();
  }

  private static String note(Candidate c) {
    if (!c.isRanked()) {
      return "rejected: " + c.rejection();
    }
    return c.differencing() == null ? "no differencing applies" : c.differencing().label();
  }

  static String json(Selection selection) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("ranked_by", "aicc");
    ObjectNode differencing = root.putObject("differencing");
    differencing.put("d", selection.differencing().d());
    differencing.put("D", selection.differencing().seasonalD());
    differencing.put("period", selection.differencing().period());
    ArrayNode candidates = root.putArray("candidates");
    for (RankedCandidate r : selection.candidates()) {
      Candidate c = r.candidate();
      ObjectNode o = candidates.addObject();
      o.put("rank", r.rank());
      o.put("model", c.model());
      if (c.isRanked()) {
        o.put("loglikelihood", c.logLikelihood());
        o.put("aicc", c.aicc());
        o.put("parameters", c.parameters());
        o.put("nobs_effective", c.nobsEffective());
        o.put("diffuse_loglikelihood", c.diffuseLogLikelihood());
      } else {
        o.putNull("loglikelihood");
        o.putNull("aicc");
      }
      o.put("comparable", r.comparable());
      o.put("family", c.family().name().toLowerCase(Locale.ROOT));
      if (c.differencing() == null) {
        o.putNull("differencing");
      } else {
        o.put("differencing", c.differencing().label());
      }
      if (c.isRanked()) {
        o.putNull("rejected");
      } else {
        o.put("rejected", c.rejection());
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the JSON result", e);
    }
  }

  /** The table of {@code select --by backtest}. */
  static String table(String seriesName, BacktestRanking ranking) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Model search: %s, ranked by backtest: RMSE of the forecasts over %d folds of horizon"
                + " %d (estimated once on the first fold)%n%n",
            seriesName,
            ranking.folds(),
            ranking.horizon()));
    int width = "model".length();
    for (BacktestRanking.Entry e : ranking.candidates()) {
      width = Math.max(width, e.candidate().model().length());
    }
    String row = "%4s  %-" + width + "s  %14s  %12s  %12s  %6s  %s%n";
    s.append(
        String.format(
            Locale.ROOT,
            row,
            "rank",
            "model",
            "backtest RMSE",
            "loglik",
            "AICc",
            "params",
            "note"));
    for (BacktestRanking.Entry e : ranking.candidates()) {
      Candidate c = e.candidate();
      s.append(
          String.format(
              Locale.ROOT,
              row,
              e.rank(),
              c.model(),
              e.isRanked() ? String.format(Locale.ROOT, "%.6g", e.rmse()) : "-",
              c.isRanked() ? String.format(Locale.ROOT, "%.4f", c.logLikelihood()) : "-",
              c.isRanked() ? String.format(Locale.ROOT, "%.4f", c.aicc()) : "-",
              c.isRanked() ? Integer.toString(c.parameters()) : "-",
              e.isRanked() ? "" : e.failure()));
    }
    return s.toString();
  }

  /**
   * The JSON of {@code select --by backtest}: the candidates as {@link #json(Selection)} writes
   * them, with {@code backtest_rmse}; every backtested candidate is {@code comparable} (forecast
   * errors on the same series compare whatever the differencing).
   */
  static String json(BacktestRanking ranking) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("ranked_by", "backtest");
    root.put("horizon", ranking.horizon());
    root.put("folds", ranking.folds());
    ArrayNode candidates = root.putArray("candidates");
    for (BacktestRanking.Entry e : ranking.candidates()) {
      Candidate c = e.candidate();
      ObjectNode o = candidates.addObject();
      o.put("rank", e.rank());
      o.put("model", c.model());
      if (c.isRanked()) {
        o.put("loglikelihood", c.logLikelihood());
        o.put("aicc", c.aicc());
        o.put("parameters", c.parameters());
      } else {
        o.putNull("loglikelihood");
        o.putNull("aicc");
      }
      if (e.isRanked()) {
        o.put("backtest_rmse", e.rmse());
      } else {
        o.putNull("backtest_rmse");
      }
      o.put("comparable", e.isRanked());
      o.put("family", c.family().name().toLowerCase(Locale.ROOT));
      if (e.isRanked()) {
        o.putNull("rejected");
      } else {
        o.put("rejected", e.failure());
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("could not write the JSON result", ex);
    }
  }
}
