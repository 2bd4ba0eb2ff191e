package io.gramian.estimation.arima;

import io.gramian.estimation.model.ModelData;

/**
 * A row of {@code arima_cases.csv} (the {@code Rarima_*} and {@code SARIMAX_*} rows of the shared
 * reference table) as a model, its data, the row's parameters in the model's order and on its
 * natural scale, and the log-likelihood the row reports there.
 *
 * @param id the row's {@code case}
 * @param model the model the row describes (with the integration of its convention)
 * @param data its series (and regressors)
 * @param parameters natural values in {@link Sarimax#parameterNames()} order
 * @param loglik the row's log-likelihood, in {@code convention}
 * @param convention how the row's software computes ℓ
 */
record ArimaCase(
    String id,
    Sarimax model,
    ModelData data,
    double[] parameters,
    double loglik,
    Convention convention) {

  /** The log-likelihood conventions of the reference rows. */
  enum Convention {
    /** Exact Gaussian likelihood of a stationary model: ours, with nothing diffuse. */
    EXACT,
    /** statsmodels {@code simple_differencing=True}: ours with simple differencing. */
    SIMPLE_DIFFERENCING,
    /** R's {@code arima} with d + D > 0, κ = 1e6 σ² ({@link RArimaLikelihood}). */
    R_KAPPA,
    /** statsmodels' default with d + D > 0: variance 1e6, first d + sD terms dropped. */
    STATSMODELS_APPROXIMATE_DIFFUSE
  }

  @Override
  public String toString() {
    return id;
  }
}
