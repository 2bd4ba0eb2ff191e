/**
 * Model search: {@link io.gramian.estimation.select.ModelSearch} fits a documented set of candidate
 * models to one series (the structural trend specifications, with and without a seasonal, and a
 * stepwise seasonal ARIMA search in the manner of Hyndman and Khandakar's {@code auto.arima}) and
 * ranks them by AICc on the likelihood of the differenced data, saying which candidates'
 * likelihoods are comparable with the winner's.
 */
package io.gramian.estimation.select;
