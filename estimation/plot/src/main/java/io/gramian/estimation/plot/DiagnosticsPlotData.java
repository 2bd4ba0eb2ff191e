package io.gramian.estimation.plot;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.fit.FitResult;
import java.util.Objects;

/**
 * What {@link DiagnosticsPlot} draws, an immutable value: the standardized one-step residuals on
 * their times (NaN where an observation is missing or a step is diffuse; those are skipped) and the
 * number of autocorrelation lags to show.
 *
 * @param title the figure's title
 * @param subtitle a line under the title ({@code null} for the default: the residual tests)
 * @param times the residuals' times
 * @param residuals the standardized residuals, NaN where there is none
 * @param lags the largest lag of the correlogram (reduced to n − 1 for n residuals)
 */
public record DiagnosticsPlotData(
    String title, String subtitle, PlotTimes times, double[] residuals, int lags) {

  /** The correlogram's default largest lag, as statsmodels' {@code plot_diagnostics}. */
  public static final int DEFAULT_LAGS = 10;

  /** The fewest non-missing residuals the figure is drawn for. */
  public static final int MIN_RESIDUALS = 3;

  /** Copies the residuals and checks them. */
  public DiagnosticsPlotData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(residuals, "residuals");
    if (residuals.length != times.length()) {
      throw new IllegalArgumentException(
          "the diagnostics plot has "
              + times.length()
              + " times but "
              + residuals.length
              + " residuals");
    }
    if (lags < 1) {
      throw new IllegalArgumentException("the correlogram needs at least 1 lag, got " + lags);
    }
    int n = 0;
    for (int t = 0; t < residuals.length; t++) {
      if (Double.isInfinite(residuals[t])) {
        throw new IllegalArgumentException("residual " + t + " is infinite");
      }
      if (!Double.isNaN(residuals[t])) {
        n++;
      }
    }
    if (n < MIN_RESIDUALS) {
      throw new IllegalArgumentException(
          "the diagnostics plot needs at least "
              + MIN_RESIDUALS
              + " non-missing residuals, got "
              + n);
    }
    residuals = residuals.clone();
  }

  /** The residuals of a series on its own times, with the default number of lags. */
  public static DiagnosticsPlotData of(String title, TimeSeries series, double[] residuals) {
    return new DiagnosticsPlotData(
        title, null, PlotTimes.of(series.index()), residuals, DEFAULT_LAGS);
  }

  /**
   * The standardized residuals of a fit, titled with the data file's and the model's names.
   *
   * @param series the data the model was fitted to (same length as the residuals)
   * @param dataFileName the data file's name for the title, such as {@code nile.csv}
   * @param fit the fit
   */
  public static DiagnosticsPlotData fromFit(TimeSeries series, String dataFileName, FitResult fit) {
    double[] r = fit.standardizedResiduals();
    if (r.length != series.length()) {
      throw new IllegalArgumentException(
          "the series \""
              + series.name()
              + "\" has "
              + series.length()
              + " observations but the fit has "
              + r.length
              + " residuals");
    }
    DiagnosticsPlotData untitled =
        new DiagnosticsPlotData(
            ComponentPlotData.fitTitle(dataFileName, fit) + ", residual diagnostics",
            null,
            PlotTimes.of(series.index()),
            r,
            DEFAULT_LAGS);
    // The tests' line leaves out the diffuse steps, as the fit's summary does.
    return new DiagnosticsPlotData(
        untitled.title(),
        DiagnosticsPlot.testSummary(untitled, fit.diffuseSteps()),
        untitled.times(),
        r,
        DEFAULT_LAGS);
  }

  @Override
  public double[] residuals() {
    return residuals.clone();
  }

  /** The non-missing residuals, in order. */
  public double[] observedResiduals() {
    int n = 0;
    double[] out = new double[residuals.length];
    for (double r : residuals) {
      if (!Double.isNaN(r)) {
        out[n++] = r;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
