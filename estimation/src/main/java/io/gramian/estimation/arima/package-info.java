/**
 * Seasonal ARIMA models with regressors ({@link io.gramian.estimation.arima.Sarimax}) in Harvey's
 * state-space form, with exactly diffuse differencing states, and their start values. A model
 * family of the estimation layer, fitted by {@code io.gramian.estimation.fit}.
 */
package io.gramian.estimation.arima;
