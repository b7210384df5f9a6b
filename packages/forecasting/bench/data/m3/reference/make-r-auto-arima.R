# R forecast::auto.arima (Debian r-cran-forecast 8.20, default arguments) on every fifth M3 series
# (N1, N6, ..., 601 series), written once to M3-R-auto_arima-every5.csv and committed.
# Re-run from this folder: Rscript make-r-auto-arima.R  (optionally a first argument: how many series)
suppressPackageStartupMessages(library(forecast))
read_wide <- function(path) {
  lines <- readLines(path)
  rows <- strsplit(lines[-1], ",")
  out <- list()
  for (r in rows) {
    v <- suppressWarnings(as.numeric(r[-1]))
    out[[r[1]]] <- v[!is.na(v)]
  }
  out
}
info <- read.csv("../M3-info.csv")
data <- list()
for (c in c("Yearly", "Quarterly", "Monthly", "Other")) data <- c(data, read_wide(paste0("../M3-", c, "-train.csv")))
ids <- names(data)
sel <- ids[seq(1, length(ids), by = 5)]
args <- commandArgs(trailingOnly = TRUE)
if (length(args) > 0) sel <- head(sel, as.integer(args[1]))
out <- file("M3-R-auto_arima-every5.csv", "w")
cat("id,model,loglik,aicc", paste0(",F", 1:18, collapse = ""), "\n", sep = "", file = out)
for (id in sel) {
  row <- info[info$id == id, ]
  y <- ts(data[[id]], frequency = row$sp)
  fit <- auto.arima(y)
  fc <- as.numeric(forecast(fit, h = row$horizon)$mean)
  cells <- c(id, paste0("\"", forecast:::arima.string(fit), "\""), sprintf("%.6f", fit$loglik), sprintf("%.6f", fit$aicc),
             sprintf("%.6f", fc), rep("", 18 - length(fc)))
  cat(paste(cells, collapse = ","), "\n", sep = "", file = out)
}
close(out)
