package io.gramian.estimation.cli;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.plot.ComponentPlot;
import io.gramian.estimation.plot.ComponentPlotData;
import io.gramian.estimation.plot.ComponentSpec;
import io.gramian.estimation.plot.DiagnosticsPlot;
import io.gramian.estimation.plot.DiagnosticsPlotData;
import io.gramian.estimation.plot.OriginalScalePanel;
import io.gramian.estimation.plot.StatesCsv;
import io.gramian.estimation.results.OriginalScaleForecast;
import io.gramian.estimation.results.SeriesForecast;
import io.gramian.kalman.RtsSmoother;
import io.gramian.kalman.SmootherResult;
import io.gramian.kalman.StateSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files {@code fit} writes beside its summary: the components plot, the diagnostics plot and
 * the states CSV, from the smoothed and forecast estimates at the fitted parameters.
 */
final class FitOutputs {

  /** States a plot shows as components, by statsmodels' names; the others are auxiliary. */
  private static final List<String> PLOTTED =
      List.of("level", "trend", "seasonal", "cycle", "ar.L1");

  /** The options that name these files, as {@link OutputFiles} knows them. */
  static final String PLOT = "--plot";

  static final String DIAGNOSTICS_PLOT = "--diagnostics-plot";
  static final String STATES = "--states";
  static final String PATHS = "--paths-out";

  private FitOutputs() {}

  /**
   * Writes the files the command asked for (each named in {@code outputs} under its option) to
   * their temporaries; {@link OutputFiles#commit()} puts them in place.
   */
  static void write(
      FitCommand command,
      OutputFiles outputs,
      DataOptions.Loaded loaded,
      FitResult fit,
      SeriesForecast forecast) {
    if (command.plot == null && command.diagnosticsPlot == null && command.states == null) {
      return;
    }
    String file = command.data.getFileName().toString();
    if (command.diagnosticsPlot != null) {
      outputs.write(
          DIAGNOSTICS_PLOT,
          png ->
              DiagnosticsPlot.writePng(
                  DiagnosticsPlotData.fromFit(loaded.series(), file, fit), png));
    }
    if (command.plot != null) {
      OriginalScaleForecast original = command.dataOptions.originalScale(forecast);
      OriginalScalePanel originalPanel =
          original == null
              ? null
              : OriginalScalePanel.of(
                  command.dataOptions.untransformed(loaded),
                  original,
                  SeriesTransform.parse(command.dataOptions.transform).spelling());
      writeComponentPlot(
          outputs,
          PLOT,
          loaded.series(),
          file,
          fit,
          forecast,
          originalPanel,
          command.modelOptions.exogVarying == null ? List.of() : command.modelOptions.exogVarying);
    }
    if (command.states != null) {
      outputs.write(STATES, csv -> StatesCsv.write(fit.states(), csv));
    }
  }

  /**
   * Writes the components plot under {@code option}: the data with the smoothed components at the
   * fit's parameters and, when given, the forecast ({@code fit --plot}, {@code forecast --plot}),
   * with the panel of the forecast on the original scale when {@code originalPanel} is not null,
   * and the paths of the time-varying coefficients of the columns {@code varying}.
   */
  static void writeComponentPlot(
      OutputFiles outputs,
      String option,
      TimeSeries series,
      String file,
      FitResult fit,
      SeriesForecast forecast,
      OriginalScalePanel originalPanel,
      List<String> varying) {
    StateSpace system = fit.system();
    SmootherResult smoothed = RtsSmoother.forSystem(system).smooth(system, fit.filter());
    List<ComponentSpec> components = components(fit.stateNames(), system, varying);
    outputs.write(
        option,
        png ->
            ComponentPlot.writePng(
                ComponentPlotData.fromFitWithComponents(
                    series,
                    file,
                    fit,
                    smoothed,
                    Optional.ofNullable(forecast).map(SeriesForecast::moments),
                    components,
                    system),
                originalPanel,
                png));
  }

  /**
   * The components to plot: level, trend, dummy seasonal, cycle and AR component by name, and a
   * trigonometric seasonal as the sum its observation loads (H's weights on its states), then the
   * path of each time-varying regression coefficient ({@code beta.<column>}). None for a model
   * without named components (ARIMA): the plot then shows the observation's signal alone.
   */
  static List<ComponentSpec> components(
      List<String> names, StateSpace system, List<String> varying) {
    List<ComponentSpec> specs = new ArrayList<>(components(names, system));
    for (String x : varying) {
      int i = names.indexOf("beta." + x);
      if (i >= 0) {
        specs.add(ComponentSpec.state("beta." + x, names.size(), i));
      }
    }
    return specs;
  }

  /** The components without regression coefficients; see the three-argument form. */
  static List<ComponentSpec> components(List<String> names, StateSpace system) {
    int nx = names.size();
    List<ComponentSpec> specs = new ArrayList<>();
    for (String wanted : PLOTTED) {
      int i = names.indexOf(wanted);
      if (i >= 0) {
        specs.add(ComponentSpec.state(wanted, nx, i));
      }
    }
    double[] trig = new double[nx];
    boolean any = false;
    for (int i = 0; i < nx; i++) {
      if (names.get(i).startsWith("freq_seasonal.")) {
        trig[i] = system.H(0).get(0, i);
        any |= trig[i] != 0;
      }
    }
    if (any) {
      specs.add(new ComponentSpec("seasonal", trig));
    }
    return specs;
  }
}
