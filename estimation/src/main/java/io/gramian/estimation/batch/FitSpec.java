package io.gramian.estimation.batch;

import io.gramian.estimation.diagnostics.CovarianceType;
import io.gramian.estimation.fit.FitOptions;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that defines the fit of one series in a batch, as a serialisable value: the model
 * ({@code --model} and its options), parameters held fixed ({@code --fix}), how standard errors are
 * computed ({@code --cov-type}), the transform ({@code --transform}) and the forecast horizon
 * ({@code --forecast H}, 0 for none). A distributed job ships it to its workers and each rebuilds
 * the same {@link BatchFit} from it; the optimiser's settings are the library's defaults ({@link
 * FitOptions#defaults()}), the same everywhere.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param model the model specification
 * @param fixed natural values of the parameters held fixed, by statsmodels' name (empty for none)
 * @param covarianceType how standard errors are computed (statsmodels' default, OPG)
 * @param transform applied to each series before it is modelled
 * @param forecastHorizon periods forecast after each series' end; 0 for no forecast
 */
public record FitSpec(
    ModelSpec model,
    Map<String, Double> fixed,
    CovarianceType covarianceType,
    SeriesTransform transform,
    int forecastHorizon)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public FitSpec {
    Objects.requireNonNull(model, "model");
    fixed = Map.copyOf(fixed);
    Objects.requireNonNull(covarianceType, "covarianceType");
    Objects.requireNonNull(transform, "transform");
    if (forecastHorizon < 0) {
      throw new IllegalArgumentException(
          "the forecast horizon must be 0 (no forecast) or a positive number of periods, got "
              + forecastHorizon);
    }
  }

  /** The model with the defaults: nothing fixed, OPG standard errors, no transform, no forecast. */
  public static FitSpec of(ModelSpec model) {
    return new FitSpec(model, Map.of(), CovarianceType.OPG, SeriesTransform.NONE, 0);
  }

  public FitSpec withFixed(Map<String, Double> value) {
    return new FitSpec(model, value, covarianceType, transform, forecastHorizon);
  }

  public FitSpec withCovarianceType(CovarianceType value) {
    return new FitSpec(model, fixed, value, transform, forecastHorizon);
  }

  public FitSpec withTransform(SeriesTransform value) {
    return new FitSpec(model, fixed, covarianceType, value, forecastHorizon);
  }

  /** This specification with a forecast of {@code horizon} periods (0: none). */
  public FitSpec withForecast(int horizon) {
    return new FitSpec(model, fixed, covarianceType, transform, horizon);
  }

  /** The options of each fit: the library's defaults with the fixed values and covariance type. */
  public FitOptions fitOptions() {
    return FitOptions.defaults().withFixed(fixed).withCovarianceType(covarianceType);
  }
}
