# Forecasts of R's forecast package (Debian r-cran-forecast 8.20) on the M3 training data in
# ../, written once to M3-R-ets.csv (and M3-R-auto_arima.csv when asked) and committed, so the
# benchmarks can score them beside ours with the same metric code.
# Re-run from this folder: Rscript make-reference.R [ets] [auto_arima]   (ets ≈ 5 min on 2 cores)
suppressPackageStartupMessages(library(forecast))

read_wide <- function(path) {
  lines <- readLines(path)
  rows <- strsplit(lines[-1], ",")
  out <- list()
  for (r in rows) {
    values <- suppressWarnings(as.numeric(r[-1]))
    out[[r[1]]] <- values[!is.na(values)]
  }
  out
}

methods <- commandArgs(trailingOnly = TRUE)
if (length(methods) == 0) methods <- "ets"
categories <- list(
  list(name = "Yearly", m = 1, h = 6),
  list(name = "Quarterly", m = 4, h = 8),
  list(name = "Monthly", m = 12, h = 18),
  list(name = "Other", m = 1, h = 8)
)
for (method in methods) {
  started <- Sys.time()
  rows <- c(paste0("id,", paste0("F", 1:18, collapse = ",")))
  for (category in categories) {
    data <- read_wide(file.path("..", paste0("M3-", category$name, "-train.csv")))
    for (id in names(data)) {
      y <- ts(data[[id]], frequency = category$m)
      fit <- if (method == "ets") ets(y) else auto.arima(y)
      mean <- as.numeric(forecast(fit, h = category$h)$mean)
      rows <- c(rows, paste0(id, ",", paste(sprintf("%.8g", mean), collapse = ","),
                             strrep(",", 18 - category$h)))
    }
  }
  writeLines(rows, paste0("M3-R-", method, ".csv"))
  cat(method, "seconds", round(as.numeric(Sys.time() - started, units = "secs")), "\n")
}
