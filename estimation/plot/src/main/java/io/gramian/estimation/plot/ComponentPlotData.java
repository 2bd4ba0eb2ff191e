package io.gramian.estimation.plot;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.results.Estimate;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.estimation.results.StateMoments;
import io.gramian.kalman.FilterResult;
import io.gramian.kalman.Forecast;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * What {@link ComponentPlot} draws, an immutable value of plain arrays: the observations, the
 * filtered and smoothed estimates of their signal H x + d, the components to show in panels below,
 * and optionally a forecast continuing the time axis. Fill it directly, or from a filter and
 * smoother run with {@link #of} or a fit with {@link #fromFit}.
 *
 * @param title the chart's title
 * @param subtitle a line under the title ({@code null} for none)
 * @param times the times of the observations
 * @param seriesName the observed series' name (the top panel's axis label)
 * @param observations y_t, NaN where missing (missing observations are simply not drawn)
 * @param signal the estimates of the observation's signal H x_t + d_t (its {@code forecast}, if
 *     any, is ignored: the top panel shows {@link ForecastBand#observation} instead)
 * @param components the components drawn in stacked panels below, in order (may be empty)
 * @param forecast the forecast of the observation after the last time, if any
 */
public record ComponentPlotData(
    String title,
    String subtitle,
    PlotTimes times,
    String seriesName,
    double[] observations,
    Component signal,
    List<Component> components,
    Optional<ForecastBand> forecast) {

  /**
   * One plotted quantity: its filtered estimates (drawn as a thin line), smoothed estimates (a line
   * with its 95% band) and forecasts (a dashed line with its 95% band after the data). Each of the
   * three may be {@code null}; filtered and smoothed have one entry per time, the forecast one per
   * forecast time.
   */
  public record Component(String name, Estimate filtered, Estimate smoothed, Estimate forecast) {

    /** Checks that the component has a name and something to draw. */
    public Component {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a plotted component needs a name");
      }
      if (filtered == null && smoothed == null && forecast == null) {
        throw new IllegalArgumentException("component " + name + " has no estimates to plot");
      }
    }
  }

  /**
   * The forecast of the observation: mean and standard deviation (noise included) at each forecast
   * time.
   */
  public record ForecastBand(PlotTimes times, Estimate observation) {

    /** Checks that there is one estimate per time. */
    public ForecastBand {
      Objects.requireNonNull(times, "forecast times");
      Objects.requireNonNull(observation, "forecast estimates");
      if (times.length() != observation.length()) {
        throw new IllegalArgumentException(
            "the forecast has "
                + times.length()
                + " times but "
                + observation.length()
                + " estimates");
      }
    }
  }

  /** Copies the arrays and lists and checks that the lengths agree. */
  public ComponentPlotData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(signal, "signal");
    seriesName = seriesName == null ? "" : seriesName;
    components = List.copyOf(components);
    forecast = forecast == null ? Optional.empty() : forecast;
    observations = observations.clone();
    int n = times.length();
    if (observations.length != n) {
      throw new IllegalArgumentException(
          "the plot has " + n + " times but " + observations.length + " observations");
    }
    List<Component> all = new ArrayList<>(components);
    all.add(signal);
    int h = forecast.map(f -> f.times().length()).orElse(0);
    for (Component c : all) {
      checkLength(c.name(), "filtered", c.filtered(), n);
      checkLength(c.name(), "smoothed", c.smoothed(), n);
      if (c != signal && c.forecast() != null) {
        if (forecast.isEmpty()) {
          throw new IllegalArgumentException(
              "component " + c.name() + " has a forecast but the plot has no forecast times");
        }
        checkLength(c.name(), "forecast", c.forecast(), h);
      }
    }
    if (forecast.isPresent() && n > 0 && forecast.get().times().length() > 0) {
      PlotTimes ft = forecast.get().times();
      if (ft.isCalendar() != times.isCalendar()) {
        throw new IllegalArgumentException(
            "the forecast times and the observation times must both be dates or both numbers");
      }
      if (!(ft.value(0) > times.value(n - 1))) {
        throw new IllegalArgumentException("the forecast must start after the last observation");
      }
    }
  }

  private static void checkLength(String name, String what, Estimate e, int n) {
    if (e != null && e.length() != n) {
      throw new IllegalArgumentException(
          "component "
              + name
              + " has "
              + e.length()
              + " "
              + what
              + " estimates for "
              + n
              + " times");
    }
  }

  @Override
  public double[] observations() {
    return observations.clone();
  }

  /** The horizon of the forecast, 0 without one. */
  public int forecastHorizon() {
    return forecast.map(f -> f.times().length()).orElse(0);
  }

  /**
   * The plot data of a filter and smoother run on a univariate series: the signal row 0 of H_t x_t
   * + d_t, the given components of the state (filtered, smoothed and, with a forecast, forecast),
   * and the forecast of the observation. Filtered estimates are left out at the diffuse start,
   * while some initial direction is not yet identified by the data.
   *
   * @param title the chart's title
   * @param subtitle a line under the title ({@code null} for none)
   * @param series the data the filter ran on (same length as the run)
   * @param system the system the filter ran with
   * @param filter the filter's output
   * @param smoother the smoother's output ({@code null} to plot filtered estimates only)
   * @param forecast a forecast from the end of the run
   * @param components the components to show below the observations
   */
  public static ComponentPlotData of(
      String title,
      String subtitle,
      TimeSeries series,
      StateSpace system,
      FilterResult filter,
      SmootherResult smoother,
      Optional<Forecast> forecast,
      List<ComponentSpec> components) {
    return build(
        title,
        subtitle,
        series,
        StateMoments.ObservationEquation.of(system),
        filter,
        smoother,
        forecast,
        components);
  }

  /**
   * The plot data of a fit, titled with the data file's and the model's names: the components are
   * the states whose names do not start with an underscore ({@link ComponentSpec#fromStateNames}).
   *
   * @param series the data the model was fitted to (after any transform; same length as the filter
   *     run)
   * @param dataFileName the data file's name for the title, such as {@code nile.csv}
   * @param fit the fit, whose {@link FitResult#filter()} is used
   * @param smoother the smoother's output at the estimates ({@code null} for none)
   * @param forecast a forecast from the end of the data
   * @param stateNames the model's state names ({@code StateSpaceModel#stateNames})
   * @param system the system at the estimates
   */
  public static ComponentPlotData fromFit(
      TimeSeries series,
      String dataFileName,
      FitResult fit,
      SmootherResult smoother,
      Optional<Forecast> forecast,
      List<String> stateNames,
      StateSpace system) {
    return fromFitWithComponents(
        series,
        dataFileName,
        fit,
        smoother,
        forecast,
        ComponentSpec.fromStateNames(stateNames),
        system);
  }

  /**
   * The plot data of a fit and its forecast, all read from the fit: its series, system, filter and
   * state names, smoothed here; the components are the states whose names do not start with an
   * underscore.
   *
   * @param dataFileName the data file's name for the title, such as {@code nile.csv}
   * @param fit the fit
   * @param forecast the fit's forecast ({@link FitResult#forecast}), if any
   */
  public static ComponentPlotData fromFit(
      String dataFileName, FitResult fit, Optional<SeriesForecast> forecast) {
    StateSpace system = fit.system();
    SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
    return fromFit(
        fit.series(),
        dataFileName,
        fit,
        smoothed,
        forecast.map(SeriesForecast::moments),
        fit.stateNames(),
        system);
  }

  /**
   * As {@link #fromFit(TimeSeries, String, FitResult, SmootherResult, Optional, List, StateSpace)}
   * for a model with a time-invariant observation matrix H and no observation intercept (d = 0):
   * the signal is row 0 of H x_t.
   */
  public static ComponentPlotData fromFit(
      TimeSeries series,
      String dataFileName,
      FitResult fit,
      SmootherResult smoother,
      Optional<Forecast> forecast,
      List<String> stateNames,
      DMatrixRMaj H) {
    return build(
        fitTitle(dataFileName, fit),
        describe(series, forecast),
        series,
        StateMoments.ObservationEquation.fixed(H),
        fit.filter(),
        smoother,
        forecast,
        ComponentSpec.fromStateNames(stateNames));
  }

  /**
   * The plot of a fit with the caller's choice of components (a model's seasonal made of several
   * states, say), titled like {@link #fromFit}.
   */
  public static ComponentPlotData fromFitWithComponents(
      TimeSeries series,
      String dataFileName,
      FitResult fit,
      SmootherResult smoother,
      Optional<Forecast> forecast,
      List<ComponentSpec> components,
      StateSpace system) {
    return of(
        fitTitle(dataFileName, fit),
        describe(series, forecast),
        series,
        system,
        fit.filter(),
        smoother,
        forecast,
        components);
  }

  static String fitTitle(String dataFileName, FitResult fit) {
    String model = fit.model() + " model";
    return dataFileName == null || dataFileName.isBlank() ? model : dataFileName + ": " + model;
  }

  /** "volume, 1871 to 1970, 100 observations, forecast 10 years ahead". */
  static String describe(TimeSeries series, Optional<Forecast> forecast) {
    StringBuilder s = new StringBuilder(series.name());
    int n = series.length();
    if (n > 0) {
      s.append(", ").append(series.label(0)).append(" to ").append(series.label(n - 1));
    }
    int observed = series.observedCount();
    s.append(", ").append(observed).append(observed == 1 ? " observation" : " observations");
    if (observed < n) {
      s.append(" (").append(n - observed).append(" missing)");
    }
    forecast.ifPresent(
        f ->
            s.append(", forecast ")
                .append(f.horizon())
                .append(' ')
                .append(periods(series, f.horizon()))
                .append(" ahead"));
    return s.toString();
  }

  private static String periods(TimeSeries series, int count) {
    String unit =
        switch (series.frequency()) {
          case ANNUAL -> "year";
          case QUARTERLY -> "quarter";
          case MONTHLY -> "month";
          default -> "period";
        };
    return count == 1 ? unit : unit + "s";
  }

  private static ComponentPlotData build(
      String title,
      String subtitle,
      TimeSeries series,
      StateMoments.ObservationEquation observation,
      FilterResult filter,
      SmootherResult smoother,
      Optional<Forecast> forecast,
      List<ComponentSpec> specs) {
    int T = filter.steps();
    int nx = filter.nx();
    if (series.length() != T) {
      throw new IllegalArgumentException(
          "the series \""
              + series.name()
              + "\" has "
              + series.length()
              + " observations but the filter ran over "
              + T
              + " steps");
    }
    if (smoother != null && smoother.steps() != T) {
      throw new IllegalArgumentException(
          "the smoother ran over " + smoother.steps() + " steps but the filter over " + T);
    }
    for (ComponentSpec spec : specs) {
      if (spec.size() != nx) {
        throw new IllegalArgumentException(
            "component " + spec.name() + " has " + spec.size() + " weights for " + nx + " states");
      }
    }
    forecast = forecast == null ? Optional.empty() : forecast;
    int h = forecast.map(Forecast::horizon).orElse(0);

    // The signal: row 0 of H_t x_t + d_t.
    double[][] sig = new double[4][T];
    for (int t = 0; t < T; t++) {
      double[] w = StateMoments.row(observation.H(t), 0);
      double d = observation.d(t).get(0, 0);
      fill(sig, t, w, d, filter, smoother);
    }
    Component signal =
        new Component(
            series.name(),
            new Estimate(sig[0], sig[1]),
            smoother == null ? null : new Estimate(sig[2], sig[3]),
            null);

    List<Component> components = new ArrayList<>();
    for (ComponentSpec spec : specs) {
      double[][] v = new double[4][T];
      for (int t = 0; t < T; t++) {
        fill(v, t, spec.weights(), 0, filter, smoother);
      }
      Estimate fc = null;
      if (forecast.isPresent()) {
        Forecast f = forecast.get();
        double[] m = new double[h];
        double[] s = new double[h];
        for (int k = 1; k <= h; k++) {
          m[k - 1] = StateMoments.mean(spec.weights(), f.stateMean(k));
          s[k - 1] = Math.sqrt(StateMoments.variance(spec.weights(), f.stateFactor(k)));
        }
        fc = new Estimate(m, s);
      }
      components.add(
          new Component(
              spec.name(),
              new Estimate(v[0], v[1]),
              smoother == null ? null : new Estimate(v[2], v[3]),
              fc));
    }

    Optional<ForecastBand> band = Optional.empty();
    if (forecast.isPresent()) {
      Forecast f = forecast.get();
      double[] m = new double[h];
      double[] s = new double[h];
      for (int k = 1; k <= h; k++) {
        m[k - 1] = f.observationMean(k)[0];
        s[k - 1] = f.observationStd(k)[0];
      }
      band = Optional.of(new ForecastBand(PlotTimes.after(series.index(), h), new Estimate(m, s)));
    }
    return new ComponentPlotData(
        title,
        subtitle,
        PlotTimes.of(series.index()),
        series.name(),
        series.values(),
        signal,
        components,
        band);
  }

  /** Filtered mean, sd, smoothed mean, sd of wᵀx_t + c at step t into out[0..3][t]. */
  private static void fill(
      double[][] out, int t, double[] w, double c, FilterResult filter, SmootherResult smoother) {
    if (StateMoments.filteredIdentified(filter, t)) {
      out[0][t] = StateMoments.mean(w, filter.filteredMean(t)) + c;
      out[1][t] = Math.sqrt(StateMoments.variance(w, filter.filteredFactor(t)));
    } else {
      out[0][t] = Double.NaN;
      out[1][t] = Double.NaN;
    }
    if (smoother != null) {
      out[2][t] = StateMoments.mean(w, smoother.smoothedMean(t)) + c;
      out[3][t] = Math.sqrt(StateMoments.variance(w, smoother.smoothedFactor(t)));
    }
  }
}
