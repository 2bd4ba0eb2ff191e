/**
 * Pictures and tables of a fitted state-space model: the components chart ({@link
 * io.gramian.estimation.plot.ComponentPlot}), the four-panel residual diagnostics ({@link
 * io.gramian.estimation.plot.DiagnosticsPlot}) and the CSV of filtered and smoothed states ({@link
 * io.gramian.estimation.plot.StatesCsv}).
 *
 * <p>Each writer takes a plain value ({@link io.gramian.estimation.plot.ComponentPlotData}, {@link
 * io.gramian.estimation.plot.DiagnosticsPlotData}, {@link
 * io.gramian.estimation.results.StateEstimates}) of arrays, with NaN for a value that is missing or
 * undefined; static factories fill them from a filter, smoother and forecast run or from a {@link
 * io.gramian.estimation.fit.FitResult}, so nothing here depends on the command line. Times are
 * dates when the series has a calendar index ({@link io.gramian.estimation.plot.PlotTimes}), drawn
 * in UTC.
 *
 * <p>The charts are drawn with JFreeChart without a display: the PNG writers set {@code
 * java.awt.headless=true} at the moment they write unless the application has set that property
 * itself (the {@code gramian} launcher sets it on the command line); nothing sets it on class
 * loading.
 */
package io.gramian.estimation.plot;
