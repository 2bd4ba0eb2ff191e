/**
 * What a parametric state-space model is: parameters mapped to system matrices on a tape ({@link
 * io.gramian.estimation.model.StateSpaceModel}), the data it is fitted to, and its log-likelihood
 * with the exact gradient. The base of the estimation layer: the model families ({@code models},
 * {@code arima}) implement it and {@code fit} maximises it.
 */
package io.gramian.estimation.model;
