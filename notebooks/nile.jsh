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
import io.gramian.estimation.results.*;
import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.*;

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
ModelData data = ModelData.of(nile);   // keeps the series' name and years for the summary
UnobservedComponents model = UnobservedComponents.localLevel();
FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());

double PUBLISHED_LOGLIK = -633.4645636362;
double loglikError = Math.abs(fit.logLikelihood() - PUBLISHED_LOGLIK);
System.out.printf(Locale.ROOT, "ℓ = %.10f (published %.10f, |difference| %.1e)%n",
    fit.logLikelihood(), PUBLISHED_LOGLIK, loglikError);
for (ParameterEstimate p : fit.parameters()) {
  Interval ci = p.confidenceInterval(95);
  System.out.printf(Locale.ROOT, "%-18s %12.4f  (s.e. %.4f, z %.2f, 95%% [%.1f, %.1f])%n",
      p.name(), p.estimate(), p.standardError(), p.zValue(), ci.lower(), ci.upper());
}
if (!(loglikError < 1e-6)) {
  throw new IllegalStateException("the Nile log-likelihood " + fit.logLikelihood()
      + " does not reproduce " + PUBLISHED_LOGLIK);
}

// ---------------------------------------------------------------------------------------------
// 2. The summary, laid out as statsmodels' MLEResults.summary(): the text `gramian fit` prints
// ---------------------------------------------------------------------------------------------
String summary = fit.summary();
System.out.print(summary);

// ---------------------------------------------------------------------------------------------
// 3. Filtered and smoothed level, ten-year forecast with 80% and 95% intervals
// ---------------------------------------------------------------------------------------------
StateEstimates states = fit.states();
int HORIZON = 10;
SeriesForecast forecast = fit.forecast(HORIZON, 80, 95);

ComponentPlot.writePng(ComponentPlotData.fromFit("nile.csv", fit, Optional.of(forecast)),
    OUT.resolve("nile-level.png"));

// the level at a few dates, smoothed (all data) against filtered (data up to t)
int[] shown = {0, 27, 28, 99};   // 1871, 1898, 1899 (the Aswan dam), 1970

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
  for (ParameterEstimate p : fit.parameters()) {
    md("| %s | %.4f | %s |", p.name(), p.estimate(),
        p.hasStandardError() ? String.format(Locale.ROOT, "%.4f", p.standardError()) : "–");
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
  Estimate filteredLevel = states.filtered("level");
  Estimate smoothedLevel = states.smoothed("level");
  for (int t : shown) {
    md("| %s | %.0f | %.1f | %.1f | %.1f |", states.times().get(t), states.observations()[t],
        filteredLevel.mean(t), smoothedLevel.mean(t), smoothedLevel.sd(t));
  }
  md("");
  md("Forecast (the level is a random walk, so the mean stays at the last filtered level %.1f "
      + "and the bands widen):", filteredLevel.mean(nile.length() - 1));
  md("");
  md("| year | mean | s.e. | 80%% interval | 95%% interval |");
  md("|---|---:|---:|---|---|");
  for (ForecastStep f : forecast.steps()) {
    md("| %s | %.1f | %.1f | [%.1f, %.1f] | [%.1f, %.1f] |", f.period(), f.mean(),
        f.standardError(), f.interval(80).lower(), f.interval(80).upper(),
        f.interval(95).lower(), f.interval(95).upper());
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

  boolean ok = fit.converged() && loglikError < 1e-6 && Double.isFinite(forecast.step(HORIZON).standardError())
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
