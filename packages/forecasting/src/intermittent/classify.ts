import { ValidationError } from '@s2b2b/core';
import { demandParts, validateOptionalRange } from './shared.js';

/** The four Syntetos–Boylan demand classes. */
export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** Result of {@link classifyDemand}. */
export type DemandClassification = {
  /** Average demand interval: mean inter-demand interval from the first non-zero demand (`Infinity` when all zero). */
  adi: number;
  /** Squared coefficient of variation of the non-zero sizes (sample sd, n − 1; 0 with fewer than two demands). */
  cv2: number;
  /** Syntetos–Boylan class. */
  class: DemandClass;
  /** Number of non-zero demands. */
  demands: number;
};

/** Options of {@link classifyDemand}. */
export type ClassifyDemandOptions = {
  /** ADI cut-off (default 1.32, Syntetos–Boylan); ADI above it is intermittent/lumpy. */
  adiCutoff?: number;
  /** CV² cut-off (default 0.49); CV² above it is erratic/lumpy. */
  cv2Cutoff?: number;
};

/** Syntetos–Boylan ADI cut-off. */
export const ADI_CUTOFF = 1.32;
/** Syntetos–Boylan CV² cut-off. */
export const CV2_CUTOFF = 0.49;

/**
 * Syntetos–Boylan classification of a demand series.
 *
 * - **ADI** is the mean inter-demand interval of the series from its first non-zero demand (the M5
 *   benchmark code's `mean(intervals(x))`; leading zeros = item not yet active, the first interval
 *   is 1, trailing zeros after the last demand are not an interval). It equals
 *   `(last − first + 1) / (number of demands)`.
 * - **CV²** = (sd / mean)² of the non-zero sizes with the sample sd (R `sd`), as the M5 code.
 * - ADI > 1.32 → intermittent (CV² ≤ 0.49) or lumpy (CV² > 0.49); otherwise smooth or erratic.
 *   A value exactly at a cut-off counts as the lower side (as the M5 code's `>`).
 *
 * Edge cases, never dividing by zero: one demand → ADI 1, CV² 0 (smooth); all zero (no demand) →
 * ADI `Infinity`, CV² 0, class `'intermittent'` (the limit of ever rarer demand with no size
 * variation), `demands: 0` — check `demands` to tell it apart.
 *
 * Throws `ValidationError` on `y` (not an array, empty, non-finite or negative) or a cut-off that is
 * not a number ≥ 0.
 *
 * @example
 * // demands at 2, 6, 8 → intervals 1, 4, 2 → ADI 7/3; sizes 3, 5, 2 → CV² = 2.3333 / 11.1111 = 0.21
 * classifyDemand([0, 0, 3, 0, 0, 0, 5, 0, 2]) // { adi: 2.333, cv2: 0.21, class: 'intermittent', demands: 3 }
 */
export function classifyDemand(
  y: readonly number[],
  options: ClassifyDemandOptions = {},
): DemandClassification {
  if (!Array.isArray(y)) throw ValidationError.field('y', 'must be an array of numbers');
  if (y.length === 0) throw ValidationError.field('y', 'classifyDemand needs at least 1 observation, got 0');
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw ValidationError.field(['y', i], `must be a finite number, got ${String(v)}`);
    }
    if (v < 0) throw ValidationError.field(['y', i], `demand must be >= 0, got ${v}`);
  }
  validateOptionalRange('adiCutoff', options.adiCutoff, 0, Number.MAX_VALUE);
  validateOptionalRange('cv2Cutoff', options.cv2Cutoff, 0, Number.MAX_VALUE);
  const adiCutoff = options.adiCutoff ?? ADI_CUTOFF;
  const cv2Cutoff = options.cv2Cutoff ?? CV2_CUTOFF;
  const { sizes, intervals } = demandParts(y);
  const k = sizes.length;
  if (k === 0) return { adi: Number.POSITIVE_INFINITY, cv2: 0, class: 'intermittent', demands: 0 };
  let intervalSum = 0;
  for (const p of intervals) intervalSum += p;
  const adi = intervalSum / k;
  let mean = 0;
  for (const z of sizes) mean += z;
  mean /= k;
  // variance of z / mean (not var / mean², which underflows for tiny sizes)
  let ss = 0;
  for (const z of sizes) ss += (z / mean - 1) * (z / mean - 1);
  const cv2 = k < 2 ? 0 : ss / (k - 1);
  const sporadic = adi > adiCutoff;
  const variable = cv2 > cv2Cutoff;
  const cls: DemandClass = sporadic ? (variable ? 'lumpy' : 'intermittent') : variable ? 'erratic' : 'smooth';
  return { adi, cv2, class: cls, demands: k };
}
