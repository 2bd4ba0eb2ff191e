// Exact channels: an accounting identity among observed series, where a covariance filter breaks
// and a jitter changes the answer.
//
// The UK front- and rear-seat casualties (seatbelts.csv, monthly 1969–1984) and their total,
// total = front + rear, modelled together: a SUTSE local level of front and rear (docs/models.md
// §9), with the total's row of H, d and of the noise factor cholR the sum of the parts' rows
// (ExactChannels, command line `--identity total=front+rear`). The three series' observation noise
// covariance is then singular (rank 2 of 3) and the total's innovation is always the sum of the
// parts': the joint density is the parts' density, and where a part is missing the total tells the
// filter what it was.
//
// statsmodels' side is the committed script
// notebooks/src/test/resources/io/gramian/notebooks/statsmodels_exact_channels.py and its output
// (.csv beside it): the same model as a custom MLEModel. This notebook computes Gramian's ℓ and
// exact gradient at the script's parameters, compares them with statsmodels' conventional filter
// (its default), its univariate filter and a jitter on obs_cov, fits the identity model on data
// with every fifth front value missing, and plots the jitter's effect and the smoothed front.
//
// Run it from the repository root:
//
//     ./notebooks/run exact-channels.jsh            (output in notebooks/out/exact-channels/)
//
// Output: exact-channels-jitter.png, exact-channels-front.png, report.md.

import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.*;
import io.gramian.estimation.fit.*;
import io.gramian.estimation.model.*;
import io.gramian.estimation.models.Sutse;
import io.gramian.kalman.*;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.*;
import org.jfree.chart.axis.*;
import org.jfree.chart.plot.*;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.*;
import java.awt.BasicStroke;
import java.awt.Color;

Path OUT = Path.of(System.getProperty("notebook.out", "notebooks/out/exact-channels"));
Path ROOT = Path.of(System.getProperty("gramian.root", "."));
Files.createDirectories(OUT);
long started = System.nanoTime();
// JShell reports a failed snippet and carries on; the last cell sets this to 0 only after it has
// checked the results and written the report, and /exit returns it.
int status = 1;
StringBuilder report = new StringBuilder();
void md(String format, Object... args) { report.append(String.format(Locale.ROOT, format, args)).append('\n'); }

// ---------------------------------------------------------------------------------------------
// 1. Data and statsmodels' reference values
// ---------------------------------------------------------------------------------------------
TimeSeriesFrame seatbelts = Datasets.seatbelts();
int T = seatbelts.length();
double[] front = seatbelts.column("front").values();
double[] rear = seatbelts.column("rear").values();
DMatrixRMaj threeColumns(boolean missingFront) {  // front (blank in rows 1, 6, 11, … if asked), rear, total
  DMatrixRMaj y = new DMatrixRMaj(T, 3);
  for (int t = 0; t < T; t++) {
    y.set(t, 0, missingFront && t % 5 == 0 ? Double.NaN : front[t]);
    y.set(t, 1, rear[t]);
    y.set(t, 2, front[t] + rear[t]);
  }
  return y;
}
Map<String, Double> statsmodels = new LinkedHashMap<>();
for (String line : Files.readAllLines(ROOT.resolve(
    "notebooks/src/test/resources/io/gramian/notebooks/statsmodels_exact_channels.csv")).subList(1, 12)) {
  String[] f = line.split(",");
  statsmodels.put(f[0], Double.parseDouble(f[2]));
}
System.out.println("statsmodels: " + statsmodels);

// ---------------------------------------------------------------------------------------------
// 2. ℓ and its exact gradient at the script's parameters
// ---------------------------------------------------------------------------------------------
List<String> PARTS = List.of("front", "rear");
ExactChannels identity = new ExactChannels(Sutse.localLevel(PARTS), List.of(),
    List.of(ObservationIdentity.parse("total=front+rear")));
double[] P = {90, -30, 70, 20, 15, 12};
LogLikelihood complete = new LogLikelihood(identity, new ModelData(threeColumns(false), null, null),
    Map.of(), TriaRule.MASKED);
double llComplete = complete.value(complete.layout().unconstrained(P));
LogLikelihood gappy = new LogLikelihood(identity, new ModelData(threeColumns(true), null, null),
    Map.of(), TriaRule.MASKED);
double llMissing = gappy.value(gappy.layout().unconstrained(P));
System.out.printf(Locale.ROOT, "Gramian ℓ: complete %.12f, every fifth front missing %.12f%n",
    llComplete, llMissing);

/** Largest relative difference between the exact gradient and central differences (h = 1e-5). */
double gradientError(LogLikelihood ll, double[] natural) {
  double[] theta = ll.layout().unconstrained(natural);
  double[] g = new double[theta.length];
  ll.valueAndGradient(theta, g);
  double worst = 0;
  for (int j = 0; j < theta.length; j++) {
    double[] plus = theta.clone(), minus = theta.clone();
    plus[j] += 1e-5;
    minus[j] -= 1e-5;
    double fd = (ll.value(plus) - ll.value(minus)) / 2e-5;
    worst = Math.max(worst, Math.abs(g[j] - fd) / Math.max(1, Math.abs(fd)));
  }
  return worst;
}
double gradComplete = gradientError(complete, P);
double gradMissing = gradientError(gappy, P);
System.out.printf(Locale.ROOT, "gradient vs differences: %.2e, %.2e%n", gradComplete, gradMissing);

// ---------------------------------------------------------------------------------------------
// 3. Fits on the data with front missing in every fifth month: with and without the total
// ---------------------------------------------------------------------------------------------
FitResult withTotal = MaximumLikelihood.fit(identity, new ModelData(threeColumns(true), null, null),
    FitOptions.defaults());
DMatrixRMaj twoColumns = new DMatrixRMaj(T, 2);
for (int t = 0; t < T; t++) {
  twoColumns.set(t, 0, t % 5 == 0 ? Double.NaN : front[t]);
  twoColumns.set(t, 1, rear[t]);
}
FitResult partsOnly = MaximumLikelihood.fit(Sutse.localLevel(PARTS), new ModelData(twoColumns, null, null),
    FitOptions.defaults());
SmootherResult smoothed(FitResult fit) {
  StateSpace system = fit.system();
  return RtsSmoother.forSystem(system).smooth(system, fit.filter());
}
SmootherResult sWith = smoothed(withTotal), sWithout = smoothed(partsOnly);
double meanSdAtGaps(SmootherResult s) {
  double sum = 0;
  int n = 0;
  for (int t = 0; t < T; t += 5) { sum += s.smoothedStd(t)[0]; n++; }
  return sum / n;
}
double sdWith = meanSdAtGaps(sWith), sdWithout = meanSdAtGaps(sWithout);
System.out.printf(Locale.ROOT, "fits: ℓ %.3f (with total), %.3f (parts only); mean sd of front's "
    + "level at the gaps %.1f vs %.1f%n", withTotal.logLikelihood(), partsOnly.logLikelihood(),
    sdWith, sdWithout);

// ---------------------------------------------------------------------------------------------
// 4. Figures
// ---------------------------------------------------------------------------------------------
void style(JFreeChart chart) {
  chart.setBackgroundPaint(Color.WHITE);
  XYPlot plot = chart.getXYPlot();
  plot.setBackgroundPaint(Color.WHITE);
  plot.setDomainGridlinePaint(new Color(0xe3, 0xe3, 0xe3));
  plot.setRangeGridlinePaint(new Color(0xe3, 0xe3, 0xe3));
}
// Figure 1: ℓ against the jitter ε added to obs_cov, with Gramian's exact ℓ and statsmodels' default
{
  XYSeries jitter = new XYSeries("statsmodels, obs_cov + ε I");
  for (String e : List.of("1e-08", "1e-06", "0.0001", "0.01", "1")) {
    jitter.add(Double.parseDouble(e), statsmodels.get("jitter_" + e));
  }
  XYSeries exact = new XYSeries("Gramian, no jitter (= statsmodels' univariate filter)");
  XYSeries conventional = new XYSeries("statsmodels, default (conventional) filter");
  for (double e : new double[] {1e-8, 1}) {
    exact.add(e, llComplete);
    conventional.add(e, statsmodels.get("total_conventional"));
  }
  XYSeriesCollection data = new XYSeriesCollection();
  data.addSeries(jitter);
  data.addSeries(exact);
  data.addSeries(conventional);
  LogAxis x = new LogAxis("jitter ε");
  NumberAxis y = new NumberAxis("log-likelihood at the script's parameters");
  y.setAutoRangeIncludesZero(false);
  XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
  r.setSeriesPaint(0, new Color(0xd6, 0x27, 0x28));
  r.setSeriesPaint(1, new Color(0x1f, 0x77, 0xb4));
  r.setSeriesShapesVisible(1, false);
  r.setSeriesStroke(1, new BasicStroke(2.5f));
  r.setSeriesPaint(2, new Color(0x7f, 0x7f, 0x7f));
  r.setSeriesShapesVisible(2, false);
  r.setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
      new float[] {6, 4}, 0));
  JFreeChart chart = new JFreeChart("front, rear and total = front + rear: the likelihood",
      JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, x, y, r), true);
  style(chart);
  ChartUtils.saveChartAsPNG(OUT.resolve("exact-channels-jitter.png").toFile(), chart, 1100, 640);
}
// Figure 2: front's smoothed level with 95% bands, 1975–1979, with and without the total
{
  YIntervalSeries a = new YIntervalSeries("front's level, identity model (total observed)");
  YIntervalSeries b = new YIntervalSeries("front's level, front and rear only");
  XYSeries obs = new XYSeries("front observed");
  XYSeries gaps = new XYSeries("front missing (total – rear)");
  for (int t = 72; t < 132; t++) {
    double m1 = sWith.smoothedMean(t)[0], s1 = sWith.smoothedStd(t)[0];
    double m2 = sWithout.smoothedMean(t)[0], s2 = sWithout.smoothedStd(t)[0];
    a.add(t, m1, m1 - 1.96 * s1, m1 + 1.96 * s1);
    b.add(t, m2, m2 - 1.96 * s2, m2 + 1.96 * s2);
    if (t % 5 == 0) gaps.add(t, front[t]); else obs.add(t, front[t]);
  }
  YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
  bands.addSeries(b);
  bands.addSeries(a);
  DeviationRenderer dr = new DeviationRenderer(true, false);
  dr.setSeriesPaint(0, new Color(0x7f, 0x7f, 0x7f));
  dr.setSeriesFillPaint(0, new Color(0x7f, 0x7f, 0x7f));
  dr.setSeriesPaint(1, new Color(0x1f, 0x77, 0xb4));
  dr.setSeriesFillPaint(1, new Color(0x1f, 0x77, 0xb4));
  dr.setAlpha(0.2f);
  NumberAxis x = new NumberAxis("month (0 = January 1969)");
  x.setAutoRangeIncludesZero(false);
  NumberAxis y = new NumberAxis("front-seat casualties");
  y.setAutoRangeIncludesZero(false);
  XYPlot plot = new XYPlot(bands, x, y, dr);
  XYSeriesCollection points = new XYSeriesCollection();
  points.addSeries(obs);
  points.addSeries(gaps);
  XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(false, true);
  pr.setSeriesPaint(0, Color.BLACK);
  pr.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
  pr.setSeriesPaint(1, new Color(0xd6, 0x27, 0x28));
  pr.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-4, -4, 8, 8));
  plot.setDataset(1, points);
  plot.setRenderer(1, pr);
  JFreeChart chart = new JFreeChart("Every fifth front value missing: the total fills it in",
      JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  style(chart);
  ChartUtils.saveChartAsPNG(OUT.resolve("exact-channels-front.png").toFile(), chart, 1100, 640);
}

// ---------------------------------------------------------------------------------------------
// 5. Report (one cell: it checks the results, writes report.md and only then sets status = 0)
// ---------------------------------------------------------------------------------------------
{
  double parts = statsmodels.get("parts");
  md("# Exact channels: total = front + rear");
  md("");
  md("SUTSE local level of the seatbelts front- and rear-seat casualties with their total "
      + "observed as a third series (`--identity total=front+rear`), at the parameters of "
      + "`statsmodels_exact_channels.py`.");
  md("");
  md("| | log-likelihood |");
  md("|---|---|");
  md("| Gramian (identity, no option) | %.9f |", llComplete);
  md("| statsmodels, front and rear only | %.9f |", parts);
  md("| statsmodels, three series, default filter | %.9f |", statsmodels.get("total_conventional"));
  md("| statsmodels, three series, univariate filter | %.9f |", statsmodels.get("total_univariate"));
  for (String e : List.of("1e-08", "1e-06", "0.0001", "0.01", "1")) {
    md("| statsmodels, three series, obs_cov + %s I | %.3f |", e, statsmodels.get("jitter_" + e));
  }
  md("");
  md("With every fifth front value missing (the total still observed): Gramian %.9f, "
      + "statsmodels' default filter %.3f, the front-and-rear model on front filled in as "
      + "total − rear %.9f. Exact gradient against central differences: largest relative "
      + "difference %.1e (complete) and %.1e (missing).", llMissing,
      statsmodels.get("missing_total_conventional"), statsmodels.get("missing_parts_filled"),
      gradComplete, gradMissing);
  md("");
  md("Fitted on the gappy data: ℓ = %.3f with the total, %.3f without; the mean standard "
      + "deviation of front's smoothed level at the missing months is %.1f with the total and "
      + "%.1f without.", withTotal.logLikelihood(), partsOnly.logLikelihood(), sdWith, sdWithout);
  md("");
  md("![the likelihood against a jitter](exact-channels-jitter.png)");
  md("");
  md("![front's smoothed level](exact-channels-front.png)");
  md("");
  md("_Ran in %.1f s._", (System.nanoTime() - started) / 1e9);

  Map<String, Boolean> checks = new LinkedHashMap<>();
  checks.put("ℓ equals statsmodels' parts ℓ", Math.abs(llComplete - parts) <= 1e-10 * Math.abs(parts));
  checks.put("ℓ with a missing part equals the filled-in parts' ℓ",
      Math.abs(llMissing - statsmodels.get("missing_parts_filled")) <= 1e-10 * Math.abs(llMissing));
  checks.put("statsmodels' default filter is off by more than 100",
      Math.abs(statsmodels.get("total_conventional") - llComplete) > 100);
  checks.put("gradients exact", gradComplete < 1e-5 && gradMissing < 1e-5);
  checks.put("fits converged", withTotal.converged() && partsOnly.converged());
  checks.put("the total narrows front's level at the gaps", sdWith < sdWithout);
  checks.put("figures written", Files.size(OUT.resolve("exact-channels-jitter.png")) > 10_000
      && Files.size(OUT.resolve("exact-channels-front.png")) > 10_000);
  checks.forEach((k, v) -> { if (!v) System.out.println("check failed: " + k); });
  if (!checks.containsValue(false)) {
    Files.writeString(OUT.resolve("report.md"), report.toString());
    System.out.println("wrote " + OUT.toAbsolutePath());
    status = 0;
  } else {
    System.out.println("FAILED: a result is missing or wrong; no report written");
  }
}
/exit status
