package io.gramian.estimation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.datasets.Datasets;
import io.gramian.estimation.backtest.Backtest;
import io.gramian.estimation.backtest.BacktestResult;
import io.gramian.estimation.batch.ModelSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest figure of a local level on the Nile: the folds' forecasts and the errors. */
class BacktestPlotTest {

  @TempDir Path dir;

  @Test
  void drawsTheForecastsOverTheDataAndTheErrorsByHorizon() throws Exception {
    BacktestResult result = Backtest.run(ModelSpec.named("local-level"), Datasets.nile(), 5, 10);
    Path png = dir.resolve("backtest.png");
    BacktestPlot.writePng(result, "nile.csv: local-level, 10 folds", png);
    BufferedImage im = Pixels.readPng(png, BacktestPlot.DEFAULT_WIDTH, BacktestPlot.DEFAULT_HEIGHT);
    // the series panel (below its title and legend): the forecasts in red at the right end only
    assertTrue(Pixels.distinctColours(im, 0, 0, 1, 0.6) > 20);
    assertTrue(Pixels.count(im, 0.7, 0.05, 1, 0.6, Pixels::forecastRed) > 200, "fold forecasts");
    assertTrue(Pixels.count(im, 0, 0.1, 0.6, 0.6, Pixels::forecastRed) < 20, "none early on");
    // the error panel: MAE in blue
    assertTrue(Pixels.count(im, 0, 0.6, 1, 1, Pixels::blue) > 300, "MAE by horizon");
    assertEquals(2, BacktestPlot.panels(result, "t").size());
  }
}
