package io.gramian.estimation.cli;

import io.gramian.estimation.batch.FitSpec;
import io.gramian.estimation.batch.SeriesTransform;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say how each series of a batch is fitted: the model options of {@code fit}, the
 * estimation options ({@code --fix}, {@code --cov-type}) and {@code --transform}, read into the
 * library's {@link FitSpec}. {@code gramian fit-many} and the Spark job ({@code gramian-spark})
 * take them through this one mixin, so both read the same options the same way.
 */
public final class FitSpecOptions {

  @Mixin ModelOptions modelOptions;

  @Mixin EstimationOptions estimationOptions;

  @Option(
      names = "--transform",
      paramLabel = "T",
      defaultValue = "none",
      description = "Transform each series first: none, log or log10 (default: ${DEFAULT-VALUE}).")
  String transform;

  /**
   * The specification the options give, forecasting {@code forecastHorizon} periods (0: none).
   *
   * @throws IllegalArgumentException naming the option, for a value it does not take
   */
  public FitSpec fitSpec(int forecastHorizon) {
    modelOptions.requireOneSeriesOptions();
    return new FitSpec(
        modelOptions.spec(),
        estimationOptions.fixed(),
        estimationOptions.covarianceType(),
        SeriesTransform.parse(transform),
        forecastHorizon);
  }
}
