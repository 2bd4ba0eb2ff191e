/**
 * Rolling-origin backtests ({@link io.gramian.estimation.backtest.Backtest}): fold k = 1 … K of a
 * series of n observations is fitted on its first n − H − K + k observations and forecasts the next
 * H; the errors of the K forecasts are summarised per horizon h = 1 … H ({@link
 * io.gramian.estimation.backtest.HorizonMetrics}: MAE, RMSE, MAPE, MASE and the coverage of the
 * intervals). The result ({@link io.gramian.estimation.backtest.BacktestResult}) keeps every fold's
 * forecast ({@link io.gramian.estimation.backtest.FoldForecast}) and gives the table and CSV that
 * {@code gramian backtest} prints and writes. Every value is immutable; NaN marks a metric that is
 * undefined (a MAPE when an actual is zero, any metric of a horizon whose actuals are all missing).
 */
package io.gramian.estimation.backtest;
