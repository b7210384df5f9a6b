import { difference } from './difference.js';
import { isConstant } from './is-constant.js';

/** KPSS critical values for a level-stationary null (Kwiatkowski et al. 1992, Table 1): 10 %, 5 %, 2.5 %, 1 %. */
const CRITICAL = [0.347, 0.463, 0.574, 0.739] as const;
const LEVELS = [0.1, 0.05, 0.025, 0.01] as const;

/**
 * The KPSS statistic for level stationarity (R `urca::ur.kpss(type = "mu")`): with `e = x − x̄` and
 * partial sums `S_t`, `Σ S_t² / n² / s²(l)`, where `s²(l)` is the Newey–West long-run variance with a
 * Bartlett kernel of `lags` lags (default `⌊3√n / 13⌋`, the short lag R `forecast::ndiffs` uses).
 * `NaN` when the series has no variance.
 *
 * @example
 * kpssStatistic([1, 2, 3, 4, 5, 6]) // 0.6167 (lag 0: Σ S² / n² / s² = 64.75 / 36 / (17.5 / 6))
 */
export function kpssStatistic(x: ArrayLike<number>, lags?: number): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  const l = lags ?? Math.trunc((3 * Math.sqrt(n)) / 13);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = x[i]! - mean;
  let s = 0;
  let sumS2 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    s += e[i]!;
    sumS2 += s * s;
    s2 += e[i]! * e[i]!;
  }
  let lrv = s2 / n;
  for (let lag = 1; lag <= l && lag < n; lag++) {
    let c = 0;
    for (let t = lag; t < n; t++) c += e[t]! * e[t - lag]!;
    lrv += (2 / n) * (1 - lag / (l + 1)) * c;
  }
  return sumS2 / (n * n) / lrv;
}

/**
 * The p-value of a KPSS level statistic, interpolated linearly in the critical-value table and clamped
 * to [0.01, 0.1] outside it (as R `forecast` reads `urca`'s table).
 *
 * @example
 * kpssPValue(0.463) // 0.05
 * kpssPValue(2) // 0.01
 */
export function kpssPValue(statistic: number): number {
  if (Number.isNaN(statistic)) return Number.NaN;
  if (statistic <= CRITICAL[0]) return LEVELS[0];
  for (let i = 1; i < CRITICAL.length; i++) {
    if (statistic <= CRITICAL[i]!) {
      const a = CRITICAL[i - 1]!;
      const b = CRITICAL[i]!;
      return LEVELS[i - 1]! + ((statistic - a) / (b - a)) * (LEVELS[i]! - LEVELS[i - 1]!);
    }
  }
  return LEVELS[3];
}

/**
 * The number of first differences that make `x` level-stationary (R `forecast::ndiffs` with the KPSS
 * test): difference while the KPSS p-value is below `alpha` (default 0.05), at most `maxD` (default 2)
 * times; a constant series needs none, and a series that becomes constant stops there.
 *
 * @example
 * ndiffs(Array.from({ length: 40 }, (_, t) => t + Math.sin(t))) // 1
 */
export function ndiffs(x: ArrayLike<number>, options: { alpha?: number; maxD?: number } = {}): number {
  const alpha = Math.min(0.1, Math.max(0.01, options.alpha ?? 0.05));
  const maxD = options.maxD ?? 2;
  let series = Array.from(x);
  let d = 0;
  if (isConstant(series)) return 0;
  let p = kpssPValue(kpssStatistic(series));
  if (Number.isNaN(p)) return 0;
  while (p < alpha && d < maxD) {
    d++;
    series = difference(series);
    if (isConstant(series)) return d;
    p = kpssPValue(kpssStatistic(series));
    if (Number.isNaN(p)) return d - 1;
  }
  return d;
}
