# Golden values for src/analysis, computed independently in base R (stats
# only: no CRAN packages, so it runs offline on Debian's r-base-core).
#
# Every method is written here from its definition, in R's own idiom (whole
# matrices where the C++ uses loops, optimal partitioning where the C++ prunes
# with PELT), and where base R already has the method (Kendall's test, the t
# test, p.adjust, lm) the script checks itself against it.
#
# The datasets live in golden.txt beside this script, so R's random number
# generator is needed only to draw new ones:
#   Rscript tests/analysis/golden.R --new-data > tests/analysis/golden.txt
# Recompute every value from the datasets already in the file:
#   Rscript tests/analysis/golden.R tests/analysis/golden.txt > new.txt && mv new.txt tests/analysis/golden.txt
# Check the committed values (what `make test` runs when R is installed):
#   Rscript tests/analysis/golden.R --check tests/analysis/golden.txt

options(warn = 2)
args <- commandArgs(trailingOnly = TRUE)

# ---- the golden file: "key value value ..." lines, '#' comments ------------

read_golden <- function(path) {
  lines <- readLines(path)
  lines <- lines[nzchar(lines) & !startsWith(lines, "#")]
  parts <- strsplit(lines, " ", fixed = TRUE)
  values <- lapply(parts, function(p) as.numeric(p[-1]))
  names(values) <- vapply(parts, function(p) p[1], "")
  values
}

format_value <- function(v) {
  if (length(v) == 0) return("")
  paste(sprintf("%.17g", v), collapse = " ")
}

# ---- datasets ----------------------------------------------------------------

new_datasets <- function() {
  set.seed(20261123)
  d <- list()
  clamp <- function(x) pmin(10, pmax(0, round(x)))
  # 84 mornings over 100 days (16 missed at random), AR(1) noise around a slow fall.
  days <- sort(sample(0:99, 84))
  d[["data.trend_ar1.t"]] <- days
  d[["data.trend_ar1.y"]] <- clamp(6 - 0.025 * days + 1.3 * as.numeric(arima.sim(list(ar = 0.6), 100))[days + 1])
  # 60 days of independent noise, no trend, many ties.
  d[["data.trend_flat.t"]] <- 0:59
  d[["data.trend_flat.y"]] <- clamp(4 + rnorm(60, sd = 1.2))
  # A clean line with a few wild mornings (Theil-Sen's robustness).
  t <- 0:39
  y <- 2 + 0.05 * t + rnorm(40, sd = 0.2)
  y[c(5, 17, 30)] <- c(10, 0, 9.5)
  d[["data.trend_outliers.t"]] <- t
  d[["data.trend_outliers.y"]] <- y
  # Mornings that shift from about 3 to about 5 after 90 days; AR(1) noise.
  d[["data.shift_one.y"]] <- clamp(c(rep(3, 90), rep(5, 110)) + as.numeric(arima.sim(list(ar = 0.4), 200, sd = 0.9)))
  # Two shifts, 6 -> 4 -> 5.5, over 300 mornings.
  d[["data.shift_two.y"]] <- clamp(c(rep(6, 100), rep(4, 120), rep(5.5, 80)) +
                                     as.numeric(arima.sim(list(ar = 0.3), 300, sd = 1)))
  # No shift at all: strongly autocorrelated noise, the case that fools naive methods.
  d[["data.shift_none.y"]] <- clamp(4 + as.numeric(arima.sim(list(ar = 0.7), 365, sd = 0.8)))
  # Next-morning pain after nights with and without a factor (1.2 points lower
  # with it), 150 mornings over 170 days, AR(1) noise.
  days <- sort(sample(0:169, 150))
  x <- rbinom(170, 1, 0.4)[days + 1]
  d[["data.factor_binary.day"]] <- days
  d[["data.factor_binary.x"]] <- x
  d[["data.factor_binary.y"]] <- clamp(5 - 1.2 * x + as.numeric(arima.sim(list(ar = 0.5), 170, sd = 1))[days + 1])
  # Sitting hours (numeric) and next-morning pain, 120 consecutive days.
  x <- round(runif(120, 2, 11), 1)
  d[["data.factor_numeric.day"]] <- 0:119
  d[["data.factor_numeric.x"]] <- x
  d[["data.factor_numeric.y"]] <- clamp(2.5 + 0.25 * x + as.numeric(arima.sim(list(ar = 0.4), 120, sd = 1)))
  # Several periods a day (rows share a day): pain ~ medication in the hours
  # before + period of the day; columns: intercept, medicated, afternoon, evening.
  n_days <- 60
  day <- rep(0:(n_days - 1), each = 3)
  period <- rep(0:2, n_days)
  medicated <- rbinom(3 * n_days, 1, 0.3)
  d[["data.medication.day"]] <- day
  d[["data.medication.period"]] <- period
  d[["data.medication.x"]] <- medicated
  d[["data.medication.y"]] <- clamp(5 - 1 * (period == 1) - 1.5 * (period == 2) - 0.8 * medicated +
                                      rep(as.numeric(arima.sim(list(ar = 0.5), n_days, sd = 0.8)), each = 3) +
                                      rnorm(3 * n_days, sd = 0.6))
  # p-values of many comparisons.
  d[["data.bh.p"]] <- c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251,
                        0.269, 0.381, 0.5, 0.6, 0.69, 0.9, 1)
  # Personal experiments: outcomes per pair after the washout (6 of 7 nights).
  pair <- function(a, b) list(a = clamp(a + rnorm(6, sd = 1)), b = clamp(b + rnorm(6, sd = 1)))
  exps <- list(
    helps = list(pair(3, 5), pair(3.5, 5), pair(3, 4.5), pair(3, 5.5)),
    null3 = list(pair(4, 4), pair(4, 4), pair(4, 4)),
    harms6 = list(pair(5, 4.6), pair(5.2, 4.8), pair(5, 4.4), pair(4.8, 4.6), pair(5.1, 4.5), pair(5, 4.7))
  )
  # A missed pair: no outcome under B in the third pair of "helps".
  exps$helps[[3]]$b <- numeric(0)
  exps$helps[[2]]$a <- exps$helps[[2]]$a[1:3]
  for (name in names(exps)) {
    for (j in seq_along(exps[[name]])) {
      d[[sprintf("data.nof1_%s.pair%d.a", name, j)]] <- exps[[name]][[j]]$a
      d[[sprintf("data.nof1_%s.pair%d.b", name, j)]] <- exps[[name]][[j]]$b
    }
  }
  d
}

# ---- the methods, from their definitions ------------------------------------

quantile7 <- function(x, p) unname(quantile(x, p, type = 7))

mann_kendall <- function(y) {
  n <- length(y)
  s <- sum(sign(outer(y, y, "-"))[lower.tri(diag(n))])  # y[later] - y[earlier]
  tp <- as.numeric(table(y))
  v <- (n * (n - 1) * (2 * n + 5) - sum(tp * (tp - 1) * (2 * tp + 5))) / 18
  z <- if (s == 0) 0 else (s - sign(s)) / sqrt(v)
  # Base R's Kendall test of y against time uses the same tie-corrected
  # variance and continuity correction when time has no ties.
  ct <- suppressWarnings(cor.test(seq_len(n), y, method = "kendall", exact = FALSE, continuity = TRUE))
  stopifnot(abs(unname(ct$statistic) - z) < 1e-12)
  list(s = s, variance = v, z = z, p = 2 * pnorm(-abs(z)))
}

hamed_rao <- function(t, y, slope, level = 0.95, lags = 3) {
  n <- length(y)
  r <- acf(rank(y - slope * t), lag.max = lags, plot = FALSE)$acf[-1]
  r[abs(r) <= qnorm((1 + level) / 2) / sqrt(n)] <- 0
  k <- 1:lags
  max(1, 1 + 2 / (n * (n - 1) * (n - 2)) * sum((n - k) * (n - k - 1) * (n - k - 2) * r))
}

theil_sen <- function(t, y, variance_s, level = 0.95) {
  slopes <- outer(y, y, "-") / outer(t, t, "-")
  s <- sort(slopes[lower.tri(slopes)])
  n <- length(s)
  C <- qnorm((1 + level) / 2) * sqrt(variance_s)
  at <- function(k) s[min(max(k, 1), n)]
  b <- median(s)
  list(slope = b, intercept = median(y) - b * median(t), lower = at(round((n - C) / 2)),
       upper = at(round((n + C) / 2 + 1)), pairs = n)
}

robust_trend <- function(t, y) {
  mk <- mann_kendall(y)
  slope <- median({ s <- outer(y, y, "-") / outer(t, t, "-"); s[lower.tri(s)] })
  correction <- hamed_rao(t, y, slope)
  z <- if (mk$s == 0) 0 else (mk$s - sign(mk$s)) / sqrt(mk$variance * correction)
  ts <- theil_sen(t, y, mk$variance * correction)
  list(mk = mk, correction = correction, z = z, p = 2 * pnorm(-abs(z)), ts = ts)
}

# Optimal partitioning (Jackson et al. 2005): every split considered, no
# pruning. PELT must find exactly this optimum.
optimal_partitioning <- function(y, penalty, m) {
  n <- length(y)
  if (n < 2 * m) return(integer(0))
  s1 <- c(0, cumsum(y))
  s2 <- c(0, cumsum(y^2))
  cost <- function(a, b) (s2[b + 1] - s2[a + 1]) - (s1[b + 1] - s1[a + 1])^2 / (b - a)
  f <- c(-penalty, rep(Inf, n))
  last <- integer(n + 1)
  for (t in m:n) {
    taus <- 0:(t - m)
    taus <- taus[is.finite(f[taus + 1])]
    v <- f[taus + 1] + cost(taus, t) + penalty
    j <- which.min(v)
    f[t + 1] <- v[j]
    last[t + 1] <- taus[j]
  }
  changes <- integer(0)
  t <- n
  while (t > 0) {
    t <- last[t + 1]
    if (t > 0) changes <- c(t, changes)
  }
  changes
}

segment_means <- function(y, changes) {
  bounds <- c(0, changes, length(y))
  sapply(seq_len(length(bounds) - 1), function(i) mean(y[(bounds[i] + 1):bounds[i + 1]]))
}

detect_shifts <- function(y, m = 14, min_shift = 1, factor = 3, max_iterations = 10, max_lag1 = 0.8) {
  n <- length(y)
  changes <- integer(0)
  for (iteration in 1:max_iterations) {
    if (iteration == 1) {
      # AR(1) noise seen through first differences, which a shift disturbs only once:
      # corr(dy_t, dy_t+1) = -(1 - phi) / 2 and var(dy) = 2 var(e) (1 - phi).
      dy <- diff(y)
      phi <- min(max(1 + 2 * acf(dy, lag.max = 1, plot = FALSE)$acf[2], 0), max_lag1)
      variance <- var(dy) / (2 * (1 - phi))
    } else {
      bounds <- c(0, changes, n)
      r <- y - rep(segment_means(y, changes), diff(bounds))
      variance <- sum(r^2) / (n - (length(changes) + 1))
      phi <- min(max(acf(r, lag.max = 1, plot = FALSE)$acf[2], 0), max_lag1)
    }
    penalty <- factor * log(n) * variance * (1 + phi) / (1 - phi)
    nxt <- optimal_partitioning(y, penalty, m)
    if (iteration > 1 && identical(as.numeric(nxt), as.numeric(changes))) break
    changes <- nxt
  }
  repeat {
    gaps <- abs(diff(segment_means(y, changes)))
    if (length(gaps) == 0 || min(gaps) >= min_shift) break
    changes <- changes[-which.min(gaps)]
  }
  list(changes = changes, means = segment_means(y, changes), variance = variance, lag1 = phi,
       penalty = penalty, iterations = iteration)
}

# HAC covariance from the whole weight matrix, with lags in days.
hac <- function(X, y, day, lag) {
  n <- nrow(X)
  k <- ncol(X)
  fit <- lm.fit(X, y)
  u <- fit$residuals
  scores <- X * u
  distance <- abs(outer(day, day, "-"))
  w <- ifelse(distance <= lag, 1 - distance / (lag + 1), 0)
  bread <- solve(crossprod(X))
  v <- bread %*% (t(scores) %*% w %*% scores) %*% bread * n / (n - k)
  list(coef = unname(fit$coefficients), se = sqrt(diag(v)), df = n - k)
}

# The textbook Newey-West sum over lags, for consecutive days: must agree.
newey_west_classic <- function(X, y, lag) {
  n <- nrow(X)
  k <- ncol(X)
  u <- lm.fit(X, y)$residuals
  scores <- X * u
  omega <- crossprod(scores)
  for (l in seq_len(lag)) {
    gamma <- t(scores[(l + 1):n, , drop = FALSE]) %*% scores[1:(n - l), , drop = FALSE]
    omega <- omega + (1 - l / (lag + 1)) * (gamma + t(gamma))
  }
  bread <- solve(crossprod(X))
  sqrt(diag(bread %*% omega %*% bread * n / (n - k)))
}

newey_west_lag <- function(n) floor(4 * (n / 100)^(2 / 9))

estimate <- function(h, j, level = 0.95) {
  value <- h$coef[j]
  se <- h$se[j]
  half <- qt((1 + level) / 2, h$df) * se
  c(value, se, value - half, value + half, 2 * pt(-abs(value / se), h$df))
}

block_pairs <- function(pairs, thresholds) {
  complete <- Filter(function(p) length(p$a) > 0 && length(p$b) > 0, pairs)
  d <- sapply(complete, function(p) mean(p$a) - mean(p$b))
  m <- length(d)
  signs <- as.matrix(expand.grid(rep(list(c(1, -1)), m)))
  randomized <- abs(signs %*% d / m)
  tt <- t.test(d)
  se <- sd(d) / sqrt(m)
  list(differences = d, estimate = mean(d), se = se, lower = tt$conf.int[1], upper = tt$conf.int[2],
       t_p = tt$p.value, randomization_p = mean(randomized >= abs(mean(d)) - 1e-9),
       a_lower = pt((-thresholds - mean(d)) / se, m - 1),
       a_higher = pt((thresholds - mean(d)) / se, m - 1, lower.tail = FALSE))
}

# ---- computing every golden value ------------------------------------------

golden_values <- function(d) {
  out <- list()
  put <- function(key, value) out[[key]] <<- value

  y <- d[["data.trend_ar1.y"]]
  put("descriptive.trend_ar1.mean", mean(y))
  put("descriptive.trend_ar1.variance", var(y))
  put("descriptive.trend_ar1.median", median(y))
  put("descriptive.trend_ar1.quantile", sapply(c(0.1, 0.25, 0.9), function(p) quantile7(y, p)))
  put("descriptive.trend_ar1.acf", acf(y, lag.max = 5, plot = FALSE)$acf[2:6])
  put("descriptive.trend_ar1.ranks", rank(y))

  for (name in c("trend_ar1", "trend_flat", "trend_outliers")) {
    t <- d[[sprintf("data.%s.t", name)]]
    y <- d[[sprintf("data.%s.y", name)]]
    mk <- mann_kendall(y)
    put(sprintf("mann_kendall.%s", name), c(mk$s, mk$variance, mk$z, mk$p))
    r <- robust_trend(t, y)
    put(sprintf("hamed_rao.%s", name), c(r$correction, r$z, r$p))
    put(sprintf("theil_sen.%s", name), c(r$ts$slope, r$ts$intercept, r$ts$lower, r$ts$upper, r$ts$pairs))
  }

  for (name in c("shift_one", "shift_two", "shift_none")) {
    y <- d[[sprintf("data.%s.y", name)]]
    for (penalty in c(5, 20, 60)) {
      put(sprintf("optimal_partitioning.%s.penalty%d", name, penalty), optimal_partitioning(y, penalty, 14))
    }
    s <- detect_shifts(y)
    put(sprintf("shifts.%s.changes", name), s$changes)
    put(sprintf("shifts.%s.means", name), s$means)
    put(sprintf("shifts.%s.noise", name), c(s$variance, s$lag1, s$penalty, s$iterations))
  }

  day <- d[["data.factor_binary.day"]]
  x <- d[["data.factor_binary.x"]]
  y <- d[["data.factor_binary.y"]]
  X <- cbind(1, x)
  lag <- newey_west_lag(length(y))
  h <- hac(X, y, day, lag)
  stopifnot(max(abs(h$coef - unname(coef(lm(y ~ x))))) < 1e-12)
  put("hac.factor_binary.lag", lag)
  put("hac.factor_binary.effect", estimate(h, 2))
  put("hac.factor_binary.intercept", estimate(h, 1))

  day <- d[["data.factor_numeric.day"]]
  x <- d[["data.factor_numeric.x"]]
  y <- d[["data.factor_numeric.y"]]
  X <- cbind(1, x)
  lag <- newey_west_lag(length(y))
  h <- hac(X, y, day, lag)
  stopifnot(max(abs(h$se - newey_west_classic(X, y, lag))) < 1e-12)
  put("hac.factor_numeric.lag", lag)
  put("hac.factor_numeric.effect", estimate(h, 2))
  for (other_lag in c(0, 3, 10)) put(sprintf("hac.factor_numeric.se_lag%d", other_lag), hac(X, y, day, other_lag)$se)

  day <- d[["data.medication.day"]]
  period <- d[["data.medication.period"]]
  X <- cbind(1, d[["data.medication.x"]], as.numeric(period == 1), as.numeric(period == 2))
  y <- d[["data.medication.y"]]
  h <- hac(X, y, day, 4)
  put("hac.medication.coefficients", h$coef)
  put("hac.medication.se", h$se)
  put("hac.medication.effect", estimate(h, 2))

  put("newey_west_lag", sapply(c(10, 30, 84, 100, 365, 3650), newey_west_lag))
  put("benjamini_hochberg", p.adjust(d[["data.bh.p"]], "BH"))

  thresholds <- c(1, 2)
  for (name in c("helps", "null3", "harms6")) {
    pairs <- list()
    j <- 1
    while (!is.null(d[[sprintf("data.nof1_%s.pair%d.a", name, j)]])) {
      pairs[[j]] <- list(a = d[[sprintf("data.nof1_%s.pair%d.a", name, j)]],
                         b = d[[sprintf("data.nof1_%s.pair%d.b", name, j)]])
      j <- j + 1
    }
    r <- block_pairs(pairs, thresholds)
    put(sprintf("nof1.%s.differences", name), r$differences)
    put(sprintf("nof1.%s.estimate", name), c(r$estimate, r$se, r$lower, r$upper, r$t_p, r$randomization_p))
    put(sprintf("nof1.%s.a_lower", name), r$a_lower)
    put(sprintf("nof1.%s.a_higher", name), r$a_higher)
  }
  out
}

write_golden <- function(d, values) {
  cat("# Golden values for src/analysis, computed by tests/analysis/golden.R with", R.version.string, "\n")
  cat("# Regenerate: Rscript tests/analysis/golden.R tests/analysis/golden.txt > new.txt && mv new.txt tests/analysis/golden.txt\n")
  cat("# Keys starting with data. are the input datasets; the rest are expected results.\n")
  for (key in names(d)) cat(key, " ", format_value(d[[key]]), "\n", sep = "")
  for (key in names(values)) cat(key, " ", format_value(values[[key]]), "\n", sep = "")
}

if (length(args) == 1 && args[1] == "--new-data") {
  d <- new_datasets()
  write_golden(d, golden_values(d))
} else if (length(args) == 2 && args[1] == "--check") {
  committed <- read_golden(args[2])
  d <- committed[startsWith(names(committed), "data.")]
  values <- golden_values(d)
  bad <- character(0)
  for (key in names(values)) {
    want <- committed[[key]]
    got <- values[[key]]
    if (is.null(want) || length(want) != length(got) ||
        any(abs(want - got) > 1e-9 * pmax(1, abs(got)))) {
      bad <- c(bad, key)
    }
  }
  stale <- setdiff(names(committed)[!startsWith(names(committed), "data.")], names(values))
  if (length(bad) > 0 || length(stale) > 0) {
    cat("golden.R: the committed values differ from what R computes now:", bad, stale, "\n")
    quit(status = 1)
  }
  cat("golden.R:", length(values), "golden values agree with", R.version.string, "\n")
} else if (length(args) == 1) {
  d <- read_golden(args[1])
  d <- d[startsWith(names(d), "data.")]
  write_golden(d, golden_values(d))
} else {
  cat("usage: golden.R --new-data | FILE | --check FILE\n")
  quit(status = 1)
}
