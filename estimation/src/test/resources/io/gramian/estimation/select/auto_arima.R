# Reference values for the model search (io.gramian.estimation.select): R's forecast::auto.arima
# with its defaults on R's bundled series, and the unit-root decisions it makes on the way.
# Run from this folder:  Rscript auto_arima.R > auto_arima.out
# Writes auto_arima.tsv (one row per series) and each series as SERIES.csv (date,value).
suppressMessages(library(forecast))
suppressMessages(library(urca))

cases <- list(
  list(name = "air_passengers_log", x = log(AirPassengers), transform = "log", raw = AirPassengers),
  list(name = "uk_driver_deaths_log", x = log(UKDriverDeaths), transform = "log", raw = UKDriverDeaths),
  list(name = "usaccdeaths", x = USAccDeaths, transform = "none", raw = USAccDeaths),
  list(name = "nile", x = Nile, transform = "none", raw = Nile),
  list(name = "wwwusage", x = WWWusage, transform = "none", raw = WWWusage),
  list(name = "lh", x = lh, transform = "none", raw = lh),
  list(name = "lake_huron", x = LakeHuron, transform = "none", raw = LakeHuron)
)

label <- function(x) {
  f <- frequency(x)
  t <- time(x)
  if (f == 12) sprintf("%d-%02d", floor(t + 1e-9), round((t - floor(t + 1e-9)) * 12) + 1)
  else if (f == 1) sprintf("%d", round(t))
  else as.character(seq_along(x))
}

rows <- list()
for (case in cases) {
  x <- case$x
  write.csv(data.frame(date = label(case$raw), value = as.numeric(case$raw)),
            paste0(case$name, ".csv"), row.names = FALSE, quote = FALSE)
  m <- frequency(x)
  D <- if (m > 1) nsdiffs(x) else 0
  strength <- if (m > 1) forecast:::seas.heuristic(x) else NA
  dx <- if (D > 0) diff(x, lag = m, differences = D) else x
  kpss <- ur.kpss(dx, type = "mu", use.lag = trunc(3 * sqrt(length(dx)) / 13))@teststat
  d <- ndiffs(dx)
  fit <- auto.arima(x)
  a <- arimaorder(fit)
  constant <- any(c("drift", "intercept") %in% names(coef(fit)))
  npar <- length(coef(fit)) + 1
  # the same search with every model fitted by exact ML (the default approximates by CSS during
  # the search when n > 150 or s > 12, then refits the winner)
  exact <- auto.arima(x, approximation = FALSE)
  spell <- function(f) {
    o <- arimaorder(f)
    s <- sprintf("arima --order %d,%d,%d", o[["p"]], o[["d"]], o[["q"]])
    if (m > 1 && o[["P"]] + o[["D"]] + o[["Q"]] > 0)
      s <- sprintf("%s --seasonal-order %d,%d,%d,%d", s, o[["P"]], o[["D"]], o[["Q"]], m)
    if (any(c("drift", "intercept") %in% names(coef(f)))) s <- paste(s, "--mean")
    s
  }
  rows[[length(rows) + 1]] <- data.frame(
    series = case$name, transform = case$transform, period = m, n = length(x),
    D = D, seasonal_strength = sprintf("%.10f", strength), kpss = sprintf("%.10f", kpss), d = d,
    p = a[["p"]], order_d = a[["d"]], q = a[["q"]],
    P = if (m > 1) a[["P"]] else 0, order_D = if (m > 1) a[["D"]] else 0,
    Q = if (m > 1) a[["Q"]] else 0,
    constant = constant, npar = npar,
    loglik = sprintf("%.8f", fit$loglik), aicc = sprintf("%.8f", fit$aicc),
    approximation = length(x) > 150 || m > 12, model = spell(fit),
    exact_model = spell(exact), exact_loglik = sprintf("%.8f", exact$loglik),
    exact_aicc = sprintf("%.8f", exact$aicc))
}
out <- do.call(rbind, rows)
write.table(out, "auto_arima.tsv", sep = "\t", row.names = FALSE, quote = FALSE)
cat(sprintf("# R %s, forecast %s, urca %s\n", getRversion(), packageVersion("forecast"),
            packageVersion("urca")))
print(out)
