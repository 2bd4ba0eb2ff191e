package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four-panel residual diagnostics of the Nile's local level model. */
class DiagnosticsPlotTest {

  private static final NileLocalLevel NILE = new NileLocalLevel();

  @TempDir Path dir;

  @Test
  void writesFourDrawnPanelsOfTheDefaultSize() throws Exception {
    Path png = dir.resolve("diagnostics.png");
    DiagnosticsPlot.writePng(DiagnosticsPlotData.fromFit(NILE.series, "nile.csv", NILE.fit()), png);
    BufferedImage im = Pixels.readPng(png, 1200, 900);
    double[][] quadrants = {
      {0, 0.1, 0.5, 0.55}, {0.5, 0.1, 1, 0.55}, {0, 0.55, 0.5, 1}, {0.5, 0.55, 1, 1}
    };
    for (double[] q : quadrants) {
      String where = Arrays.toString(q);
      assertTrue(Pixels.distinctColours(im, q[0], q[1], q[2], q[3]) > 20, where);
      double ink = Pixels.inkShare(im, q[0], q[1], q[2], q[3]);
      assertTrue(ink > 0.03 && ink < 0.9, where + ": " + ink);
    }
    assertTrue(Pixels.count(im, 0, 0.1, 0.5, 0.55, Pixels::blue) > 300, "residual line");
    assertTrue(Pixels.count(im, 0.5, 0.1, 1, 0.55, Pixels::green) > 300, "N(0, 1) density");
    assertTrue(Pixels.count(im, 0, 0.55, 0.5, 1, Pixels::blue) > 300, "Q-Q points");
    assertTrue(Pixels.count(im, 0, 0.55, 0.5, 1, Pixels::forecastRed) > 300, "45° line");
    assertTrue(Pixels.count(im, 0.5, 0.55, 1, 1, Pixels::blue) > 300, "autocorrelations");
  }

  @Test
  void fromFitTitlesAndSkipsTheDiffuseStep() {
    DiagnosticsPlotData data = DiagnosticsPlotData.fromFit(NILE.series, "nile.csv", NILE.fit());
    assertTrue(data.title().contains("nile.csv") && data.title().contains("local-level"));
    assertTrue(Double.isNaN(data.residuals()[0]), "the first step is diffuse");
    assertEquals(99, data.observedResiduals().length);
    String summary = DiagnosticsPlot.testSummary(data);
    assertTrue(summary.contains("Ljung–Box Q(10)"), summary);
    assertTrue(summary.contains("Jarque–Bera"), summary);
    assertTrue(summary.contains("n = 99 (1 skipped)"), summary);
    List<JFreeChart> panels = DiagnosticsPlot.panels(data);
    assertEquals(4, panels.size());
  }

  @Test
  void missingResidualsAreSkipped() throws Exception {
    double[] r = NILE.residuals();
    for (int t = 30; t < 45; t++) {
      r[t] = Double.NaN;
    }
    DiagnosticsPlotData data = DiagnosticsPlotData.of("gaps", NILE.series, r);
    assertEquals(84, data.observedResiduals().length);
    Path png = dir.resolve("gaps.png");
    DiagnosticsPlot.writePng(data, png, 900, 700);
    BufferedImage im = Pixels.readPng(png, 900, 700);
    assertTrue(Pixels.distinctColours(im, 0, 0, 1, 1) > 50);
  }

  @Test
  void shortAndConstantSeriesStillDraw() {
    // 5 residuals: the correlogram stops at lag 4.
    DiagnosticsPlotData few =
        new DiagnosticsPlotData(
            "few", null, PlotTimes.index(5), new double[] {0.5, -1, 1.5, 0.2, -0.7}, 10);
    assertTrue(Pixels.distinctColours(DiagnosticsPlot.render(few, 600, 450), 0, 0, 1, 1) > 20);
    DiagnosticsPlotData flat =
        new DiagnosticsPlotData("flat", null, PlotTimes.index(4), new double[] {1, 1, 1, 1}, 3);
    assertTrue(Pixels.distinctColours(DiagnosticsPlot.render(flat, 600, 450), 0, 0, 1, 1) > 20);
  }

  @Test
  void badInputsAreRejectedWithAMessage() {
    Exception tooFew =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DiagnosticsPlotData(
                    "t", null, PlotTimes.index(3), new double[] {1, Double.NaN, 2}, 10));
    assertTrue(tooFew.getMessage().contains("at least 3"), tooFew.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new DiagnosticsPlotData("t", null, PlotTimes.index(4), new double[3], 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DiagnosticsPlotData("t", null, PlotTimes.index(3), new double[] {1, 2, 3}, 0));
    TimeSeries shorter = Datasets.nile().slice(0, 10);
    assertThrows(
        IllegalArgumentException.class,
        () -> DiagnosticsPlotData.fromFit(shorter, "nile.csv", NILE.fit()));
  }
}
