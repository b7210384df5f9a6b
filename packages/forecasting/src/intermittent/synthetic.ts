import { createRng, ValidationError } from '@s2b2b/core';
import type { DemandClass } from './classify.js';
import { validateOptionalRange } from './shared.js';

/** Generator settings of one Syntetos–Boylan class (see {@link SYNTHETIC_CLASS_SETTINGS}). */
export type SyntheticClassSettings = {
  /** Probability that a period has a demand (ADI ≈ 1 / probability). */
  probability: number;
  /** Target squared coefficient of variation of the sizes (before rounding). */
  cv2: number;
};

/**
 * Default settings per class, chosen well inside the Syntetos–Boylan regions (cut-offs ADI 1.32,
 * CV² 0.49): occurrence probability 0.9 (ADI ≈ 1.11) or 0.4 (ADI ≈ 2.5), size CV² 0.15 or 1.5.
 */
export const SYNTHETIC_CLASS_SETTINGS: Readonly<Record<DemandClass, SyntheticClassSettings>> = {
  smooth: { probability: 0.9, cv2: 0.15 },
  erratic: { probability: 0.9, cv2: 1.5 },
  intermittent: { probability: 0.4, cv2: 0.15 },
  lumpy: { probability: 0.4, cv2: 1.5 },
};

/** Options of {@link syntheticDemand}. */
export type SyntheticDemandOptions = Partial<SyntheticClassSettings> & {
  /** Mean demand size (default 10). */
  meanSize?: number;
};

const CLASSES: readonly DemandClass[] = ['smooth', 'erratic', 'intermittent', 'lumpy'];

/**
 * A seeded synthetic demand series of one Syntetos–Boylan class: each period independently has a
 * demand with probability `p` (Bernoulli occurrence); a demand's size is lognormal with mean `meanSize`
 * and squared coefficient of variation `cv2` (σ² = ln(1 + CV²), μ = ln(meanSize) − σ²/2, drawn as
 * `exp(μ + σ·N(0,1))` with the rng's normal), rounded to an integer and at least 1 (unit sales).
 * The first period always has a demand (the series starts when the item becomes active), so the
 * classification is not disturbed by leading zeros. Same class, length and seed → same series; the
 * stream is `createRng(seed).fork(class)`. Never uses `Math.random`.
 *
 * Throws `ValidationError` on `class`, `length` (an integer ≥ 1), `seed` (a safe integer),
 * `probability` (in (0, 1]), `cv2` (≥ 0) or `meanSize` (≥ 1).
 *
 * @example
 * const y = syntheticDemand('lumpy', 128, 7); // 128 periods, ~40 % with demand, erratic sizes
 * classifyDemand(y).class // 'lumpy' (for most seeds)
 */
export function syntheticDemand(
  demandClass: DemandClass,
  length: number,
  seed: number,
  options: SyntheticDemandOptions = {},
): number[] {
  if (!CLASSES.includes(demandClass)) {
    throw ValidationError.field('class', `must be one of ${CLASSES.join(', ')}, got ${String(demandClass)}`);
  }
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) {
    throw ValidationError.field('length', `must be an integer >= 1, got ${String(length)}`);
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw ValidationError.field('seed', `must be a safe integer, got ${String(seed)}`);
  }
  validateOptionalRange('probability', options.probability, Number.MIN_VALUE, 1);
  validateOptionalRange('cv2', options.cv2, 0, 1e6);
  validateOptionalRange('meanSize', options.meanSize, 1, Number.MAX_VALUE);
  const defaults = SYNTHETIC_CLASS_SETTINGS[demandClass];
  const p = options.probability ?? defaults.probability;
  const cv2 = options.cv2 ?? defaults.cv2;
  const meanSize = options.meanSize ?? 10;
  const sigma2 = Math.log1p(cv2);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(meanSize) - sigma2 / 2;
  const rng = createRng(seed).fork(demandClass);
  const y: number[] = [];
  for (let t = 0; t < length; t++) {
    const occurs = t === 0 || rng.next() < p;
    y.push(occurs ? Math.max(1, Math.round(Math.exp(mu + sigma * rng.normal()))) : 0);
  }
  return y;
}
