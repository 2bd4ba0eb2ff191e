// The Nile, end to end.
//
// Annual flow of the Nile at Aswan, 1871–1970 (100 values, 10⁸ m³), and the local level model
//
//     y_t = μ_t + ε_t,        ε_t ~ N(0, σ²_ε)
//     μ_{t+1} = μ_t + η_t,    η_t ~ N(0, σ²_η),   μ_1 exactly diffuse
//
// fitted by exact maximum likelihood with the analytic score. The notebook shows the estimates
// with their standard errors, reproduces the published log-likelihood ℓ = −633.4645636362
// (statsmodels, KFAS), prints the statsmodels-style summary, draws the filtered and smoothed
// level with 95% bands and a ten-year forecast, and checks the standardized one-step residuals
// (Ljung–Box Q, heteroskedasticity H, Jarque–Bera) with the diagnostics plot.
//
// Run it from the repository root:
//
//     ./notebooks/run nile.jsh            (output in notebooks/out/nile/)
//
// Output: nile-level.png, nile-diagnostics.png, report.md.

import io.gramian.datasets.*;
import io.gramian.estimation.model.*;
import io.gramian.estimation.fit.*;
import io.gramian.estimation.models.*;
import io.gramian.estimation.diagnostics.*;
import io.gramian.estimation.plot.*;
import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.*;
import java.time.LocalDateTime;

Path OUT = Path.of(System.getProperty("notebook.out", "notebooks/out/nile"));
Files.createDirectories(OUT);
long started = System.nanoTime();
// JShell reports a failed snippet and carries on; the last cell sets this to 0 only after it has
// checked the results and written the report, and /exit returns it.
int status = 1;
StringBuilder report = new StringBuilder();
void md(String format, Object... args) { report.append(String.format(Locale.ROOT, format, args)).append('\n'); }

// ---------------------------------------------------------------------------------------------
// 1. Data and fit
// ---------------------------------------------------------------------------------------------
TimeSeries nile = Datasets.nile();
ModelData data = ModelData.of(nile.values());
UnobservedComponents model = UnobservedComponents.localLevel();
FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());

double PUBLISHED_LOGLIK = -633.4645636362;
double loglikError = Math.abs(fit.logLikelihood() - PUBLISHED_LOGLIK);
Double[] se = fit.standardErrors();
System.out.printf(Locale.ROOT, "ℓ = %.10f (published %.10f, |difference| %.1e)%n",
    fit.logLikelihood(), PUBLISHED_LOGLIK, loglikError);
for (int i = 0; i < fit.estimates().length; i++) {
  System.out.printf(Locale.ROOT, "%-18s %12.4f  (s.e. %.4f)%n",
      fit.parameterNames().get(i), fit.estimates()[i], se[i]);
}
if (!(loglikError < 1e-6)) {
  throw new IllegalStateException("the Nile log-likelihood " + fit.logLikelihood()
      + " does not reproduce " + PUBLISHED_LOGLIK);
}

// ---------------------------------------------------------------------------------------------
// 2. The summary, laid out as statsmodels' MLEResults.summary()
// ---------------------------------------------------------------------------------------------
List<ParameterRow> rows = new ArrayList<>();
for (int i = 0; i < fit.estimates().length; i++) {
  rows.add(se[i] == null
      ? ParameterRow.withoutStdError(fit.parameterNames().get(i), fit.estimates()[i])
      : ParameterRow.of(fit.parameterNames().get(i), fit.estimates()[i], se[i]));
}
SummaryHeader header = new SummaryHeader("Unobserved Components Results", nile.name(),
    "local level", LocalDateTime.now().withNano(0), nile.label(0),
    nile.label(nile.length() - 1), fit.nobs(), fit.logLikelihood(), fit.criteria(),
    fit.covarianceType());
String summary = SummaryTable.render(header, rows, fit.diagnostics(), fit.warnings());
System.out.print(summary);

// ---------------------------------------------------------------------------------------------
// 3. Filtered and smoothed level, ten-year forecast
// ---------------------------------------------------------------------------------------------
LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
StateSpace system = ll.system(fit.estimates());
SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
int HORIZON = 10;
Forecast forecast = Forecaster.forSystem(system).forecast(system, fit.filter(), HORIZON);

ComponentPlotData levelPlot = ComponentPlotData.fromFit(nile, "nile.csv", fit, smoothed,
    Optional.of(forecast), model.stateNames(), system);
ComponentPlot.writePng(levelPlot, OUT.resolve("nile-level.png"));

// the level at a few dates, smoothed (all data) against filtered (data up to t)
int[] shown = {0, 27, 28, 99};   // 1871, 1898, 1899 (the Aswan dam), 1970
double[] fcMean = new double[HORIZON + 1];
double[] fcSd = new double[HORIZON + 1];
for (int h = 1; h <= HORIZON; h++) {
  fcMean[h] = forecast.observationMean(h)[0];
  fcSd[h] = forecast.observationStd(h)[0];
}

// ---------------------------------------------------------------------------------------------
// 4. Residual diagnostics
// ---------------------------------------------------------------------------------------------
ResidualDiagnostics diag = fit.diagnostics();
LjungBox.Result q10 = LjungBox.afterBurnIn(fit.standardizedResiduals(), fit.diffuseSteps(), 10);
DiagnosticsPlot.writePng(DiagnosticsPlotData.fromFit(nile, "nile.csv", fit),
    OUT.resolve("nile-diagnostics.png"));

// ---------------------------------------------------------------------------------------------
// 5. Report (one cell: it checks the results, writes report.md and only then sets status = 0)
// ---------------------------------------------------------------------------------------------
{
  md("# The Nile: local level model");
  md("");
  md("Annual flow of the Nile at Aswan, %s–%s (%d values). Exact diffuse maximum likelihood, "
      + "BFGS on the analytic score (%d iterations, %s).", nile.label(0),
      nile.label(nile.length() - 1), nile.length(), fit.iterations(),
      fit.converged() ? "converged" : "NOT converged");
  md("");
  md("| parameter | estimate | std. error (%s) |", fit.covarianceType());
  md("|---|---:|---:|");
  for (int i = 0; i < fit.estimates().length; i++) {
    md("| %s | %.4f | %s |", fit.parameterNames().get(i), fit.estimates()[i],
        se[i] == null ? "–" : String.format(Locale.ROOT, "%.4f", se[i]));
  }
  md("");
  md("Log-likelihood ℓ = **%.10f**; published −633.4645636362, |difference| = %.1e "
      + "(reproduced). AIC %.2f, BIC %.2f, HQIC %.2f. Signal-to-noise ratio σ²_η/σ²_ε = %.4f.",
      fit.logLikelihood(), loglikError, fit.criteria().aic(), fit.criteria().bic(),
      fit.criteria().hqic(), fit.estimate("sigma2.level") / fit.estimate("sigma2.irregular"));
  md("");
  md("## Summary");
  md("");
  md("```");
  report.append(summary);
  md("```");
  md("");
  md("## Level");
  md("");
  md("![filtered and smoothed level, forecast](nile-level.png)");
  md("");
  md("| year | flow | filtered level | smoothed level | smoothed s.d. |");
  md("|---|---:|---:|---:|---:|");
  for (int t : shown) {
    md("| %s | %.0f | %.1f | %.1f | %.1f |", nile.label(t), nile.value(t),
        fit.filter().filteredMean(t)[0], smoothed.smoothedMean(t)[0],
        smoothed.smoothedStd(t)[0]);
  }
  md("");
  md("Forecast (the level is a random walk, so the mean stays at the last filtered level %.1f "
      + "and the band widens):", fit.filter().filteredMean(nile.length() - 1)[0]);
  md("");
  md("| year | mean | s.d. | 95%% interval |");
  md("|---|---:|---:|---|");
  for (int h = 1; h <= HORIZON; h++) {
    md("| %d | %.1f | %.1f | [%.1f, %.1f] |", 1970 + h, fcMean[h], fcSd[h],
        fcMean[h] - Estimate.Z95 * fcSd[h], fcMean[h] + Estimate.Z95 * fcSd[h]);
  }
  md("");
  md("## Diagnostics");
  md("");
  md("Standardized one-step residuals after the %d diffuse step(s):", fit.diffuseSteps());
  md("");
  md("| test | statistic | p-value |");
  md("|---|---:|---:|");
  md("| Ljung–Box Q(%d) | %.2f | %.2f |", diag.ljungBox().lags(), diag.ljungBox().statistic(),
      diag.ljungBox().pValue());
  md("| Ljung–Box Q(%d) | %.2f | %.2f |", q10.lags(), q10.statistic(), q10.pValue());
  md("| Heteroskedasticity H(%d) | %.2f | %.2f |", diag.heteroskedasticity().subsetLength(),
      diag.heteroskedasticity().statistic(), diag.heteroskedasticity().pValue());
  md("| Jarque–Bera | %.2f | %.2f |", diag.jarqueBera().statistic(), diag.jarqueBera().pValue());
  md("");
  boolean anyRejects = diag.ljungBox().pValue() < 0.05 || q10.pValue() < 0.05
      || diag.heteroskedasticity().pValue() < 0.05 || diag.jarqueBera().pValue() < 0.05;
  md("Skewness %.2f, kurtosis %.2f. %s", diag.jarqueBera().skewness(),
      diag.jarqueBera().kurtosis(), anyRejects
          ? "At least one test rejects at 5%: look at the residuals before trusting the bands."
          : "No test rejects at 5%: the local level model describes the series well.");
  md("");
  md("![residual diagnostics](nile-diagnostics.png)");
  md("");
  md("_Ran in %.1f s._", (System.nanoTime() - started) / 1e9);

  boolean ok = fit.converged() && loglikError < 1e-6 && Double.isFinite(fcSd[HORIZON])
      && Files.size(OUT.resolve("nile-level.png")) > 10_000
      && Files.size(OUT.resolve("nile-diagnostics.png")) > 10_000;
  if (ok) {
    Files.writeString(OUT.resolve("report.md"), report.toString());
    System.out.println("wrote " + OUT.toAbsolutePath());
    status = 0;
  } else {
    System.out.println("FAILED: a result is missing or wrong; no report written");
  }
}
/exit status
