package io.gramian.estimation.cli;

import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.model.StateSpaceModel;
import io.gramian.kalman.Forecast;

/** The files {@code fit} writes beside its summary: the plots and the states CSV. */
final class FitOutputs {

  private FitOutputs() {}

  static void write(
      FitCommand command,
      StateSpaceModel model,
      DataOptions.Loaded loaded,
      FitResult fit,
      Forecast forecast) {
    if (command.plot != null || command.diagnosticsPlot != null || command.states != null) {
      throw new IllegalArgumentException(
          "--plot, --diagnostics-plot and --states are not available in this build");
    }
  }
}
