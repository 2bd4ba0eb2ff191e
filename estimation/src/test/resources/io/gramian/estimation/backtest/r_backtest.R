# Rolling-origin backtests computed by R's forecast package, the reference for Gramian's
# Backtest (docs/cli.md, "Backtest"). Run from the repository root:
#   Rscript estimation/src/test/resources/io/gramian/estimation/backtest/r_backtest.R
# It writes r_backtest_forecasts.csv, r_backtest_metrics.csv and r_backtest_parameters.csv beside
# itself. Fold k = 1..K trains on the first m_k = n - H - K + k observations and forecasts the next
# H. The model is estimated on the first fold (Arima, method "ML") and every fold filters its own
# data with those estimates (Arima(x, model = fit1)); the errors are checked against tsCV's. (R's
# sigma2 is not the exact-diffuse estimate, so the refitting backtests are checked against
# statsmodels instead: statsmodels_backtest.py.)
suppressMessages(library(forecast))
out <- "estimation/src/test/resources/io/gramian/estimation/backtest/"

air <- read.csv("datasets/air_passengers.csv")
air_raw <- ts(air$passengers, start = c(1949, 1), frequency = 12)
air <- ts(log(air$passengers), start = c(1949, 1), frequency = 12)
nile <- read.csv("datasets/nile.csv")
nile <- ts(nile[, 2], start = 1871, frequency = 1)
# two missing values: one inside an early fold's training data, one that is an actual of later folds
nile[95] <- NA
nile[98] <- NA

cases <- list(
  list(name = "air_fixed", y = air, order = c(0, 1, 1), seasonal = c(0, 1, 1), H = 12, K = 12,
       refit = FALSE),
  list(name = "nile_fixed", y = nile, order = c(0, 1, 1), seasonal = c(0, 0, 0), H = 5, K = 10,
       refit = FALSE),
  # the airline model of log passengers with errors on the passengers' own scale: Box-Cox
  # lambda = 0, forecast's point forecast the median exp(mean) (biasadj = FALSE), bounds exp()
  list(name = "air_lambda0", y = air_raw, order = c(0, 1, 1), seasonal = c(0, 1, 1), H = 12,
       K = 12, refit = FALSE, lambda = 0))

fit_on <- function(case, x) Arima(x, order = case$order, seasonal = case$seasonal,
                                  lambda = case$lambda, method = "ML")

forecasts <- NULL
metrics <- NULL
parameters <- NULL
for (case in cases) {
  y <- case$y; n <- length(y); H <- case$H; K <- case$K
  s <- frequency(y)
  m1 <- n - H - K + 1
  fit1 <- fit_on(case, ts(y[1:m1], start = start(y), frequency = s))
  est <- c(coef(fit1), sigma2 = fit1$sigma2)
  parameters <- rbind(parameters, data.frame(case = case$name, fold = 1, name = names(est),
                                             value = sprintf("%.17g", est)))
  err <- matrix(NA, K, H); scaled <- matrix(NA, K, H); pct <- matrix(NA, K, H)
  in95 <- matrix(NA, K, H); in80 <- matrix(NA, K, H)
  for (k in 1:K) {
    m <- n - H - K + k
    x <- ts(y[1:m], start = start(y), frequency = s)
    fit <- if (case$refit) fit_on(case, x) else Arima(x, model = fit1)
    if (case$refit && k > 1) {
      est <- c(coef(fit), sigma2 = fit$sigma2)
      parameters <- rbind(parameters, data.frame(case = case$name, fold = k, name = names(est),
                                                 value = sprintf("%.17g", est)))
    }
    fc <- forecast(fit, h = H, level = c(80, 95))
    actual <- y[(m + 1):(m + H)]
    # the in-sample MAE of the seasonal naive forecast (lag s; lag 1 without a season)
    scale <- mean(abs(diff(as.numeric(x), lag = s)), na.rm = TRUE)
    e <- actual - as.numeric(fc$mean)
    err[k, ] <- e
    scaled[k, ] <- e / scale
    pct[k, ] <- 100 * e / actual
    in95[k, ] <- actual >= fc$lower[, 2] & actual <= fc$upper[, 2]
    in80[k, ] <- actual >= fc$lower[, 1] & actual <= fc$upper[, 1]
    forecasts <- rbind(forecasts, data.frame(
      case = case$name, fold = k, train_length = m, step = 1:H,
      actual = sprintf("%.17g", actual), mean = sprintf("%.17g", fc$mean),
      lower80 = sprintf("%.17g", fc$lower[, 1]), upper80 = sprintf("%.17g", fc$upper[, 1]),
      lower95 = sprintf("%.17g", fc$lower[, 2]), upper95 = sprintf("%.17g", fc$upper[, 2])))
  }
  if (!case$refit) {
    # the same errors by forecast's own rolling-origin function, tsCV, at the fixed parameters
    cv <- tsCV(y, function(x, h) forecast(Arima(x, model = fit1), h = h), h = H)
    for (k in 1:K) {
      m <- n - H - K + k
      stopifnot(isTRUE(all.equal(as.numeric(cv[m, ]), err[k, ], tolerance = 1e-12)))
    }
  }
  colmean <- function(a) apply(a, 2, function(v) mean(v, na.rm = TRUE))
  metrics <- rbind(metrics, data.frame(
    case = case$name, horizon = 1:H,
    count = apply(err, 2, function(v) sum(!is.na(v))),
    mae = sprintf("%.17g", colmean(abs(err))),
    rmse = sprintf("%.17g", sqrt(colmean(err^2))),
    mape = sprintf("%.17g", colmean(abs(pct))),
    mase = sprintf("%.17g", colmean(abs(scaled))),
    coverage95 = sprintf("%.17g", colmean(in95)),
    coverage80 = sprintf("%.17g", colmean(in80))))
}
write.csv(forecasts, paste0(out, "r_backtest_forecasts.csv"), row.names = FALSE, quote = FALSE,
          na = "")
write.csv(metrics, paste0(out, "r_backtest_metrics.csv"), row.names = FALSE, quote = FALSE)
write.csv(parameters, paste0(out, "r_backtest_parameters.csv"), row.names = FALSE, quote = FALSE)
