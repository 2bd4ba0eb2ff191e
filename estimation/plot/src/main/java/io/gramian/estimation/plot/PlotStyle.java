package io.gramian.estimation.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** Colours, fonts, strokes and axes shared by the plots. */
final class PlotStyle {

  private PlotStyle() {}

  static final Color OBSERVED = new Color(0x3a, 0x3a, 0x3a);
  static final Color SMOOTHED = new Color(0x1f, 0x5f, 0xa8);
  static final Color FILTERED = new Color(0xe0, 0x7b, 0x00);
  static final Color FORECAST = new Color(0xc0, 0x39, 0x2b);
  static final Color REFERENCE = new Color(0x88, 0x88, 0x88);
  static final Color GRID = new Color(0xe3, 0xe3, 0xe3);
  static final Color AXIS = new Color(0x99, 0x99, 0x99);
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color SUBTLE_TEXT = new Color(0x55, 0x55, 0x55);
  static final Color FORECAST_REGION = new Color(0xf3, 0xf3, 0xf3);
  static final Color GREEN = new Color(0x2c, 0x8c, 0x3c);

  /** Opacity of the 95% bands. */
  static final float BAND_ALPHA = 0.20f;

  static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FAMILY, Font.BOLD, 22);
  static final Font SUBTITLE_FONT = new Font(FAMILY, Font.PLAIN, 15);
  static final Font PANEL_TITLE_FONT = new Font(FAMILY, Font.BOLD, 16);
  static final Font COMPONENT_TITLE_FONT = new Font(FAMILY, Font.BOLD, 14);
  static final Font AXIS_LABEL_FONT = new Font(FAMILY, Font.PLAIN, 15);
  static final Font TICK_FONT = new Font(FAMILY, Font.PLAIN, 13);
  static final Font LEGEND_FONT = new Font(FAMILY, Font.PLAIN, 14);
  static final Font NOTE_FONT = new Font(FAMILY, Font.PLAIN, 13);

  static final Stroke SMOOTHED_STROKE = round(2.2f);
  static final Stroke FILTERED_STROKE = round(1.2f);
  static final Stroke FORECAST_STROKE =
      new BasicStroke(
          2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
  static final Stroke REFERENCE_STROKE = round(1.0f);
  static final Stroke DASHED_REFERENCE =
      new BasicStroke(
          1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f);

  static final double POINT_SIZE = 6;

  static Stroke round(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static Ellipse2D point(double size) {
    return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
  }

  /** A colour with the given opacity. */
  static Color alpha(Color c, float alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255));
  }

  /** The colour of a band of {@code c} drawn at {@link #BAND_ALPHA} on white, opaque. */
  static Color bandOnWhite(Color c) {
    float a = BAND_ALPHA;
    return new Color(
        Math.round(255 + a * (c.getRed() - 255)),
        Math.round(255 + a * (c.getGreen() - 255)),
        Math.round(255 + a * (c.getBlue() - 255)));
  }

  /**
   * Renders without a display: sets {@code java.awt.headless=true} unless the application has
   * chosen otherwise. Called by the PNG writers at the moment they write, never on class loading,
   * so that an application that only builds or renders charts (in a window, say) keeps its own
   * setting.
   */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** A white, lightly gridded plot with readable ticks. */
  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(round(1f));
    plot.setRangeGridlineStroke(round(1f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    plot.setInsets(new RectangleInsets(6, 4, 6, 12));
  }

  static void style(ValueAxis axis) {
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(TEXT);
    axis.setLabelFont(AXIS_LABEL_FONT);
    axis.setLabelPaint(TEXT);
    axis.setAxisLinePaint(AXIS);
    axis.setTickMarkPaint(AXIS);
  }

  /** A value axis that fits its data, need not include zero, and has readable ticks. */
  static NumberAxis valueAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeStickyZero(false);
    axis.setLowerMargin(0.06);
    axis.setUpperMargin(0.06);
    style(axis);
    return axis;
  }

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /**
   * The time axis for times: a date axis with ticks on whole years (or months, days, hours when the
   * data are that dense) for calendar times, else an axis of whole numbers.
   */
  static ValueAxis timeAxis(PlotTimes times) {
    if (times.isCalendar()) {
      DateAxis axis = new CalendarAxis();
      axis.setStandardTickUnits(dateTickUnits(times.smallestStep().orElse(Double.MAX_VALUE)));
      axis.setLowerMargin(0.015);
      axis.setUpperMargin(0.015);
      style(axis);
      return axis;
    }
    NumberAxis axis = new NumberAxis(null);
    boolean integers = true;
    for (double v : times.values()) {
      integers &= v == Math.rint(v);
    }
    if (integers) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    axis.setAutoRangeIncludesZero(false);
    axis.setLowerMargin(0.015);
    axis.setUpperMargin(0.015);
    style(axis);
    return axis;
  }

  /**
   * A UTC date axis whose ticks of several months fall on months that are multiples of the step
   * from January (January, April, July, October for quarters); JFreeChart's own choice is March,
   * June, September, December.
   */
  private static final class CalendarAxis extends DateAxis {

    private static final long serialVersionUID = 1L;

    CalendarAxis() {
      super(null, UTC, Locale.ENGLISH);
    }

    @Override
    protected Date previousStandardDate(Date date, DateTickUnit unit) {
      if (!DateTickUnitType.MONTH.equals(unit.getUnitType())) {
        return super.previousStandardDate(date, unit);
      }
      Calendar c = Calendar.getInstance(UTC, Locale.ENGLISH);
      c.setTime(date);
      int count = unit.getMultiple();
      int month = Math.floorDiv(c.get(Calendar.YEAR) * 12 + c.get(Calendar.MONTH), count) * count;
      Date start = monthStart(month);
      return start.getTime() >= date.getTime() ? monthStart(month - count) : start;
    }

    private static Date monthStart(int monthsSinceYearZero) {
      Calendar c = Calendar.getInstance(UTC, Locale.ENGLISH);
      c.clear();
      c.set(Math.floorDiv(monthsSinceYearZero, 12), Math.floorMod(monthsSinceYearZero, 12), 1);
      return c.getTime();
    }
  }

  private static final double DAY = 86_400_000.0;

  /** Tick units no finer than the data: yearly data get only whole-year ticks. */
  private static TickUnits dateTickUnits(double smallestStep) {
    TickUnits units = new TickUnits();
    if (smallestStep < 0.9 * DAY) {
      DateFormat hm = format("yyyy-MM-dd HH:mm");
      for (int k : new int[] {1, 2, 3, 6, 12}) {
        units.add(new DateTickUnit(DateTickUnitType.HOUR, k, hm));
      }
    }
    if (smallestStep < 27 * DAY) {
      DateFormat day = format("d MMM yyyy");
      for (int k : new int[] {1, 2, 7, 14}) {
        units.add(new DateTickUnit(DateTickUnitType.DAY, k, day));
      }
    }
    if (smallestStep < 360 * DAY) {
      DateFormat month = format("MMM yyyy");
      for (int k : new int[] {1, 2, 3, 6}) {
        units.add(new DateTickUnit(DateTickUnitType.MONTH, k, month));
      }
    }
    DateFormat year = format("yyyy");
    for (int k : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) {
      units.add(new DateTickUnit(DateTickUnitType.YEAR, k, year));
    }
    return units;
  }

  private static DateFormat format(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ENGLISH);
    f.setTimeZone(UTC);
    return f;
  }

  /** A legend entry: a line (solid or dashed), with an optional band swatch behind it. */
  static LegendItem lineItem(String label, Color line, Stroke stroke, Color band) {
    // The legend draws its line before its shape, so the band swatch leaves a gap for the line.
    float half = stroke instanceof BasicStroke b ? b.getLineWidth() / 2 : 1f;
    java.awt.geom.Area swatch = new java.awt.geom.Area(new Rectangle2D.Double(-11, -7, 22, 14));
    swatch.subtract(new java.awt.geom.Area(new Rectangle2D.Double(-12, -half, 24, 2 * half)));
    Line2D.Double segment = new Line2D.Double(-11, 0, 11, 0);
    LegendItem item =
        new LegendItem(
            label,
            null,
            null,
            null,
            band != null,
            swatch,
            band != null,
            band != null ? band : Color.WHITE,
            false,
            Color.WHITE,
            REFERENCE_STROKE,
            true,
            segment,
            stroke,
            line);
    item.setLabelFont(LEGEND_FONT);
    return item;
  }

  /** A legend entry for points. */
  static LegendItem pointItem(String label, Color color) {
    LegendItem item = new LegendItem(label, null, null, null, point(POINT_SIZE + 1), color);
    item.setLabelFont(LEGEND_FONT);
    return item;
  }

  /** A legend entry for a filled area. */
  static LegendItem areaItem(String label, Color color) {
    LegendItem item =
        new LegendItem(label, null, null, null, new Rectangle2D.Double(-9, -6, 18, 12), color);
    item.setLabelFont(LEGEND_FONT);
    return item;
  }

  static void antialias(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  static void checkSize(int width, int height) {
    if (width < 200 || height < 150 || width > 20_000 || height > 20_000) {
      throw new IllegalArgumentException(
          "a plot of " + width + " × " + height + " pixels is outside 200 × 150 to 20000 × 20000");
    }
  }

  /** Writes an image as PNG, creating the parent directory if needed. */
  static void writePng(BufferedImage image, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer is available");
      }
    }
  }
}
