package io.gramian.estimation.plot;

import io.gramian.estimation.plot.ComponentPlotData.Component;
import io.gramian.estimation.plot.ComponentPlotData.ForecastBand;
import io.gramian.estimation.results.Estimate;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The components chart of a state-space fit, as a PNG: on top the observations (points) with the
 * filtered (thin line) and smoothed (line with its 95% band) estimates of their signal and, when
 * there is one, the forecast with its 95% band continuing the time axis; below, one panel per
 * component (level, trend, seasonal, …) with the same lines and bands, all on one shared time axis
 * (dates when the series has them).
 *
 * <p>Rendering needs no display. {@link #writePng} sets {@code java.awt.headless=true} before
 * drawing unless the application has set that property itself; {@link #render} and {@link #chart}
 * leave it to the application.
 */
public final class ComponentPlot {

  /** Default image width in pixels. */
  public static final int DEFAULT_WIDTH = 1200;

  /** Default image height in pixels. */
  public static final int DEFAULT_HEIGHT = 700;

  private static final int OBSERVATION_WEIGHT = 5;
  private static final int COMPONENT_WEIGHT = 3;

  /** Pixels added to the image's height for the original-scale panel. */
  private static final int ORIGINAL_PANEL_HEIGHT = 260;

  /** The original scale's log-normal mean: a thin solid line beside the dashed median. */
  private static final Stroke MEAN_STROKE = PlotStyle.round(1.2f);

  /** Pixels above each panel for its title. */
  private static final int PANEL_TITLE_SPACE = 22;

  /**
   * The combined plot, with each panel's title drawn just above its data area (in the gap between
   * panels, so a title never covers data, whatever the panel's height).
   */
  private static final class TitledPanels extends CombinedDomainXYPlot {

    private static final long serialVersionUID = 1L;

    final transient List<String> titles = new java.util.ArrayList<>();

    TitledPanels(ValueAxis domainAxis) {
      super(domainAxis);
    }

    @Override
    public void draw(
        Graphics2D g2,
        Rectangle2D area,
        java.awt.geom.Point2D anchor,
        org.jfree.chart.plot.PlotState parentState,
        org.jfree.chart.plot.PlotRenderingInfo info) {
      org.jfree.chart.plot.PlotRenderingInfo layout =
          info != null
              ? info
              : new org.jfree.chart.plot.PlotRenderingInfo(
                  new org.jfree.chart.ChartRenderingInfo(null));
      super.draw(g2, area, anchor, parentState, layout);
      g2.setFont(PlotStyle.COMPONENT_TITLE_FONT);
      g2.setPaint(PlotStyle.TEXT);
      java.awt.FontMetrics fm = g2.getFontMetrics();
      for (int i = 0; i < Math.min(titles.size(), layout.getSubplotCount()); i++) {
        Rectangle2D data = layout.getSubplotInfo(i).getDataArea();
        if (data != null && !titles.get(i).isEmpty()) {
          float baseline = (float) (data.getMinY() - 5 - fm.getDescent());
          g2.drawString(titles.get(i), (float) data.getMinX() + 2, baseline);
        }
      }
    }
  }

  /**
   * The height that gives each panel room: {@value #DEFAULT_HEIGHT} pixels for up to three
   * components, 120 more for each further one.
   */
  public static int suggestedHeight(ComponentPlotData data) {
    return DEFAULT_HEIGHT + 120 * Math.max(0, data.components().size() - 3);
  }

  private ComponentPlot() {}

  /**
   * Writes the chart as a PNG {@value #DEFAULT_WIDTH} pixels wide and {@link #suggestedHeight} high
   * ({@value #DEFAULT_HEIGHT} for up to three components).
   */
  public static void writePng(ComponentPlotData data, Path file) throws IOException {
    writePng(data, file, DEFAULT_WIDTH, suggestedHeight(data));
  }

  /** Writes the chart as a PNG of the given size in pixels. */
  public static void writePng(ComponentPlotData data, Path file, int width, int height)
      throws IOException {
    writePng(data, null, file, width, height);
  }

  /**
   * Writes the chart with, when {@code original} is not null, the data and forecast on their
   * original scale in a panel on top (for a model of a logarithm), {@value #DEFAULT_WIDTH} pixels
   * wide and {@link #suggestedHeight} high plus room for that panel.
   */
  public static void writePng(ComponentPlotData data, OriginalScalePanel original, Path file)
      throws IOException {
    int extra = original == null ? 0 : ORIGINAL_PANEL_HEIGHT;
    writePng(data, original, file, DEFAULT_WIDTH, suggestedHeight(data) + extra);
  }

  private static void writePng(
      ComponentPlotData data, OriginalScalePanel original, Path file, int width, int height)
      throws IOException {
    PlotStyle.headless();
    PlotStyle.writePng(render(data, original, width, height), file);
  }

  /** The chart drawn on an opaque image of the given size. */
  public static BufferedImage render(ComponentPlotData data, int width, int height) {
    return render(data, null, width, height);
  }

  /**
   * The chart, with the original-scale panel on top when {@code original} is not null, drawn on an
   * opaque image of the given size.
   */
  public static BufferedImage render(
      ComponentPlotData data, OriginalScalePanel original, int width, int height) {
    PlotStyle.checkSize(width, height);
    JFreeChart chart = chart(data, original);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      PlotStyle.antialias(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The chart itself, for callers that draw it elsewhere (a window, an SVG). */
  public static JFreeChart chart(ComponentPlotData data) {
    return chart(data, null);
  }

  /**
   * The chart with, when {@code original} is not null, a panel on top showing the data on their
   * original scale and the forecast carried back there (median, log-normal mean, interval).
   */
  public static JFreeChart chart(ComponentPlotData data, OriginalScalePanel original) {
    ValueAxis timeAxis = PlotStyle.timeAxis(data.times());
    TitledPanels combined = new TitledPanels(timeAxis);
    combined.setGap(PANEL_TITLE_SPACE + 4);
    PlotStyle.style(combined);
    combined.setInsets(new RectangleInsets(PANEL_TITLE_SPACE, 4, 4, 16));

    if (original != null) {
      XYPlot p = panel();
      combined.titles.add(original.title());
      addBounds(p, original.forecastTimes(), original.median(), original.lower(), original.upper());
      addCurve(p, original.forecastTimes(), original.mean(), PlotStyle.FORECAST, MEAN_STROKE);
      addCurve(
          p,
          original.forecastTimes(),
          original.median(),
          PlotStyle.FORECAST,
          PlotStyle.FORECAST_STROKE);
      addPoints(p, original.times(), original.observations());
      combined.add(p, OBSERVATION_WEIGHT);
    }

    Optional<ForecastBand> forecast = data.forecast();
    XYPlot top = panel();
    combined.titles.add(data.seriesName());
    Component signal = data.signal();
    addBand(top, data.times(), signal.smoothed(), PlotStyle.SMOOTHED);
    forecast.ifPresent(f -> addBand(top, f.times(), f.observation(), PlotStyle.FORECAST));
    addLine(top, data.times(), signal.filtered(), PlotStyle.FILTERED, PlotStyle.FILTERED_STROKE);
    addLine(top, data.times(), signal.smoothed(), PlotStyle.SMOOTHED, PlotStyle.SMOOTHED_STROKE);
    forecast.ifPresent(
        f ->
            addLine(
                top, f.times(), f.observation(), PlotStyle.FORECAST, PlotStyle.FORECAST_STROKE));
    addPoints(top, data.times(), data.observations());
    combined.add(top, OBSERVATION_WEIGHT);

    for (Component c : data.components()) {
      XYPlot p = panel();
      combined.titles.add(c.name());
      addBand(p, data.times(), c.smoothed(), PlotStyle.SMOOTHED);
      forecast.ifPresent(f -> addBand(p, f.times(), c.forecast(), PlotStyle.FORECAST));
      addLine(p, data.times(), c.filtered(), PlotStyle.FILTERED, PlotStyle.FILTERED_STROKE);
      addLine(p, data.times(), c.smoothed(), PlotStyle.SMOOTHED, PlotStyle.SMOOTHED_STROKE);
      forecast.ifPresent(
          f -> addLine(p, f.times(), c.forecast(), PlotStyle.FORECAST, PlotStyle.FORECAST_STROKE));
      combined.add(p, COMPONENT_WEIGHT);
    }

    forecast.ifPresent(f -> markForecastRegion(combined, data.times(), f.times()));
    LegendItemCollection items = legend(data);
    if (original != null) {
      items.add(
          PlotStyle.lineItem(
              "original scale: median, " + levelText(original.level()) + "% interval",
              PlotStyle.FORECAST,
              PlotStyle.FORECAST_STROKE,
              PlotStyle.bandOnWhite(PlotStyle.FORECAST)));
      items.add(
          PlotStyle.lineItem(
              "original scale: log-normal mean", PlotStyle.FORECAST, MEAN_STROKE, null));
    }
    combined.setFixedLegendItems(items);

    JFreeChart chart = new JFreeChart(data.title(), PlotStyle.TITLE_FONT, combined, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(12, 8, 8, 8));
    chart.getTitle().setPaint(PlotStyle.TEXT);
    if (data.subtitle() != null && !data.subtitle().isBlank()) {
      TextTitle sub = new TextTitle(data.subtitle(), PlotStyle.SUBTITLE_FONT);
      sub.setPaint(PlotStyle.SUBTLE_TEXT);
      sub.setPadding(new RectangleInsets(2, 0, 2, 0));
      chart.addSubtitle(0, sub);
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setItemFont(PlotStyle.LEGEND_FONT);
    legend.setItemPaint(PlotStyle.TEXT);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
    legend.setMargin(new RectangleInsets(4, 0, 2, 0));
    return chart;
  }

  private static XYPlot panel() {
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    plot.setRangeAxis(PlotStyle.valueAxis(null));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return plot;
  }

  /** The smoothed (or forecast) 95% band: one shaded polygon per run of present estimates. */
  private static void addBand(XYPlot plot, PlotTimes times, Estimate e, Color color) {
    if (e == null) {
      return;
    }
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    YIntervalSeries run = null;
    for (int i = 0; i < times.length(); i++) {
      if (!e.isPresent(i)) {
        run = null;
        continue;
      }
      if (run == null) {
        run = new YIntervalSeries("band " + bands.getSeriesCount(), false, true);
        bands.addSeries(run);
      }
      run.add(times.value(i), e.mean(i), e.lower(i, Estimate.Z95), e.upper(i, Estimate.Z95));
    }
    if (bands.getSeriesCount() == 0) {
      return;
    }
    DeviationRenderer r = new DeviationRenderer(false, false);
    r.setAlpha(PlotStyle.BAND_ALPHA);
    r.setAutoPopulateSeriesFillPaint(false);
    r.setDefaultFillPaint(color);
    r.setDefaultSeriesVisibleInLegend(false);
    add(plot, bands, r);
  }

  /** A band between given bounds around a centre line's values (asymmetric: a back-transform). */
  private static void addBounds(
      XYPlot plot, PlotTimes times, double[] centre, double[] lower, double[] upper) {
    if (times.length() == 0) {
      return;
    }
    YIntervalSeries run = new YIntervalSeries("bounds", false, true);
    for (int i = 0; i < times.length(); i++) {
      run.add(times.value(i), centre[i], lower[i], upper[i]);
    }
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    bands.addSeries(run);
    DeviationRenderer r = new DeviationRenderer(false, false);
    r.setAlpha(PlotStyle.BAND_ALPHA);
    r.setAutoPopulateSeriesFillPaint(false);
    r.setDefaultFillPaint(PlotStyle.FORECAST);
    r.setDefaultSeriesVisibleInLegend(false);
    add(plot, bands, r);
  }

  /** A line through given values. */
  private static void addCurve(
      XYPlot plot, PlotTimes times, double[] values, Color color, Stroke stroke) {
    XYSeries s = new XYSeries("curve", false, true);
    for (int i = 0; i < times.length(); i++) {
      s.add(times.value(i), values[i]);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, stroke);
    r.setDefaultSeriesVisibleInLegend(false);
    add(plot, new XYSeriesCollection(s), r);
  }

  private static void addLine(
      XYPlot plot, PlotTimes times, Estimate e, Color color, Stroke stroke) {
    if (e == null) {
      return;
    }
    XYSeries s = new XYSeries("line", false, true);
    for (int i = 0; i < times.length(); i++) {
      s.add(times.value(i), e.mean(i));
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, stroke);
    r.setDefaultSeriesVisibleInLegend(false);
    add(plot, new XYSeriesCollection(s), r);
  }

  private static void addPoints(XYPlot plot, PlotTimes times, double[] y) {
    XYSeries s = new XYSeries("observed", false, true);
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        s.add(times.value(i), y[i]);
      }
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesShape(0, PlotStyle.point(PlotStyle.POINT_SIZE));
    r.setSeriesPaint(0, PlotStyle.alpha(PlotStyle.OBSERVED, 0.8f));
    r.setUseOutlinePaint(false);
    r.setDefaultSeriesVisibleInLegend(false);
    add(plot, new XYSeriesCollection(s), r);
  }

  private static void add(
      XYPlot plot,
      org.jfree.data.xy.XYDataset dataset,
      org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
    int index = plot.getDatasetCount();
    while (plot.getDataset(index) != null) {
      index++;
    }
    plot.setDataset(index, dataset);
    plot.setRenderer(index, renderer);
  }

  /** A light background over the forecast period, labelled in the top panel. */
  private static void markForecastRegion(
      CombinedDomainXYPlot combined, PlotTimes times, PlotTimes forecastTimes) {
    int n = times.length();
    int h = forecastTimes.length();
    if (h == 0) {
      return;
    }
    double first = forecastTimes.value(0);
    double start = n > 0 ? (times.value(n - 1) + first) / 2 : first;
    double end = forecastTimes.value(h - 1) + (first - start) * 4;
    List<XYPlot> panels = combined.getSubplots();
    for (int i = 0; i < panels.size(); i++) {
      IntervalMarker m = new IntervalMarker(start, end, PlotStyle.FORECAST_REGION);
      m.setOutlinePaint(null);
      if (i == 0) {
        m.setLabel("forecast");
        m.setLabelFont(PlotStyle.NOTE_FONT);
        m.setLabelPaint(PlotStyle.SUBTLE_TEXT);
        m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4, 6, 4, 4));
      }
      panels.get(i).addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  private static String levelText(double level) {
    return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
  }

  private static LegendItemCollection legend(ComponentPlotData data) {
    LegendItemCollection items = new LegendItemCollection();
    boolean anyObserved = false;
    for (double y : data.observations()) {
      anyObserved |= !Double.isNaN(y);
    }
    if (anyObserved) {
      items.add(PlotStyle.pointItem("observed", PlotStyle.OBSERVED));
    }
    boolean filtered = data.signal().filtered() != null;
    boolean smoothed = data.signal().smoothed() != null;
    for (Component c : data.components()) {
      filtered |= c.filtered() != null;
      smoothed |= c.smoothed() != null;
    }
    if (filtered) {
      items.add(
          PlotStyle.lineItem("filtered", PlotStyle.FILTERED, PlotStyle.FILTERED_STROKE, null));
    }
    if (smoothed) {
      items.add(
          PlotStyle.lineItem(
              "smoothed, 95% interval",
              PlotStyle.SMOOTHED,
              PlotStyle.SMOOTHED_STROKE,
              PlotStyle.bandOnWhite(PlotStyle.SMOOTHED)));
    }
    if (data.forecast().isPresent()) {
      items.add(
          PlotStyle.lineItem(
              "forecast, 95% interval",
              PlotStyle.FORECAST,
              PlotStyle.FORECAST_STROKE,
              PlotStyle.bandOnWhite(PlotStyle.FORECAST)));
    }
    return items;
  }
}
