import { ValidationError } from '@s2b2b/core';

/** Evenly spaced bands for `count` bars along `[start, end]`. */
export interface BandScale {
  /** Where band `index` starts. */
  start(index: number): number;
  /** Middle of band `index`. */
  center(index: number): number;
  /** Width of every band. */
  readonly bandwidth: number;
  /** Distance from one band's start to the next. */
  readonly step: number;
}

/**
 * Bands for bar charts: `count` bands over `[start, end]`, with `padding` (a fraction of the
 * step, 0–0.9) between them and half of it at both ends.
 *
 * @param count - number of bands (0 gives a scale with no bands)
 * @param start - first pixel
 * @param end - last pixel
 * @param padding - gap as a fraction of the step, default 0.25
 * @throws ValidationError on `count` (not a whole number ≥ 0) or `padding` (outside 0–0.9)
 * @example
 * const bands = bandScale(4, 0, 100, 0.2); // step 25, bandwidth 20
 * bands.start(1) // 27.5
 * bands.center(1) // 37.5
 */
export function bandScale(count: number, start: number, end: number, padding = 0.25): BandScale {
  if (!Number.isInteger(count) || count < 0) {
    throw ValidationError.field('count', `Expected a whole number of bands, got ${count}`, 'invalid_type');
  }
  if (!(padding >= 0 && padding <= 0.9)) {
    throw ValidationError.field('padding', `Expected a padding from 0 to 0.9, got ${padding}`, 'too_big');
  }
  const step = count === 0 ? 0 : (end - start) / count;
  const bandwidth = step * (1 - padding);
  const offset = (step * padding) / 2;
  return {
    step,
    bandwidth,
    start: (index) => start + index * step + offset,
    center: (index) => start + index * step + step / 2,
  };
}
