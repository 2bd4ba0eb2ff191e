package io.gramian.estimation.plot;

import io.gramian.estimation.diagnostics.Heteroskedasticity;
import io.gramian.estimation.diagnostics.Histogram;
import io.gramian.estimation.diagnostics.JarqueBera;
import io.gramian.estimation.diagnostics.KernelDensity;
import io.gramian.estimation.diagnostics.LjungBox;
import io.gramian.estimation.diagnostics.NormalQuantiles;
import io.gramian.estimation.diagnostics.SampleAutocorrelation;
import io.gramian.estimation.diagnostics.StandardNormal;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Residual diagnostics as one PNG of four panels, like statsmodels' {@code plot_diagnostics}: the
 * standardized residuals over time; their histogram with a kernel density estimate and the N(0, 1)
 * density; a normal Q–Q plot with the 45° line; and the correlogram (sample autocorrelations at
 * lags 1 … L with the ±1.96/√n bounds). Missing residuals (NaN: missing observations, diffuse
 * steps) are skipped. The subtitle reports the Ljung–Box, heteroskedasticity and Jarque–Bera tests
 * of the {@code diagnostics} package, which also computes what the panels show ({@link Histogram},
 * {@link KernelDensity}, {@link NormalQuantiles}, {@link SampleAutocorrelation}): this class only
 * draws.
 *
 * <p>Rendering needs no display. {@link #writePng} sets {@code java.awt.headless=true} before
 * drawing unless the application has set that property itself; {@link #render} and {@link #panels}
 * leave it to the application.
 */
public final class DiagnosticsPlot {

  /** Default image width in pixels. */
  public static final int DEFAULT_WIDTH = 1200;

  /** Default image height in pixels. */
  public static final int DEFAULT_HEIGHT = 900;

  private static final Color HISTOGRAM = new Color(0xb7, 0xcd, 0xe6);

  private static final Color CORRELOGRAM_BAND = new Color(0xe4, 0xec, 0xf6);

  private DiagnosticsPlot() {}

  /** Writes the figure as a {@value #DEFAULT_WIDTH} × {@value #DEFAULT_HEIGHT} PNG. */
  public static void writePng(DiagnosticsPlotData data, Path file) throws IOException {
    writePng(data, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /** Writes the figure as a PNG of the given size in pixels. */
  public static void writePng(DiagnosticsPlotData data, Path file, int width, int height)
      throws IOException {
    PlotStyle.headless();
    PlotStyle.writePng(render(data, width, height), file);
  }

  /** The figure drawn on an opaque image of the given size. */
  public static BufferedImage render(DiagnosticsPlotData data, int width, int height) {
    PlotStyle.checkSize(width, height);
    List<JFreeChart> panels = panels(data);
    String subtitle = data.subtitle() != null ? data.subtitle() : testSummary(data);

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      PlotStyle.antialias(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      double y = 14;
      y = centred(g, data.title(), PlotStyle.TITLE_FONT, PlotStyle.TEXT, width, y) + 4;
      if (!subtitle.isBlank()) {
        g.setFont(PlotStyle.SUBTITLE_FONT);
        for (String line : wrap(subtitle, g.getFontMetrics(), width - 24)) {
          y = centred(g, line, PlotStyle.SUBTITLE_FONT, PlotStyle.SUBTLE_TEXT, width, y);
        }
      }
      y += 8;
      double margin = 8;
      double cellWidth = (width - 2 * margin) / 2;
      double cellHeight = (height - y - margin) / 2;
      for (int i = 0; i < panels.size(); i++) {
        double x0 = margin + (i % 2) * cellWidth;
        double y0 = y + (i / 2) * cellHeight;
        panels.get(i).draw(g, new Rectangle2D.Double(x0, y0, cellWidth, cellHeight));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * The four panels as separate charts, in reading order: residuals over time, histogram, Q–Q plot,
   * correlogram.
   */
  public static List<JFreeChart> panels(DiagnosticsPlotData data) {
    double[] x = data.observedResiduals();
    return List.of(residualChart(data), histogramChart(x), qqChart(x), correlogram(x, data.lags()));
  }

  /** The Ljung–Box, heteroskedasticity and Jarque–Bera tests in one line. */
  static String testSummary(DiagnosticsPlotData data) {
    return testSummary(data, 0);
  }

  /**
   * The tests' line, leaving out the first {@code burnIn} periods (the diffuse steps) as the fit's
   * summary does, so that the two agree.
   */
  static String testSummary(DiagnosticsPlotData data, int burnIn) {
    double[] r = data.residuals();
    double[] x = data.observedResiduals();
    List<String> parts = new ArrayList<>();
    int lags = Math.min(data.lags(), x.length - 1);
    try {
      LjungBox.Result lb = LjungBox.afterBurnIn(r, burnIn, lags);
      parts.add(
          String.format(
              Locale.ROOT, "Ljung–Box Q(%d) = %.2f (p %s)", lags, lb.statistic(), p(lb.pValue())));
    } catch (IllegalArgumentException undefined) {
      // constant residuals: no test
    }
    try {
      Heteroskedasticity.Result h = Heteroskedasticity.afterBurnIn(r, burnIn);
      parts.add(
          String.format(
              Locale.ROOT,
              "heteroskedasticity H(%d) = %.2f (p %s)",
              h.subsetLength(),
              h.statistic(),
              p(h.pValue())));
    } catch (IllegalArgumentException undefined) {
      // too few residuals in a third of the sample
    }
    try {
      JarqueBera.Result jb = JarqueBera.afterBurnIn(r, burnIn);
      parts.add(
          String.format(Locale.ROOT, "Jarque–Bera = %.2f (p %s)", jb.statistic(), p(jb.pValue())));
    } catch (IllegalArgumentException undefined) {
      // zero variance
    }
    int skipped = r.length - x.length;
    parts.add("n = " + x.length + (skipped > 0 ? " (" + skipped + " skipped)" : ""));
    return String.join(SEPARATOR, parts);
  }

  private static String p(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
  }

  // ---- panel 1: residuals over time ----

  private static JFreeChart residualChart(DiagnosticsPlotData data) {
    PlotTimes times = data.times();
    double[] r = data.residuals();
    XYSeries s = new XYSeries("residual", false, true);
    XYSeries isolated = new XYSeries("isolated", false, true);
    for (int t = 0; t < r.length; t++) {
      s.add(times.value(t), r[t]);
      boolean before = t > 0 && !Double.isNaN(r[t - 1]);
      boolean after = t + 1 < r.length && !Double.isNaN(r[t + 1]);
      if (!Double.isNaN(r[t]) && !before && !after) {
        isolated.add(times.value(t), r[t]); // a lone residual between gaps: draw it as a point
      }
    }
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    plot.setDomainAxis(PlotStyle.timeAxis(times));
    NumberAxis range = PlotStyle.valueAxis(null);
    double max = 0;
    for (double v : data.observedResiduals()) {
      max = Math.max(max, Math.abs(v));
    }
    double lim = Math.max(2.5, max * 1.08);
    range.setRange(-lim, lim);
    plot.setRangeAxis(range);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setDrawSeriesLineAsPath(true);
    line.setSeriesPaint(0, PlotStyle.SMOOTHED);
    line.setSeriesStroke(0, PlotStyle.round(1.4f));
    plot.setDataset(0, new XYSeriesCollection(s));
    plot.setRenderer(0, line);
    if (isolated.getItemCount() > 0) {
      XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
      dots.setSeriesShape(0, PlotStyle.point(4));
      dots.setSeriesPaint(0, PlotStyle.SMOOTHED);
      plot.setDataset(1, new XYSeriesCollection(isolated));
      plot.setRenderer(1, dots);
    }
    plot.addRangeMarker(reference(0, PlotStyle.REFERENCE_STROKE), Layer.BACKGROUND);
    plot.addRangeMarker(
        reference(StandardNormal.Z95, PlotStyle.DASHED_REFERENCE), Layer.BACKGROUND);
    plot.addRangeMarker(
        reference(-StandardNormal.Z95, PlotStyle.DASHED_REFERENCE), Layer.BACKGROUND);
    return panelChart("Standardized residuals", plot, null);
  }

  private static ValueMarker reference(double value, java.awt.Stroke stroke) {
    ValueMarker m = new ValueMarker(value, PlotStyle.REFERENCE, stroke);
    return m;
  }

  // ---- panel 2: histogram, kernel density, N(0, 1) ----

  private static JFreeChart histogramChart(double[] x) {
    Histogram histogram = Histogram.of(x);
    XYIntervalSeries hist = new XYIntervalSeries("histogram");
    for (int b = 0; b < histogram.bins(); b++) {
      double left = histogram.left(b);
      double density = histogram.density(b);
      hist.add(left + histogram.width() / 2, left, left + histogram.width(), density, 0, density);
    }
    XYIntervalSeriesCollection histData = new XYIntervalSeriesCollection();
    histData.addSeries(hist);

    double largest = 0;
    for (double v : x) {
      largest = Math.max(largest, Math.abs(v));
    }
    double reach = Math.max(3.5, largest + 0.3);
    XYSeries normal = new XYSeries("N(0, 1)", false, true);
    XYSeries kde = new XYSeries("kernel density", false, true);
    KernelDensity estimate = KernelDensity.scottBandwidth(x) > 0 ? KernelDensity.scott(x) : null;
    int points = 241;
    for (int i = 0; i < points; i++) {
      double u = -reach + 2 * reach * i / (points - 1);
      normal.add(u, StandardNormal.density(u));
      if (estimate != null) {
        kde.add(u, estimate.density(u));
      }
    }

    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    NumberAxis domain = PlotStyle.valueAxis(null);
    domain.setRange(-reach, reach);
    plot.setDomainAxis(domain);
    NumberAxis range = PlotStyle.valueAxis("density");
    range.setAutoRangeIncludesZero(true);
    range.setLowerMargin(0);
    plot.setRangeAxis(range);

    XYBarRenderer bars = new XYBarRenderer();
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setUseYInterval(true);
    bars.setDrawBarOutline(true);
    bars.setSeriesPaint(0, HISTOGRAM);
    bars.setSeriesOutlinePaint(0, Color.WHITE);
    bars.setSeriesOutlineStroke(0, PlotStyle.round(1.2f));
    plot.setDataset(0, histData);
    plot.setRenderer(0, bars);

    XYSeriesCollection curves = new XYSeriesCollection();
    if (kde.getItemCount() > 0) {
      curves.addSeries(kde);
    }
    curves.addSeries(normal);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    int k = 0;
    if (kde.getItemCount() > 0) {
      lines.setSeriesPaint(k, PlotStyle.FILTERED);
      lines.setSeriesStroke(k++, PlotStyle.round(2.0f));
    }
    lines.setSeriesPaint(k, PlotStyle.GREEN);
    lines.setSeriesStroke(k, PlotStyle.round(2.0f));
    plot.setDataset(1, curves);
    plot.setRenderer(1, lines);

    LegendItemCollection items = new LegendItemCollection();
    items.add(PlotStyle.areaItem("histogram", HISTOGRAM));
    if (kde.getItemCount() > 0) {
      items.add(
          PlotStyle.lineItem("kernel density", PlotStyle.FILTERED, PlotStyle.round(2f), null));
    }
    items.add(PlotStyle.lineItem("N(0, 1)", PlotStyle.GREEN, PlotStyle.round(2f), null));
    plot.setFixedLegendItems(items);
    return panelChart("Histogram and estimated density", plot, RectangleEdge.BOTTOM);
  }

  // ---- panel 3: normal Q–Q ----

  private static JFreeChart qqChart(double[] x) {
    NormalQuantiles qq = NormalQuantiles.of(x);
    double[] theoretical = qq.theoretical();
    double[] sample = qq.sample();
    XYSeries points = new XYSeries("residuals", false, true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < qq.size(); i++) {
      points.add(theoretical[i], sample[i]);
      lo = Math.min(lo, Math.min(theoretical[i], sample[i]));
      hi = Math.max(hi, Math.max(theoretical[i], sample[i]));
    }
    double pad = 0.06 * (hi - lo);
    lo -= pad;
    hi += pad;
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    NumberAxis domain = PlotStyle.valueAxis("theoretical quantiles");
    domain.setRange(lo, hi);
    NumberAxis range = PlotStyle.valueAxis("sample quantiles");
    range.setRange(lo, hi);
    plot.setDomainAxis(domain);
    plot.setRangeAxis(range);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesShape(0, PlotStyle.point(6));
    r.setSeriesPaint(0, PlotStyle.alpha(PlotStyle.SMOOTHED, 0.85f));
    plot.setDataset(0, new XYSeriesCollection(points));
    plot.setRenderer(0, r);
    r.addAnnotation(
        new XYLineAnnotation(lo, lo, hi, hi, PlotStyle.round(1.6f), PlotStyle.FORECAST),
        Layer.BACKGROUND);
    return panelChart("Normal Q–Q", plot, null);
  }

  // ---- panel 4: correlogram ----

  private static JFreeChart correlogram(double[] x, int requestedLags) {
    int n = x.length;
    int lags = Math.min(requestedLags, n - 1);
    double bound = SampleAutocorrelation.whiteNoiseBound(n);
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    NumberAxis domain = PlotStyle.valueAxis("lag");
    domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    domain.setRange(0.3, lags + 0.7);
    plot.setDomainAxis(domain);
    NumberAxis range = PlotStyle.valueAxis("autocorrelation");
    plot.setRangeAxis(range);
    double reach = Math.max(1.6 * bound, 0.25);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesShape(0, PlotStyle.point(8));
    dots.setSeriesPaint(0, PlotStyle.SMOOTHED);
    XYSeries top = new XYSeries("autocorrelation", false, true);
    double[] rho = null;
    try {
      rho = SampleAutocorrelation.of(x, lags);
    } catch (IllegalArgumentException constant) {
      XYTextAnnotation note =
          new XYTextAnnotation("undefined: the residuals are constant", (lags + 1) / 2.0, 0.1);
      note.setFont(PlotStyle.NOTE_FONT);
      note.setPaint(PlotStyle.SUBTLE_TEXT);
      note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
      dots.addAnnotation(note);
    }
    if (rho != null) {
      for (int k = 1; k <= lags; k++) {
        top.add(k, rho[k]);
        reach = Math.max(reach, Math.abs(rho[k]));
        dots.addAnnotation(
            new XYLineAnnotation(k, 0, k, rho[k], PlotStyle.round(2f), PlotStyle.SMOOTHED),
            Layer.BACKGROUND);
      }
    }
    reach *= 1.15;
    range.setRange(-reach, reach);
    plot.setDataset(0, new XYSeriesCollection(top));
    plot.setRenderer(0, dots);
    IntervalMarker band = new IntervalMarker(-bound, bound, CORRELOGRAM_BAND);
    band.setOutlinePaint(null);
    plot.addRangeMarker(band, Layer.BACKGROUND);
    plot.addRangeMarker(reference(0, PlotStyle.REFERENCE_STROKE), Layer.BACKGROUND);
    return panelChart("Correlogram (band: ± 1.96 / √n)", plot, null);
  }

  // ---- shared ----

  private static JFreeChart panelChart(String title, XYPlot plot, RectangleEdge legendEdge) {
    for (int i = 0; i < plot.getDomainAxisCount(); i++) {
      ValueAxis a = plot.getDomainAxis(i);
      if (a != null) {
        PlotStyle.style(a);
      }
    }
    plot.setInsets(new RectangleInsets(4, 4, 4, 14));
    JFreeChart chart = new JFreeChart(title, PlotStyle.PANEL_TITLE_FONT, plot, legendEdge != null);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 8));
    TextTitle t = chart.getTitle();
    t.setPaint(PlotStyle.TEXT);
    t.setPadding(new RectangleInsets(2, 0, 6, 0));
    if (legendEdge != null) {
      LegendTitle legend = chart.getLegend();
      legend.setPosition(legendEdge);
      legend.setFrame(BlockBorder.NONE);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setItemFont(PlotStyle.LEGEND_FONT);
      legend.setItemPaint(PlotStyle.TEXT);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    }
    return chart;
  }

  private static final String SEPARATOR = "   ·   ";

  /** Splits a summary at its separators into lines no wider than {@code width}. */
  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String part : text.split(java.util.regex.Pattern.quote(SEPARATOR))) {
      String candidate = line.isEmpty() ? part : line + SEPARATOR + part;
      if (!line.isEmpty() && fm.stringWidth(candidate) > width) {
        lines.add(line);
        line = part;
      } else {
        line = candidate;
      }
    }
    lines.add(line);
    return lines;
  }

  /** Draws a line of text centred at the top y; returns the y below it. */
  private static double centred(
      Graphics2D g, String text, java.awt.Font font, Color color, int width, double top) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics fm = g.getFontMetrics();
    String shown = text;
    if (fm.stringWidth(shown) > width - 24) {
      String base = text;
      while (fm.stringWidth(base + "…") > width - 24 && base.length() > 1) {
        base = base.substring(0, base.length() - 1);
      }
      shown = base + "…";
    }
    float x = (float) ((width - fm.stringWidth(shown)) / 2.0);
    float baseline = (float) (top + fm.getAscent());
    g.drawString(shown, x, baseline);
    return top + fm.getHeight();
  }
}
