/**
 * Maximum-likelihood fitting of a {@link io.gramian.estimation.model.StateSpaceModel}: the options,
 * the fit itself, the parameter covariance and the result with its criteria and diagnostics. Uses
 * {@code optim} for the search and {@code diagnostics} at the estimate.
 */
package io.gramian.estimation.fit;
