package io.gramian.estimation.fit;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.diagnostics.ParameterRow;
import io.gramian.estimation.diagnostics.SummaryHeader;
import io.gramian.estimation.diagnostics.SummaryTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@link FitResult#summary()}: {@link SummaryTable}'s statsmodels-style summary of the
 * fit (a fixed parameter marked {@code (fixed)} and without standard error) and one line on how the
 * optimiser ended.
 */
final class FitSummary {

  /** The summary's title, as statsmodels' {@code MLEResults.summary()}. */
  static final String TITLE = "Statespace Model Results";

  private FitSummary() {}

  static String render(FitResult fit, String modelDescription, LocalDateTime date) {
    TimeSeries series = fit.series();
    SummaryHeader header =
        new SummaryHeader(
            TITLE,
            series.name(),
            modelDescription,
            date,
            series.label(0),
            series.label(series.length() - 1),
            fit.nobs(),
            fit.logLikelihood(),
            fit.criteria(),
            fit.covarianceType());
    List<ParameterRow> rows = new ArrayList<>();
    for (ParameterEstimate p : fit.parameters()) {
      String name = p.name() + (p.free() ? "" : " (fixed)");
      rows.add(
          p.hasStandardError()
              ? ParameterRow.of(name, p.estimate(), p.standardError())
              : ParameterRow.withoutStdError(name, p.estimate()));
    }
    StringBuilder text = new StringBuilder();
    text.append(
        fit.diagnostics() == null
            ? SummaryTable.render(header, rows, fit.warnings())
            : SummaryTable.render(header, rows, fit.diagnostics(), fit.warnings()));
    text.append(
        String.format(
            "Optimiser: BFGS, %d iterations, %d likelihood/gradient evaluations, %s%n",
            fit.iterations(), fit.evaluations(), fit.converged() ? "converged" : "NOT converged"));
    return text.toString();
  }
}
