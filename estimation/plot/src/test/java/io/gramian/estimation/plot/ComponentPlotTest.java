package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.plot.ComponentPlotData.Component;
import io.gramian.estimation.results.Estimate;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The components chart of the Nile's local level model. */
class ComponentPlotTest {

  /**
   * The plot data repeat the filter's and smoother's arithmetic (a 1 × 1 product and a square
   * root): they agree to rounding.
   */
  private static final double ROUNDING = 1e-12;

  private static final NileLocalLevel NILE = new NileLocalLevel();

  @TempDir Path dir;

  private static ComponentPlotData nile(boolean withForecast) {
    return ComponentPlotData.fromFit(
        NILE.series,
        "nile.csv",
        NILE.fit(),
        NILE.smoother,
        withForecast ? Optional.of(NILE.forecast) : Optional.empty(),
        List.of("level"),
        NILE.system);
  }

  @Test
  void writesAReadablePngOfTheDefaultSize() throws Exception {
    Path png = dir.resolve("nile.png");
    ComponentPlot.writePng(nile(true), png);
    BufferedImage im = Pixels.readPng(png, 1200, 700);
    assertTrue(Pixels.distinctColours(im, 0, 0, 1, 1) > 50, "more than a few colours");
    double ink = Pixels.inkShare(im, 0.1, 0.2, 0.9, 0.95);
    assertTrue(ink > 0.05 && ink < 0.9, "the plotting area is drawn on but not filled: " + ink);
    assertTrue(Pixels.count(im, 0.1, 0.15, 0.85, 0.6, Pixels::blue) > 500, "smoothed line");
  }

  @Test
  void theForecastIsDrawnAfterTheDataOnly() throws Exception {
    BufferedImage im = ComponentPlot.render(nile(true), 1200, 700);
    assertTrue(Pixels.count(im, 0.88, 0.15, 1, 1, Pixels::forecastRed) > 50, "forecast line");
    assertEquals(0, Pixels.count(im, 0, 0.15, 0.8, 1, Pixels::forecastRed), "no red over data");

    BufferedImage none = ComponentPlot.render(nile(false), 1200, 700);
    assertEquals(0, Pixels.count(none, 0, 0, 1, 1, Pixels::forecastRed), "no forecast, no red");
  }

  @Test
  void rendersAtAnySize() throws Exception {
    Path png = dir.resolve("sub/dir/small.png");
    ComponentPlot.writePng(nile(true), png, 800, 500);
    BufferedImage im = Pixels.readPng(png, 800, 500);
    assertTrue(Pixels.distinctColours(im, 0, 0, 1, 1) > 50);
    assertThrows(IllegalArgumentException.class, () -> ComponentPlot.render(nile(true), 10, 10));
  }

  @Test
  void manyComponentsGetATallerDefaultImage() throws Exception {
    List<ComponentSpec> five = new java.util.ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      five.add(new ComponentSpec("level × " + k, new double[] {k}));
    }
    ComponentPlotData data =
        ComponentPlotData.of(
            "five",
            null,
            NILE.series,
            NILE.system,
            NILE.filter,
            NILE.smoother,
            Optional.of(NILE.forecast),
            five);
    assertEquals(700, ComponentPlot.suggestedHeight(nile(true)));
    assertEquals(940, ComponentPlot.suggestedHeight(data));
    Path png = dir.resolve("five.png");
    ComponentPlot.writePng(data, png);
    BufferedImage im = Pixels.readPng(png, 1200, 940);
    assertTrue(Pixels.count(im, 0.05, 0.8, 0.85, 0.95, Pixels::blue) > 300, "the last panel");
  }

  @Test
  void rendersHeadless() {
    ComponentPlot.render(nile(true), 400, 300);
    assertTrue(GraphicsEnvironment.isHeadless());
  }

  @Test
  void aDatedSeriesHasADateAxisCoveringTheForecast() {
    JFreeChart chart = ComponentPlot.chart(nile(true));
    CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
    DateAxis axis = assertInstanceOf(DateAxis.class, plot.getDomainAxis());
    assertTrue(axis.getMinimumDate().getTime() <= millis(1871, 1, 1));
    assertTrue(axis.getMaximumDate().getTime() >= millis(1980, 1, 1), "ten forecast years");
    assertEquals(2, plot.getSubplots().size(), "observations and the level");
    assertTrue(chart.getTitle().getText().contains("nile.csv"));
    assertTrue(chart.getTitle().getText().contains("local-level"));
  }

  @Test
  void anUndatedSeriesHasAnIntegerAxis() throws Exception {
    TimeSeries undated = TimeSeries.of("volume", Datasets.nile().values());
    NileLocalLevel run = new NileLocalLevel(undated);
    ComponentPlotData data =
        ComponentPlotData.of(
            "undated",
            null,
            undated,
            run.system,
            run.filter,
            run.smoother,
            Optional.of(run.forecast),
            ComponentSpec.fromStateNames(List.of("level")));
    assertFalse(data.times().isCalendar());
    assertEquals(101, data.forecast().orElseThrow().times().value(0), "the index continues");
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) ComponentPlot.chart(data).getPlot();
    assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
    Path png = dir.resolve("undated.png");
    ComponentPlot.writePng(data, png);
    assertTrue(Pixels.distinctColours(Pixels.readPng(png, 1200, 700), 0, 0, 1, 1) > 50);
  }

  @Test
  void theDataRepeatTheFilterSmootherAndForecast() {
    ComponentPlotData data = nile(true);
    Component signal = data.signal();
    Component level = data.components().get(0);
    assertEquals("level", level.name());
    for (int t = 0; t < NILE.series.length(); t++) {
      double sm = NILE.smoother.smoothedMean(t)[0];
      double ss = NILE.smoother.smoothedStd(t)[0];
      double fm = NILE.filter.filteredMean(t)[0];
      double fs = Math.sqrt(NILE.filter.filteredCovariance(t).get(0, 0));
      for (Component c : List.of(signal, level)) {
        assertEquals(sm, c.smoothed().mean(t), ROUNDING * Math.abs(sm));
        assertEquals(ss, c.smoothed().sd(t), ROUNDING * ss);
        assertEquals(fm, c.filtered().mean(t), ROUNDING * Math.abs(fm), "identified after y_0");
        assertEquals(fs, c.filtered().sd(t), ROUNDING * fs);
      }
    }
    ComponentPlotData.ForecastBand band = data.forecast().orElseThrow();
    assertEquals(NileLocalLevel.HORIZON, band.times().length());
    assertEquals(millis(1971, 1, 1), band.times().value(0), "the year after the data");
    for (int h = 1; h <= NileLocalLevel.HORIZON; h++) {
      assertEquals(NILE.forecast.observationMean(h)[0], band.observation().mean(h - 1));
      assertEquals(NILE.forecast.observationStd(h)[0], band.observation().sd(h - 1));
      assertEquals(NILE.forecast.stateMean(h)[0], level.forecast().mean(h - 1), 1e-9);
      assertTrue(level.forecast().sd(h - 1) < band.observation().sd(h - 1), "no noise");
    }
  }

  @Test
  void missingObservationsAreLeftOut() throws Exception {
    double[] y = Datasets.nile().values();
    for (int t = 20; t < 40; t++) {
      y[t] = Double.NaN;
    }
    y[60] = Double.NaN;
    TimeSeries gappy = TimeSeries.of("volume", Datasets.nile().index(), y);
    NileLocalLevel run = new NileLocalLevel(gappy);
    ComponentPlotData data =
        ComponentPlotData.of(
            "gaps",
            ComponentPlotData.describe(gappy, Optional.of(run.forecast)),
            gappy,
            run.system,
            run.filter,
            run.smoother,
            Optional.of(run.forecast),
            ComponentSpec.fromStateNames(List.of("level")));
    assertTrue(data.subtitle().contains("21 missing"), data.subtitle());
    XYPlot top = ((CombinedDomainXYPlot) ComponentPlot.chart(data).getPlot()).getSubplots().get(0);
    assertEquals(79, observedSeries(top).getItemCount(0), "only observed values are points");
    Path png = dir.resolve("gaps.png");
    ComponentPlot.writePng(data, png);
    assertTrue(Pixels.inkShare(Pixels.readPng(png, 1200, 700), 0.1, 0.2, 0.9, 0.95) > 0.05);
  }

  @Test
  void filteredEstimatesWaitUntilTheDiffuseStatesAreIdentified() {
    // Local linear trend: level and slope both diffuse; two observations identify them.
    DMatrixRMaj F = new DMatrixRMaj(2, 2, true, 1, 1, 0, 1);
    DMatrixRMaj H = new DMatrixRMaj(1, 2, true, 1, 0);
    DMatrixRMaj cholQ = new DMatrixRMaj(2, 2, true, Math.sqrt(1469.1), 0, 0, 1);
    StateSpaceSystem s =
        StateSpaceSystem.builder()
            .F(F)
            .H(H)
            .cholQ(cholQ)
            .cholR(new DMatrixRMaj(1, 1, true, Math.sqrt(15099)))
            .m0(new DMatrixRMaj(2, 1))
            .cholP0(new DMatrixRMaj(2, 0))
            .cholPinf(new DMatrixRMaj(2, 2, true, 1, 0, 0, 1))
            .build();
    FilterResult f =
        SquareRootFilter.forSystem(s).filter(s, NileLocalLevel.observations(NILE.series));
    SmootherResult sm = RtsSmoother.forSystem(s).smooth(s, f);
    ComponentPlotData data =
        ComponentPlotData.of(
            "trend",
            null,
            NILE.series,
            s,
            f,
            sm,
            Optional.empty(),
            ComponentSpec.fromStateNames(List.of("level", "trend")));
    assertEquals(2, data.components().size());
    Component trend = data.components().get(1);
    assertTrue(Double.isNaN(trend.filtered().mean(0)), "one observation cannot fix a slope");
    assertTrue(trend.filtered().isPresent(1));
    assertTrue(trend.smoothed().isPresent(0), "the smoother has all the data");
    assertTrue(Double.isNaN(data.signal().filtered().mean(0)));
    BufferedImage im = ComponentPlot.render(data, 1200, 700);
    assertTrue(Pixels.distinctColours(im, 0, 0, 1, 1) > 50);
  }

  @Test
  void componentsAreStatesWithoutALeadingUnderscoreOrLinearCombinations() {
    List<ComponentSpec> specs =
        ComponentSpec.fromStateNames(List.of("level", "trend", "seasonal", "_seasonal.2"));
    assertEquals(
        List.of("level", "trend", "seasonal"), specs.stream().map(ComponentSpec::name).toList());
    assertEquals(List.of(0.0, 0.0, 1.0, 0.0), boxed(specs.get(2).weights()));

    ComponentPlotData doubled =
        ComponentPlotData.of(
            "doubled",
            null,
            NILE.series,
            NILE.system,
            NILE.filter,
            NILE.smoother,
            Optional.empty(),
            List.of(new ComponentSpec("twice the level", new double[] {2})));
    Estimate e = doubled.components().get(0).smoothed();
    for (int t = 0; t < NILE.series.length(); t++) {
      assertEquals(2 * NILE.smoother.smoothedMean(t)[0], e.mean(t), ROUNDING * e.mean(t));
      assertEquals(2 * NILE.smoother.smoothedStd(t)[0], e.sd(t), ROUNDING * e.sd(t));
    }
  }

  @Test
  void inconsistentInputsAreRejectedWithAMessage() {
    ComponentPlotData good = nile(true);
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ComponentPlotData(
                    "t",
                    null,
                    good.times(),
                    "y",
                    new double[3],
                    good.signal(),
                    List.of(),
                    Optional.empty()));
    assertTrue(e.getMessage().contains("observations"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new ComponentSpec("zero", new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> ComponentSpec.state("x", 2, 2));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ComponentPlotData.of(
                "short",
                null,
                NILE.series.slice(0, 50),
                NILE.system,
                NILE.filter,
                NILE.smoother,
                Optional.empty(),
                List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ComponentPlotData.of(
                "wide",
                null,
                NILE.series,
                NILE.system,
                NILE.filter,
                NILE.smoother,
                Optional.empty(),
                List.of(new ComponentSpec("two states", new double[] {1, 1}))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Estimate(new double[] {1}, new double[] {-1}),
        "negative sd");
  }

  @Test
  void plotTimesFollowTheIndex() {
    PlotTimes years = PlotTimes.of(Datasets.nile().index());
    assertTrue(years.isCalendar());
    assertEquals(millis(1871, 1, 1), years.value(0));
    PlotTimes months = PlotTimes.of(Datasets.airPassengers().index());
    assertEquals(millis(1949, 2, 1), months.value(1));
    assertEquals(millis(1961, 1, 1), PlotTimes.after(Datasets.airPassengers().index(), 3).value(0));
    assertEquals(List.of(1.0, 2.0, 3.0), boxed(PlotTimes.index(3).values()));
    assertThrows(IllegalArgumentException.class, () -> PlotTimes.numbers(1, 1));
  }

  private static XYDataset observedSeries(XYPlot plot) {
    for (int i = 0; i < plot.getDatasetCount(); i++) {
      XYDataset d = plot.getDataset(i);
      if (d != null && d.getSeriesCount() == 1 && "observed".equals(d.getSeriesKey(0))) {
        return d;
      }
    }
    throw new AssertionError("no observed series");
  }

  private static double millis(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static List<Double> boxed(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
