package io.gramian.estimation.plot;

import io.gramian.estimation.backtest.BacktestResult;
import io.gramian.estimation.backtest.FoldForecast;
import io.gramian.estimation.backtest.HorizonMetrics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A backtest as one PNG of two panels: above, the series with every fold's forecast drawn from its
 * origin (and the 95% interval of the last fold's); below, the error by horizon (MAE and RMSE at h
 * = 1 … H). Missing observations leave gaps. Drawn without a display, as the other plots.
 */
public final class BacktestPlot {

  /** Default image width in pixels. */
  public static final int DEFAULT_WIDTH = 1200;

  /** Default image height in pixels. */
  public static final int DEFAULT_HEIGHT = 900;

  /** The share of the image's height the series panel takes. */
  private static final double SERIES_SHARE = 0.6;

  private static final Color RMSE = PlotStyle.FILTERED;

  private BacktestPlot() {}

  /** Writes the figure as a {@value #DEFAULT_WIDTH} × {@value #DEFAULT_HEIGHT} PNG. */
  public static void writePng(BacktestResult result, String title, Path file) throws IOException {
    PlotStyle.headless();
    PlotStyle.writePng(render(result, title, DEFAULT_WIDTH, DEFAULT_HEIGHT), file);
  }

  /** The figure drawn on an opaque image of the given size. */
  public static BufferedImage render(BacktestResult result, String title, int width, int height) {
    PlotStyle.checkSize(width, height);
    List<JFreeChart> panels = panels(result, title);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      PlotStyle.antialias(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      double top = height * SERIES_SHARE;
      panels.get(0).draw(g, new Rectangle2D.Double(0, 0, width, top));
      panels.get(1).draw(g, new Rectangle2D.Double(0, top, width, height - top));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The two panels as separate charts: the series with the folds' forecasts, the errors. */
  public static List<JFreeChart> panels(BacktestResult result, String title) {
    return List.of(seriesChart(result, title), errorChart(result));
  }

  private static JFreeChart seriesChart(BacktestResult result, String title) {
    PlotTimes times = PlotTimes.of(result.series().index());
    double[] y = result.series().values();
    XYSeries data = new XYSeries("data", false, true);
    for (int t = 0; t < y.length; t++) {
      data.add(times.value(t), y[t]);
    }
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    plot.setDomainAxis(PlotStyle.timeAxis(times));
    NumberAxis range = PlotStyle.valueAxis(result.series().name());
    range.setAutoRangeIncludesZero(false);
    plot.setRangeAxis(range);

    XYSeriesCollection forecasts = new XYSeriesCollection();
    for (FoldForecast fold : result.folds()) {
      // from the origin's observation, so each forecast visibly starts where its fold ends
      XYSeries s = new XYSeries("fold " + fold.fold(), false, true);
      int origin = fold.trainingLength() - 1;
      s.add(times.value(origin), y[origin]);
      for (int h = 1; h <= result.horizon(); h++) {
        s.add(times.value(origin + h), fold.steps().get(h - 1).mean());
      }
      forecasts.addSeries(s);
    }
    XYLineAndShapeRenderer forecastLines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < forecasts.getSeriesCount(); i++) {
      forecastLines.setSeriesPaint(i, PlotStyle.alpha(PlotStyle.FORECAST, 0.7f));
      forecastLines.setSeriesStroke(i, PlotStyle.round(1.4f));
    }
    FoldForecast last = result.folds().get(result.folds().size() - 1);
    XYSeries lower = new XYSeries("lower", false, true);
    XYSeries upper = new XYSeries("upper", false, true);
    for (int h = 1; h <= result.horizon(); h++) {
      double x = times.value(last.trainingLength() - 1 + h);
      lower.add(x, last.steps().get(h - 1).interval(95).lower());
      upper.add(x, last.steps().get(h - 1).interval(95).upper());
    }
    XYSeriesCollection bounds = new XYSeriesCollection();
    bounds.addSeries(lower);
    bounds.addSeries(upper);
    XYLineAndShapeRenderer boundLines = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < 2; i++) {
      boundLines.setSeriesPaint(i, PlotStyle.FORECAST);
      boundLines.setSeriesStroke(i, PlotStyle.DASHED_REFERENCE);
    }
    XYLineAndShapeRenderer dataLine = new XYLineAndShapeRenderer(true, false);
    dataLine.setSeriesPaint(0, PlotStyle.OBSERVED);
    dataLine.setSeriesStroke(0, PlotStyle.round(1.6f));
    plot.setDataset(0, forecasts);
    plot.setRenderer(0, forecastLines);
    plot.setDataset(1, bounds);
    plot.setRenderer(1, boundLines);
    plot.setDataset(2, new XYSeriesCollection(data));
    plot.setRenderer(2, dataLine);

    LegendItemCollection legend = new LegendItemCollection();
    legend.add(PlotStyle.lineItem("data", PlotStyle.OBSERVED, PlotStyle.round(1.6f), null));
    legend.add(
        PlotStyle.lineItem(
            "forecasts of " + result.folds().size() + " folds",
            PlotStyle.FORECAST,
            PlotStyle.round(1.4f),
            null));
    legend.add(
        PlotStyle.lineItem(
            "95% interval, last fold", PlotStyle.FORECAST, PlotStyle.DASHED_REFERENCE, null));
    plot.setFixedLegendItems(legend);
    return chart(title, plot);
  }

  private static JFreeChart errorChart(BacktestResult result) {
    XYSeries mae = new XYSeries("MAE", false, true);
    XYSeries rmse = new XYSeries("RMSE", false, true);
    for (HorizonMetrics m : result.metrics()) {
      mae.add(m.horizon(), m.mae());
      rmse.add(m.horizon(), m.rmse());
    }
    XYSeriesCollection errors = new XYSeriesCollection();
    errors.addSeries(mae);
    errors.addSeries(rmse);
    XYPlot plot = new XYPlot();
    PlotStyle.style(plot);
    NumberAxis horizon = PlotStyle.valueAxis("horizon");
    horizon.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    horizon.setRange(0.5, result.horizon() + 0.5);
    plot.setDomainAxis(horizon);
    NumberAxis range = PlotStyle.valueAxis("error");
    plot.setRangeAxis(range);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    lines.setSeriesPaint(0, PlotStyle.SMOOTHED);
    lines.setSeriesPaint(1, RMSE);
    for (int i = 0; i < 2; i++) {
      lines.setSeriesStroke(i, PlotStyle.round(2f));
      lines.setSeriesShape(i, PlotStyle.point(PlotStyle.POINT_SIZE));
    }
    plot.setDataset(errors);
    plot.setRenderer(lines);
    return chart("Error by horizon", plot);
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    PlotStyle.style(plot.getDomainAxis());
    plot.setInsets(new RectangleInsets(4, 4, 4, 14));
    JFreeChart chart = new JFreeChart(title, PlotStyle.PANEL_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(8, 8, 8, 8));
    TextTitle t = chart.getTitle();
    t.setPaint(PlotStyle.TEXT);
    t.setPadding(new RectangleInsets(2, 0, 6, 0));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setItemFont(PlotStyle.LEGEND_FONT);
    legend.setItemPaint(PlotStyle.TEXT);
    return chart;
  }
}
