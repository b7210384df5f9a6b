/**
 * The Poisson distribution for slow-moving items: probability mass, distribution function and
 * loss functions. The mean must be finite and >= 0 (mean 0 puts all mass on 0); these low-level
 * functions return `NaN` for a negative or non-finite mean instead of throwing (the policy
 * entry points validate their input first).
 *
 * Tolerances: the mass uses Loader's saddle-point form (C. Loader, "Fast and accurate computation
 * of binomial probabilities", 2000; the method of R's `dpois`), relative error below 1e-14 for
 * every count and mean (checked against 50-digit mpmath values); the distribution function and loss sum the masses outward from the
 * largest included term, relative error about 1e-14.
 */

/** ln(n!) − ln(√(2πn)·(n/e)ⁿ) for n = 0..15 (the Stirling error; n = 0 unused). */
const STIRLING_ERROR = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];
const TWO_PI = 6.283185307179586;

/** The Stirling error of an integer n >= 1: a table to 15, the asymptotic series beyond. */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR[n] as number;
  const nn = n * n;
  if (n > 500) return (1 / 12 - 1 / 360 / nn) / n;
  if (n > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / nn) / nn) / n;
  if (n > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / nn) / nn) / nn) / n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/** x·ln(x/m) + m − x without cancellation when x is close to m (Loader's `bd0`). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.25 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let term = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  // ln(x/m) as ln1p((x − m)/m): x − m is exact, so the ratio's rounding is not amplified.
  return x * Math.log1p((x - m) / m) + m - x;
}

function badMean(mean: number): boolean {
  return !(mean >= 0 && Number.isFinite(mean));
}

/**
 * P(D = k) for D ~ Poisson(mean); 0 for a negative or fractional k.
 *
 * @example
 * poissonPmf(0, 3) // 0.049787068367863944
 * poissonPmf(2, 3) // 0.22404180765538775
 */
export function poissonPmf(k: number, mean: number): number {
  if (badMean(mean) || Number.isNaN(k)) return Number.NaN;
  if (k < 0 || !Number.isInteger(k)) return 0;
  if (mean === 0) return k === 0 ? 1 : 0;
  if (k === 0) return Math.exp(-mean);
  if (k === Number.POSITIVE_INFINITY) return 0;
  return Math.exp(-stirlingError(k) - deviance(k, mean)) / Math.sqrt(TWO_PI * k);
}

/** P(D ≥ k) for an integer k >= 1, summed upwards (no cancellation above the mean). */
function upperSum(k: number, mean: number): number {
  let term = poissonPmf(k, mean);
  let sum = 0;
  for (let j = k; term > 0; j++) {
    sum += term;
    if (term <= sum * 1e-17 && j > mean) break;
    term = (term * mean) / (j + 1);
  }
  return sum;
}

/** P(D ≤ m) for an integer m >= 0, summed downwards (no cancellation below the mean). */
function lowerSum(m: number, mean: number): number {
  let term = poissonPmf(m, mean);
  let sum = 0;
  for (let k = m; k >= 0; k--) {
    sum += term;
    if (term <= sum * 1e-17 && k < mean) break;
    term = (term * k) / mean;
  }
  return sum;
}

/**
 * P(D ≤ x) for D ~ Poisson(mean) and any real x (a step function of ⌊x⌋); 0 for x < 0.
 *
 * @example
 * poissonCdf(3, 3) // 0.6472318887822313
 */
export function poissonCdf(x: number, mean: number): number {
  if (badMean(mean) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 0;
  if (x === Number.POSITIVE_INFINITY || mean === 0) return 1;
  const m = Math.floor(x);
  if (m >= mean) return Math.min(1, 1 - upperSum(m + 1, mean));
  return Math.min(1, lowerSum(m, mean));
}

/**
 * P(D > x) = 1 − P(D ≤ x) for D ~ Poisson(mean), computed directly so the upper tail keeps its
 * relative precision (`poissonSurvival(30, 2)` is about 1e-22, not 0).
 *
 * @example
 * poissonSurvival(3, 3) // 0.3527681112177687
 */
export function poissonSurvival(x: number, mean: number): number {
  if (badMean(mean) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 1;
  if (x === Number.POSITIVE_INFINITY || mean === 0) return 0;
  const m = Math.floor(x);
  if (m === 0) return -Math.expm1(-mean);
  if (m >= mean) return upperSum(m + 1, mean);
  return Math.max(0, 1 - lowerSum(m, mean));
}

/**
 * The Poisson loss function n(x) = E[(D − x)⁺] for D ~ Poisson(mean) and any real x:
 * (mean − x)·P(D > ⌊x⌋) + mean·P(D = ⌊x⌋) for x >= 0, and mean − x for x < 0.
 *
 * @example
 * poissonLoss(0, 3) // 3
 * poissonLoss(3, 3) // 0.6721254349… (= E[(D − 3)⁺])
 */
export function poissonLoss(x: number, mean: number): number {
  if (badMean(mean) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return mean - x;
  if (x === Number.POSITIVE_INFINITY || mean === 0) return 0;
  const m = Math.floor(x);
  return Math.max(0, (mean - x) * poissonSurvival(m, mean) + mean * poissonPmf(m, mean));
}
