package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.results.Interval;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.OriginalScaleStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original-scale panel on top of the components chart: the data as given and a back-transformed
 * forecast whose band is asymmetric (b^(μ ∓ zσ)), drawn from the bounds themselves.
 */
class OriginalScalePanelTest {

  private static final NileLocalLevel NILE = new NileLocalLevel();

  @TempDir Path dir;

  /** Medians 700 + h, means 710 + h, bounds 500 + h and 1000 + h (not symmetric). */
  private static OriginalScaleForecast forecast() {
    List<OriginalScaleStep> steps = new ArrayList<>();
    for (int h = 1; h <= NileLocalLevel.HORIZON; h++) {
      steps.add(
          new OriginalScaleStep(
              h,
              Integer.toString(1970 + h),
              700 + h,
              710 + h,
              List.of(new Interval(80, 600 + h, 900 + h), new Interval(95, 500 + h, 1000 + h))));
    }
    return new OriginalScaleForecast(Math.E, new double[] {80, 95}, steps);
  }

  private static ComponentPlotData nile() {
    return ComponentPlotData.fromFit(
        NILE.series,
        "nile.csv",
        NILE.fit(),
        NILE.smoother,
        Optional.of(NILE.forecast),
        List.of("level"),
        NILE.system);
  }

  @Test
  void thePanelTakesTheWidestIntervalAndSaysWhatItShows() {
    TimeSeries volume = Datasets.nile();
    OriginalScalePanel panel = OriginalScalePanel.of(volume, forecast(), "log");
    assertEquals(
        "volume, original scale: the log model's forecast back-transformed (median, log-normal"
            + " mean, 95% interval)",
        panel.title());
    assertArrayEquals(volume.values(), panel.observations());
    assertEquals(701, panel.median()[0]);
    assertEquals(711, panel.mean()[0]);
    assertEquals(501, panel.lower()[0]);
    assertEquals(1010, panel.upper()[9]);
    assertEquals(95, panel.level());
    assertTrue(panel.forecastTimes().value(0) > panel.times().value(volume.length() - 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new OriginalScalePanel(
                "t",
                panel.times(),
                new double[3],
                panel.forecastTimes(),
                panel.median(),
                panel.mean(),
                panel.lower(),
                panel.upper(),
                95));
  }

  @Test
  void theChartPutsThePanelOnTopWithItsBoundsAndLegend() throws Exception {
    OriginalScalePanel panel = OriginalScalePanel.of(Datasets.nile(), forecast(), "log");
    JFreeChart chart = ComponentPlot.chart(nile(), panel);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
    List<XYPlot> panels = plot.getSubplots();
    assertEquals(3, panels.size(), "original scale, observations, level");
    XYPlot top = panels.get(0);
    YIntervalSeriesCollection band = null;
    for (int i = 0; i < top.getDatasetCount(); i++) {
      if (top.getDataset(i) instanceof YIntervalSeriesCollection c) {
        band = c;
      }
    }
    assertEquals(701, band.getYValue(0, 0));
    assertEquals(501, band.getStartYValue(0, 0));
    assertEquals(1001, band.getEndYValue(0, 0));
    LegendItemCollection legend = plot.getLegendItems();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < legend.getItemCount(); i++) {
      labels.add(legend.get(i).getLabel());
    }
    assertTrue(labels.contains("original scale: median, 95% interval"), labels.toString());
    assertTrue(labels.contains("original scale: log-normal mean"), labels.toString());
    assertEquals(
        2, ((CombinedDomainXYPlot) ComponentPlot.chart(nile()).getPlot()).getSubplots().size());

    Path png = dir.resolve("original.png");
    ComponentPlot.writePng(nile(), panel, png);
    Pixels.readPng(png, ComponentPlot.DEFAULT_WIDTH, ComponentPlot.DEFAULT_HEIGHT + 260);
  }
}
