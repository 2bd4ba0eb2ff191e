package io.gramian.estimation.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Several series' {@link ComponentPlot}s stacked in one image, one panel per series (a model of
 * several series at once: each series with its smoothed level and forecast).
 */
public final class SeriesPanelsPlot {

  /** The height of each series' panel in pixels. */
  public static final int PANEL_HEIGHT = 420;

  private SeriesPanelsPlot() {}

  /**
   * Writes the panels, top to bottom in the order given, as one PNG {@value
   * ComponentPlot#DEFAULT_WIDTH} pixels wide and {@value #PANEL_HEIGHT} high per panel.
   *
   * @throws IllegalArgumentException when there is no panel
   */
  public static void writePng(List<ComponentPlotData> panels, Path file) throws IOException {
    PlotStyle.headless();
    PlotStyle.writePng(render(panels, ComponentPlot.DEFAULT_WIDTH, PANEL_HEIGHT), file);
  }

  /** The panels drawn on one opaque image, each {@code width} × {@code panelHeight}. */
  public static BufferedImage render(List<ComponentPlotData> panels, int width, int panelHeight) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a plot of several series needs at least one panel");
    }
    BufferedImage image =
        new BufferedImage(width, panelHeight * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      for (int i = 0; i < panels.size(); i++) {
        g.drawImage(
            ComponentPlot.render(panels.get(i), width, panelHeight), 0, i * panelHeight, null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
