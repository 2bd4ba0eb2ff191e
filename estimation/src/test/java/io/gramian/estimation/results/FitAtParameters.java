package io.gramian.estimation.results;

import io.gramian.datasets.TimeSeries;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.model.StateSpaceModel;
import java.util.Map;

/** A fit with every parameter held at a given value: the result at exactly those parameters. */
final class FitAtParameters {

  private FitAtParameters() {}

  static FitResult of(StateSpaceModel model, TimeSeries series, Map<String, Double> parameters) {
    return MaximumLikelihood.fit(
        model, ModelData.of(series), FitOptions.defaults().withFixed(parameters));
  }
}
