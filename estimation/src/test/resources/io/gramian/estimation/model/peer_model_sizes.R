# How R's arima answers the model sizes that ModelSizeRule refuses (docs/models.md §6.1).
# Run from the repository root: Rscript estimation/src/test/resources/io/gramian/estimation/model/peer_model_sizes.R
y <- read.csv("datasets/nile.csv")[,2]
run <- function(label, expr) { t0 <- Sys.time(); r <- tryCatch({expr; "fitted"}, error=function(e) paste("error:", conditionMessage(e)));
  cat(label, r, format(Sys.time()-t0), "\n") }
run("sma1e6", arima(y, seasonal=list(order=c(0,0,1), period=1000000)))
run("ar2e9", arima(y, order=c(2147483647,0,0)))
run("sar90-ML", arima(y, seasonal=list(order=c(1,0,0), period=90), method="ML"))
run("sar90", arima(y, seasonal=list(order=c(1,0,0), period=90)))
run("sma5000", arima(y, seasonal=list(order=c(0,0,1), period=5000)))
