// Many series: one model fitted to three hundred series on every core.
//
// A demand planner's day: hundreds of series (one per product or store), the same model for each,
// a table of results. The notebook simulates 300 monthly local-level series of 120 to 200 points
// from a fixed seed (y_t = μ_t + ε_t, μ_{t+1} = μ_t + η_t, σ²_ε = 1, σ²_η drawn between 0.01 and
// 1), puts three outliers into 15 of them, adds two series that cannot be fitted (a constant one
// and one of two points), and fits them all with BatchFit on every core. It shows the results
// table (the rows `gramian fit-many` writes), how well σ²_η is recovered across the 300 series
// (the distribution of log10 σ̂²_η / σ²_η), and the worst fits (lowest ℓ per observation) with
// their twelve-month forecasts.
//
// Run it from the repository root:
//
//     ./notebooks/run many-series.jsh     (output in notebooks/out/many-series/)
//
// Output: many-series-estimates.png, many-series-worst.png, results.csv, report.md.

import io.gramian.datasets.*;
import io.gramian.estimation.batch.*;
import org.jfree.chart.*;
import org.jfree.chart.axis.*;
import org.jfree.chart.plot.*;
import org.jfree.chart.renderer.xy.*;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.*;
import java.awt.BasicStroke;
import java.awt.Color;

Path OUT = Path.of(System.getProperty("notebook.out", "notebooks/out/many-series"));
Files.createDirectories(OUT);
// JShell reports a failed snippet and carries on; the last cell sets this to 0 only after it has
// checked the results and written the report, and /exit returns it.
int status = 1;
StringBuilder report = new StringBuilder();
void md(String format, Object... args) { report.append(String.format(Locale.ROOT, format, args)).append('\n'); }

// ---------------------------------------------------------------------------------------------
// 1. The series: simulated from a seed, with known σ²_η
// ---------------------------------------------------------------------------------------------
int SERIES = 300;
int CONTAMINATED = 15;     // the first 15 series get three outliers of 8 σ_ε each
double OUTLIER = 8;
Random random = new Random(20261204);
List<TimeSeries> series = new ArrayList<>();
Map<String, Double> trueLevelVariance = new HashMap<>();
Set<String> contaminated = new HashSet<>();
for (int s = 0; s < SERIES; s++) {
  int n = 120 + random.nextInt(81);
  double q = Math.pow(10, -2 + 2 * random.nextDouble());
  double level = 100 + 10 * random.nextGaussian();
  double[] y = new double[n];
  for (int t = 0; t < n; t++) {
    y[t] = level + random.nextGaussian();
    level += Math.sqrt(q) * random.nextGaussian();
  }
  String id = String.format(Locale.ROOT, "item%03d", s);
  if (s < CONTAMINATED) {
    for (int k = 0; k < 3; k++) {
      y[20 + random.nextInt(n - 40)] += (random.nextBoolean() ? OUTLIER : -OUTLIER);
    }
    contaminated.add(id);
  }
  trueLevelVariance.put(id, q);
  series.add(TimeSeries.of(id, TimeIndex.monthly(2010, 1, n), y));
}
series.add(TimeSeries.of("flat", TimeIndex.monthly(2010, 1, 60), new double[60]));
series.add(TimeSeries.of("stub", TimeIndex.monthly(2010, 1, 2), new double[] {3, 4}));

// ---------------------------------------------------------------------------------------------
// 2. One specification, every series, every core
// ---------------------------------------------------------------------------------------------
int HORIZON = 12;
BatchFit batch = new BatchFit(FitSpec.of(ModelSpec.named("local-level")).withForecast(HORIZON));
int threads = BatchFit.defaultThreads();
long started = System.nanoTime();
List<SeriesResult> results = batch.fitAll(series, threads);
double seconds = (System.nanoTime() - started) / 1e9;
long ok = results.stream().filter(SeriesResult::isOk).count();
List<SeriesResult> failed = results.stream().filter(r -> !r.isOk()).toList();
System.out.printf(Locale.ROOT, "%d series on %d threads in %.1f s: %d fitted, %d failed%n",
    results.size(), threads, seconds, ok, failed.size());
for (SeriesResult r : failed) System.out.println("  " + r.id() + ": " + r.message());

// the table gramian fit-many writes, from the same formatter
List<String> csv = new ArrayList<>();
csv.add(ResultsTable.csvHeader(batch.parameterNames()));
for (SeriesResult r : results) csv.add(ResultsTable.csvRow(r, batch.parameterNames()));
Files.write(OUT.resolve("results.csv"), csv);

// ---------------------------------------------------------------------------------------------
// 3. How well is σ²_η recovered? log10 of estimate over truth, clean series only
// ---------------------------------------------------------------------------------------------
List<Double> logRatios = new ArrayList<>();
int atZero = 0;
for (SeriesResult r : results) {
  if (!r.isOk() || contaminated.contains(r.id())) continue;
  double estimate = r.fit().estimate("sigma2.level");
  if (estimate <= 0) { atZero++; continue; }
  logRatios.add(Math.log10(estimate / trueLevelVariance.get(r.id())));
}
double[] sortedRatios = logRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
double medianLogRatio = sortedRatios[sortedRatios.length / 2];
double q10 = sortedRatios[sortedRatios.length / 10];
double q90 = sortedRatios[9 * sortedRatios.length / 10];
System.out.printf(Locale.ROOT, "log10(σ̂²_η/σ²_η): median %.3f, 10%% %.3f, 90%% %.3f; %d at zero%n",
    medianLogRatio, q10, q90, atZero);
{
  HistogramDataset histogram = new HistogramDataset();
  histogram.addSeries("clean series", sortedRatios, 30);
  JFreeChart chart = ChartFactory.createHistogram(
      "Recovery of σ²_η across " + sortedRatios.length + " clean series",
      "log10( estimated σ²_η / true σ²_η )", "series", histogram);
  chart.setBackgroundPaint(Color.WHITE);
  XYPlot plot = chart.getXYPlot();
  plot.setBackgroundPaint(Color.WHITE);
  plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
  plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
  XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
  bars.setBarPainter(new StandardXYBarPainter());
  bars.setShadowVisible(false);
  bars.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xa8));
  plot.addDomainMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.5f)));
  chart.removeLegend();
  ChartUtils.saveChartAsPNG(OUT.resolve("many-series-estimates.png").toFile(), chart, 1000, 600);
}

// ---------------------------------------------------------------------------------------------
// 4. The worst fits: lowest ℓ per observation (every series has σ²_ε = 1, so ℓ/n compares)
// ---------------------------------------------------------------------------------------------
int WORST = 4;
List<SeriesResult> worst = results.stream().filter(SeriesResult::isOk).sorted(
    Comparator.comparingDouble(r -> r.fit().logLikelihood() / r.nobs())).limit(WORST).toList();
long worstContaminated = worst.stream().filter(r -> contaminated.contains(r.id())).count();
for (SeriesResult r : worst) {
  System.out.printf(Locale.ROOT, "worst: %s ℓ/n = %.3f%s%n", r.id(),
      r.fit().logLikelihood() / r.nobs(), contaminated.contains(r.id()) ? " (outliers)" : "");
}
{
  Map<String, TimeSeries> byId = new HashMap<>();
  for (TimeSeries s : series) byId.put(s.name(), s);
  CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("month"));
  for (SeriesResult r : worst) {
    TimeSeries s = byId.get(r.id());
    XYSeries data = new XYSeries("data");
    for (int t = 0; t < s.length(); t++) data.add(t + 1, s.value(t));
    XYSeries mean = new XYSeries("forecast");
    XYSeries lower = new XYSeries("95% interval");
    XYSeries upper = new XYSeries("upper");
    for (ForecastPoint p : r.fit().forecast()) {
      mean.add(s.length() + p.step(), p.mean());
      lower.add(s.length() + p.step(), p.lower());
      upper.add(s.length() + p.step(), p.upper());
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(data);
    lines.addSeries(mean);
    lines.addSeries(lower);
    lines.addSeries(upper);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, new Color(0x33, 0x33, 0x33));
    renderer.setSeriesPaint(1, new Color(0xd9, 0x5f, 0x0e));
    renderer.setSeriesPaint(2, new Color(0xd9, 0x5f, 0x0e));
    renderer.setSeriesPaint(3, new Color(0xd9, 0x5f, 0x0e));
    BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {5f, 4f}, 0f);
    renderer.setSeriesStroke(2, dashed);
    renderer.setSeriesStroke(3, dashed);
    NumberAxis axis = new NumberAxis(String.format(Locale.ROOT, "%s, ℓ/n %.2f", r.id(),
        r.fit().logLikelihood() / r.nobs()));
    axis.setAutoRangeIncludesZero(false);
    XYPlot panel = new XYPlot(lines, null, axis, renderer);
    panel.setBackgroundPaint(Color.WHITE);
    panel.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    combined.add(panel);
  }
  JFreeChart chart = new JFreeChart("The " + WORST + " worst fits (lowest ℓ per observation), "
      + "with 12-month forecasts", JFreeChart.DEFAULT_TITLE_FONT, combined, false);
  chart.setBackgroundPaint(Color.WHITE);
  ChartUtils.saveChartAsPNG(OUT.resolve("many-series-worst.png").toFile(), chart, 1000, 1100);
}

// ---------------------------------------------------------------------------------------------
// 5. Report (one cell: it checks the results, writes report.md and only then sets status = 0)
// ---------------------------------------------------------------------------------------------
{
  md("# Many series: one model, %d series, every core", results.size());
  md("");
  md("%d simulated monthly local-level series (σ²_ε = 1, σ²_η between 0.01 and 1, 120 to 200 "
      + "points; %d with three outliers of %.0f σ_ε) and two that cannot be fitted, fitted with "
      + "`BatchFit` on %d threads in %.1f s: %d fitted, %d failed.", SERIES, CONTAMINATED,
      OUTLIER, threads, seconds, ok, failed.size());
  md("");
  md("| failed series | reason |");
  md("|---|---|");
  for (SeriesResult r : failed) md("| %s | %s |", r.id(), r.message());
  md("");
  md("σ²_η recovered on the %d clean series: log10(σ̂²_η / σ²_η) has median %.3f, 10%% quantile "
      + "%.3f and 90%% quantile %.3f; %d estimates at zero (`many-series-estimates.png`).",
      sortedRatios.length, medianLogRatio, q10, q90, atZero);
  md("");
  md("The %d worst fits by ℓ per observation (`many-series-worst.png`): %s; %d of them are "
      + "series with outliers.", WORST,
      String.join(", ", worst.stream().map(SeriesResult::id).toList()), worstContaminated);
  md("");
  md("The results table, as `gramian fit-many` writes it: `results.csv`.");
  boolean good = ok == SERIES && failed.size() == 2
      && failed.get(0).message().contains("constant")
      && Math.abs(medianLogRatio) < 0.15 && worstContaminated >= WORST - 1
      && Files.size(OUT.resolve("many-series-estimates.png")) > 10_000
      && Files.size(OUT.resolve("many-series-worst.png")) > 10_000;
  if (good) {
    Files.writeString(OUT.resolve("report.md"), report.toString());
    System.out.println("wrote " + OUT.toAbsolutePath());
    status = 0;
  } else {
    System.out.println("FAILED: a result is missing or wrong; no report written");
  }
}
/exit status
