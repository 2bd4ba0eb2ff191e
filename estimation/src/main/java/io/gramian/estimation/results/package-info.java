/**
 * What a fitted state-space model says about its series, as plain immutable values: the filtered
 * and smoothed states and signal per period ({@link io.gramian.estimation.results.StateEstimates},
 * each a series of means and standard deviations, {@link io.gramian.estimation.results.Estimate}),
 * and the forecast of the series with intervals at several levels ({@link
 * io.gramian.estimation.results.SeriesForecast}, {@link
 * io.gramian.estimation.results.ForecastStep}, {@link io.gramian.estimation.results.Interval}).
 * {@code FitResult#states()} and {@code FitResult#forecast} produce them; the plots, the states CSV
 * and the command line's JSON read them. NaN marks a value that is missing or undefined, never an
 * error.
 */
package io.gramian.estimation.results;
