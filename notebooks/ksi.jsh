// UK drivers killed or seriously injured (KSI) and the 1983 seat-belt law.
//
// Commandeur & Koopman (2007), An Introduction to State Space Time Series Analysis, chapter 7:
// the log of the monthly number of car drivers killed or seriously injured in Great Britain,
// January 1969 to December 1984 (seatbelts.csv, column drivers), with
//
//     y_t = μ_t + γ_t + β log(petrol price_t) + λ law_t + ε_t
//     μ_{t+1} = μ_t + ξ_t                          stochastic level
//     γ_{t+1} = −γ_t − … − γ_{t−10} + ω_t           stochastic dummy seasonal, period 12
//     β_{t+1} = β_t,  λ_{t+1} = λ_t                 regression coefficients as states
//
// μ_1, γ_1 … γ_{−9}, β and λ are exactly diffuse, so the coefficients are estimated by the
// filter (recursive least squares inside the Kalman filter) and the three variances by exact
// diffuse maximum likelihood. law_t is 1 from February 1983, when wearing a seat belt in the
// front seats became compulsory. The notebook reports the law's effect λ from the smoothed
// regression state, with its standard error from the smoothed state variance, and plots the
// level, the level plus both regression effects, and the seasonal.
//
// Run it from the repository root:
//
//     ./notebooks/run ksi.jsh            (output in notebooks/out/ksi/)
//
// Output: ksi-components.png, ksi-forecast-1984.png, report.md.

import io.gramian.datasets.*;
import io.gramian.estimation.model.*;
import io.gramian.estimation.fit.*;
import io.gramian.estimation.models.*;
import io.gramian.estimation.plot.*;
import io.gramian.estimation.results.*;
import io.gramian.estimation.plot.ComponentPlotData.Component;
import io.gramian.autodiff.TriaRule;
import io.gramian.kalman.*;
import org.ejml.data.DMatrixRMaj;

Path OUT = Path.of(System.getProperty("notebook.out", "notebooks/out/ksi"));
Files.createDirectories(OUT);
long started = System.nanoTime();
// JShell reports a failed snippet and carries on; the last cell sets this to 0 only after it has
// checked the results and written the report, and /exit returns it.
int status = 1;
StringBuilder report = new StringBuilder();
void md(String format, Object... args) { report.append(String.format(Locale.ROOT, format, args)).append('\n'); }

// ---------------------------------------------------------------------------------------------
// 1. Data: log KSI, log petrol price and the law dummy
// ---------------------------------------------------------------------------------------------
TimeSeriesFrame belts = Datasets.seatbelts();
TimeSeries ksi = belts.column("drivers").log().withName("log KSI");
int T = ksi.length();
double[] logPetrol = belts.column("PetrolPrice").log().values();
double[] law = belts.column("law").values();
int lawStart = 0;
while (law[lawStart] == 0) lawStart++;
DMatrixRMaj exog = new DMatrixRMaj(T, 2);
for (int t = 0; t < T; t++) { exog.set(t, 0, logPetrol[t]); exog.set(t, 1, law[t]); }
ModelData data = new ModelData(new DMatrixRMaj(T, 1, true, ksi.values()), exog,
    List.of("log_petrol", "law"));
System.out.printf("%d months, %s to %s; the law applies from %s%n", T, ksi.label(0),
    ksi.label(T - 1), ksi.label(lawStart));

// ---------------------------------------------------------------------------------------------
// 2. The model and its fit
// ---------------------------------------------------------------------------------------------
UnobservedComponents model = UnobservedComponents.of(
    UnobservedComponentsSpec.builder(TrendSpecification.LOCAL_LEVEL)
        .seasonal(12)
        .exog("log_petrol", "law")
        .build());
FitResult fit = MaximumLikelihood.fit(model, data, FitOptions.defaults());
List<String> states = model.stateNames();
int nx = states.size();
int LEVEL = states.indexOf("level");
int SEASONAL = states.indexOf("seasonal");
int PETROL = states.indexOf("beta.log_petrol");
int LAW = states.indexOf("beta.law");
// statsmodels 0.13.5, same model (exact diffuse, coefficients as diffuse states): case
// CK_statsmodels_ck7.2 of estimation/src/test/resources/io/gramian/estimation/models/cases.csv
double REFERENCE_LOGLIK = 184.2277429;
System.out.printf(Locale.ROOT, "%s: ℓ = %.7f (statsmodels %.7f), %d iterations%n", model.name(),
    fit.logLikelihood(), REFERENCE_LOGLIK, fit.iterations());

// ---------------------------------------------------------------------------------------------
// 3. Smoothed states: the regression coefficients and their standard errors
// ---------------------------------------------------------------------------------------------
LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
StateSpace system = ll.system(fit.estimates());    // H_t carries log petrol_t and law_t
SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
// β and λ are constant states, so their smoothed values are the same at every t: the GLS
// estimates from all the data. Their standard errors are the smoothed standard deviations.
double beta = smoothed.smoothedMean(0)[PETROL];
double betaSe = smoothed.smoothedStd(0)[PETROL];
double lambda = smoothed.smoothedMean(0)[LAW];
double lambdaSe = smoothed.smoothedStd(0)[LAW];
double lambdaDrift = Math.abs(smoothed.smoothedMean(T - 1)[LAW] - lambda);
double lawPercent = 100 * (Math.exp(lambda) - 1);
double lawLow = 100 * (Math.exp(lambda - Estimate.Z95 * lambdaSe) - 1);
double lawHigh = 100 * (Math.exp(lambda + Estimate.Z95 * lambdaSe) - 1);
// In numbers: KSI in the 23 law months against the counterfactual without the law (× e^−λ).
double actual = 0, counterfactual = 0;
for (int t = lawStart; t < T; t++) {
  actual += Math.exp(ksi.value(t));
  counterfactual += Math.exp(ksi.value(t) - lambda);
}
System.out.printf(Locale.ROOT, "law: λ = %.5f (s.e. %.5f), %.1f%% [%.1f%%, %.1f%%]%n", lambda,
    lambdaSe, lawPercent, lawLow, lawHigh);
System.out.printf(Locale.ROOT, "log petrol price: β = %.5f (s.e. %.5f)%n", beta, betaSe);

// ---------------------------------------------------------------------------------------------
// 4. The figure: data and signal, the level with both regression effects, the seasonal
// ---------------------------------------------------------------------------------------------
// On its own the level is poorly determined (it trades off against β log petrol, which is
// never near zero), so the figure shows Commandeur & Koopman's "trend": level + β log petrolₜ
// + λ lawₜ. Its weights wₜ = e_level + log petrolₜ e_β + lawₜ e_λ vary with t, so it is
// computed here: mean wₜᵀm and standard deviation ‖Sᵀwₜ‖ for the state's mean m and factor S.
double[] meanAndSd(double[] w, double[] m, DMatrixRMaj S) {
  double mean = 0;
  for (int i = 0; i < w.length; i++) mean += w[i] * m[i];
  double var = 0;
  for (int j = 0; j < S.numCols; j++) {
    double v = 0;
    for (int i = 0; i < w.length; i++) v += w[i] * S.get(i, j);
    var += v * v;
  }
  return new double[] {mean, Math.sqrt(var)};
}
Estimate[] levelPlusRegression() {
  double[] fm = new double[T], fs = new double[T], sm = new double[T], ss = new double[T];
  for (int t = 0; t < T; t++) {
    double[] w = new double[nx];
    w[LEVEL] = 1;
    w[PETROL] = logPetrol[t];
    w[LAW] = law[t];
    double[] s = meanAndSd(w, smoothed.smoothedMean(t), smoothed.smoothedFactor(t));
    sm[t] = s[0];
    ss[t] = s[1];
    // filtered moments are proper once every diffuse direction is identified (the law's
    // coefficient only from its first month)
    boolean identified = t + 1 >= T || !fit.filter().isDiffuse(t + 1);
    double[] f = identified
        ? meanAndSd(w, fit.filter().filteredMean(t), fit.filter().filteredFactor(t))
        : new double[] {Double.NaN, Double.NaN};
    fm[t] = f[0];
    fs[t] = f[1];
  }
  return new Estimate[] {new Estimate(fm, fs), new Estimate(sm, ss)};
}
ComponentPlotData base = ComponentPlotData.of(
    "UK drivers killed or seriously injured, and the seat-belt law",
    String.format(Locale.ROOT,
        "log KSI, %s to %s;  local level + stochastic seasonal(12) + log petrol price + law;  "
            + "law effect λ = %.3f (s.e. %.3f): %.0f%% fewer KSI", ksi.label(0), ksi.label(T - 1),
        lambda, lambdaSe, -lawPercent),
    ksi, system, fit.filter(), smoothed, Optional.empty(),
    List.of(ComponentSpec.state("seasonal", nx, SEASONAL)));
Estimate[] lr = levelPlusRegression();
ComponentPlotData plot = new ComponentPlotData(base.title(), base.subtitle(), base.times(),
    base.seriesName(), base.observations(), base.signal(),
    List.of(new Component("level + petrol + law", lr[0], lr[1], null), base.components().get(0)),
    base.forecast());
// Mark the law's first month on every panel of the library's chart, then draw it.
org.jfree.chart.JFreeChart chart = ComponentPlot.chart(plot);
org.jfree.chart.plot.CombinedDomainXYPlot panels =
    (org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot();
for (Object o : panels.getSubplots()) {
  org.jfree.chart.plot.ValueMarker m =
      new org.jfree.chart.plot.ValueMarker(plot.times().value(lawStart) - 15 * 86_400_000.0);
  m.setPaint(new java.awt.Color(0xc0, 0x39, 0x2b));
  m.setStroke(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT,
      java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));
  if (o == panels.getSubplots().get(0)) {
    m.setLabel("seat-belt law, " + ksi.label(lawStart));
    m.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
    m.setLabelPaint(new java.awt.Color(0xc0, 0x39, 0x2b));
    m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 220));
    m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 6, 4, 6));
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
  }
  ((org.jfree.chart.plot.XYPlot) o).addDomainMarker(m);
}
org.jfree.chart.ChartUtils.saveChartAsPNG(OUT.resolve("ksi-components.png").toFile(), chart,
    1200, 900);

// ---------------------------------------------------------------------------------------------
// 5. Forecasting 1984 from 1969-1983, with 1984's petrol price and law, in numbers of drivers
// ---------------------------------------------------------------------------------------------
// The same model fitted to the first 180 months; the forecast of 1984 uses the regressors' values
// over the horizon (as `gramian fit --exog … --forecast 12 --future FUTURE.csv` reads them), and
// is carried back from log KSI to KSI: the median exp(μ), the log-normal mean exp(μ + σ²/2) and
// the bounds exp(μ ∓ 1.96 σ).
int FITTED = T - 12;
DMatrixRMaj exogFitted = org.ejml.dense.row.CommonOps_DDRM.extract(exog, 0, FITTED, 0, 2);
DMatrixRMaj exog1984 = org.ejml.dense.row.CommonOps_DDRM.extract(exog, FITTED, T, 0, 2);
TimeSeries ksiFitted = ksi.slice(0, FITTED);
FitResult early = MaximumLikelihood.fit(model,
    new ModelData(ksiFitted, exogFitted, List.of("log_petrol", "law")), FitOptions.defaults());
SeriesForecast forecast1984 = early.forecast(12, exog1984, 80, 95);
OriginalScaleForecast drivers1984 = forecast1984.originalScale(Math.E);
int covered = 0;
double absolutePercentError = 0;
for (int h = 1; h <= 12; h++) {
  double y = Math.exp(ksi.value(FITTED + h - 1));
  Interval band = drivers1984.step(h).interval(95);
  if (y >= band.lower() && y <= band.upper()) covered++;
  absolutePercentError += 100 * Math.abs(y - drivers1984.step(h).median()) / y / 12;
}
System.out.printf(Locale.ROOT, "1984 forecast: %d of 12 months inside the 95%% interval, "
    + "mean absolute error %.1f%% of the median%n", covered, absolutePercentError);
{
  StateSpace earlySystem = early.system();
  SmootherResult earlySmoothed =
      RtsSmoother.forSystem(earlySystem).smooth(earlySystem, early.filter());
  ComponentPlotData forecastPlot = ComponentPlotData.of(
      "UK drivers KSI: 1984 forecast from 1969-1983 with 1984's petrol price and law",
      "log KSI, local level + seasonal(12) + log petrol price + law; the top panel in drivers",
      ksiFitted, earlySystem, early.filter(), earlySmoothed,
      Optional.of(forecast1984.moments()),
      List.of(ComponentSpec.state("seasonal", nx, SEASONAL)));
  ComponentPlot.writePng(forecastPlot,
      OriginalScalePanel.of(belts.column("drivers").slice(0, FITTED), drivers1984, "log"),
      OUT.resolve("ksi-forecast-1984.png"));
}

// ---------------------------------------------------------------------------------------------
// 6. Report (one cell: it checks the results, writes report.md and only then sets status = 0)
// ---------------------------------------------------------------------------------------------
{
  double[] se = fit.standardErrors();   // NaN: undefined
  md("# UK drivers KSI and the seat-belt law");
  md("");
  md("Commandeur & Koopman (2007), chapter 7: log of the monthly drivers killed or seriously "
      + "injured, %s to %s (%d months), with a stochastic level, a stochastic dummy seasonal "
      + "(period 12) and two regressors whose coefficients are exactly diffuse states: the log "
      + "petrol price and the seat-belt law dummy (1 from %s, %d months).", ksi.label(0),
      ksi.label(T - 1), T, ksi.label(lawStart), T - lawStart);
  md("");
  md("## Maximum likelihood");
  md("");
  md("| parameter | estimate | std. error (%s) |", fit.covarianceType());
  md("|---|---:|---:|");
  for (int i = 0; i < fit.estimates().length; i++) {
    md("| %s | %.6g | %s |", fit.parameterNames().get(i), fit.estimates()[i],
        Double.isNaN(se[i]) ? "–" : String.format(Locale.ROOT, "%.3g", se[i]));
  }
  md("");
  md("ℓ = %.7f (exact diffuse; statsmodels 0.13.5 gives %.7f for the same model, "
      + "|difference| %.1e). %d iterations, %s.%s", fit.logLikelihood(),
      REFERENCE_LOGLIK, Math.abs(fit.logLikelihood() - REFERENCE_LOGLIK), fit.iterations(),
      fit.converged() ? "converged" : "NOT converged",
      fit.estimate("sigma2.seasonal") < 1e-10
          ? " The seasonal variance goes to its zero boundary: the seasonal pattern is fixed, "
              + "as Commandeur & Koopman find."
          : "");
  md("");
  md("## Regression effects (smoothed regression states)");
  md("");
  md("| regressor | coefficient | std. error | t |");
  md("|---|---:|---:|---:|");
  md("| log petrol price (β) | %.5f | %.5f | %.2f |", beta, betaSe, beta / betaSe);
  md("| seat-belt law (λ) | %.5f | %.5f | %.2f |", lambda, lambdaSe, lambda / lambdaSe);
  md("");
  md("The law lowered KSI by **%.1f%%** (1 − e^λ; 95%% interval %.1f%% to %.1f%%): over its "
      + "first %d months %.0f drivers were killed or seriously injured where about %.0f would "
      + "have been without it, %.0f fewer. A 1%% rise in the petrol price lowers KSI by about "
      + "%.2f%%.", -lawPercent, -lawHigh, -lawLow, T - lawStart, actual, counterfactual,
      counterfactual - actual, -beta);
  md("");
  md("Standard errors are the smoothed standard deviations of the coefficient states (the "
      + "variances fixed at their estimates). The coefficients are constant states, so their "
      + "smoothed values agree at every t (largest drift %.1e).", lambdaDrift);
  md("");
  md("Every diffuse direction is identified only once the law switches on, so the first "
      + "%d steps are diffuse: the residual tests use the last %d months only (Ljung–Box "
      + "Q(1) p = %.2f, H p = %.2f, Jarque–Bera p = %.2f).", fit.diffuseSteps(),
      T - fit.diffuseSteps(), fit.diagnostics().ljungBox().pValue(),
      fit.diagnostics().heteroskedasticity().pValue(), fit.diagnostics().jarqueBera().pValue());
  md("");
  md("![components](ksi-components.png)");
  md("");
  md("## Forecasting 1984");
  md("");
  md("The model fitted to %s to %s (ℓ = %.4f) forecasts 1984 from that year's petrol price and "
      + "the law (in force throughout), in drivers: the median exp(μ), the log-normal mean "
      + "exp(μ + σ²/2) and the 95%% interval exp(μ ∓ 1.96σ) of the log forecast. %d of the 12 "
      + "months fall inside the interval; the median is off by %.1f%% on average.",
      ksiFitted.label(0), ksiFitted.label(FITTED - 1), early.logLikelihood(), covered,
      absolutePercentError);
  md("");
  md("| month | KSI | median | mean | 95%% interval |");
  md("|---|---:|---:|---:|---|");
  for (OriginalScaleStep s : drivers1984.steps()) {
    md("| %s | %.0f | %.0f | %.0f | %.0f to %.0f |", s.period(),
        Math.exp(ksi.value(FITTED + s.step() - 1)), s.median(), s.mean(),
        s.interval(95).lower(), s.interval(95).upper());
  }
  md("");
  md("![forecast](ksi-forecast-1984.png)");
  md("");
  md("_Ran in %.1f s._", (System.nanoTime() - started) / 1e9);

  boolean ok = fit.converged() && Math.abs(fit.logLikelihood() - REFERENCE_LOGLIK) < 1e-5
      && lambda < 0 && Double.isFinite(lambdaSe) && lambdaSe > 0 && lambdaDrift < 1e-8
      && Files.size(OUT.resolve("ksi-components.png")) > 10_000
      && early.converged() && covered >= 10 && absolutePercentError < 10
      && drivers1984.step(1).mean() > drivers1984.step(1).median()
      && Files.size(OUT.resolve("ksi-forecast-1984.png")) > 10_000;
  if (ok) {
    Files.writeString(OUT.resolve("report.md"), report.toString());
    System.out.println("wrote " + OUT.toAbsolutePath());
    status = 0;
  } else {
    System.out.println("FAILED: a result is missing or wrong; no report written");
  }
}
/exit status
