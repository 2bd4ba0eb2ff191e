package io.gramian.estimation.arima;

/**
 * How a SARIMA model treats its differences (1 − L)^d (1 − L^s)^D.
 *
 * <ul>
 *   <li>{@link #DIFFUSE_STATES} (the default): d + sD differencing states carry the undifferenced
 *       past, exactly diffuse, and the likelihood is that of all observations (Durbin and Koopman's
 *       exact diffuse likelihood, statsmodels' {@code use_exact_diffuse=True}). Where no
 *       observation is missing it equals the differenced likelihood less {@code ((d + sD)/2) log
 *       2π}.
 *   <li>{@link #SIMPLE_DIFFERENCING}: the series (and the regressors) are differenced first and the
 *       first d + sD observations dropped; the ARMA on the result starts stationary (statsmodels'
 *       {@code simple_differencing=True}, Stata, the exact differenced likelihood).
 * </ul>
 */
public enum Integration {
  DIFFUSE_STATES,
  SIMPLE_DIFFERENCING
}
