import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks, tickStep } from './nice-ticks.js';

describe('tickStep', () => {
  it('picks 1, 2 or 5 times a power of ten nearest the raw step', () => {
    // raw 19.4 → 1.94 × 10 ≥ √2 → 20
    expect(tickStep(0, 97, 5)).toBe(20);
    // raw 0.25 → 2.5 × 0.1, below √10 → 0.2
    expect(tickStep(0, 1, 4)).toBe(0.2);
    // raw 35 → 3.5 × 10 ≥ √10 → 50
    expect(tickStep(0, 175, 5)).toBe(50);
    // raw 80 → 8 × 10 ≥ √50 → 100
    expect(tickStep(0, 400, 5)).toBe(100);
    // raw 1.2 → below √2 → 1
    expect(tickStep(10, 16, 5)).toBe(1);
  });

  it('refuses an empty or reversed range and a count below one', () => {
    expect(() => tickStep(5, 5, 5)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['max'] })] }),
    );
    expect(() => tickStep(0, 1, 0)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['count'] })] }),
    );
    expect(() => tickStep(0, Number.NaN, 3)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['max'], code: 'not_finite' })] }),
    );
  });
});

describe('niceTicks', () => {
  it('rounds the ends out to the step', () => {
    expect(niceTicks(0, 97)).toEqual({ min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceTicks(0, 48_620, 5)).toEqual({
      min: 0,
      max: 50_000,
      step: 10_000,
      ticks: [0, 10_000, 20_000, 30_000, 40_000, 50_000],
    });
    expect(niceTicks(-12, 37, 5)).toEqual({
      min: -20,
      max: 40,
      step: 10,
      ticks: [-20, -10, 0, 10, 20, 30, 40],
    });
    // raw 0.0725 → 7.25 × 0.01 ≥ √50 → 0.1
    expect(niceTicks(0.01, 0.3, 4)).toEqual({ min: 0, max: 0.3, step: 0.1, ticks: [0, 0.1, 0.2, 0.3] });
  });

  it('writes decimal ticks without binary noise', () => {
    // 3 × 0.1 is 0.30000000000000004 in floating point.
    expect(niceTicks(0, 0.7, 7).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('widens an empty range to the unit around it', () => {
    expect(niceTicks(0, 0)).toEqual({ min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceTicks(3, 3)).toEqual({ min: 2, max: 4, step: 0.5, ticks: [2, 2.5, 3, 3.5, 4] });
    // 40 → unit 10: [30, 50]
    expect(niceTicks(40, 40, 4)).toEqual({ min: 30, max: 50, step: 5, ticks: [30, 35, 40, 45, 50] });
  });

  it('refuses max below min', () => {
    expect(() => niceTicks(2, 1)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['max'] })] }),
    );
  });

  it('always covers the range with evenly spaced ticks of a 1-2-5 step', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        (min, span, count) => {
          const max = min + span;
          const result = niceTicks(min, max, count);
          expect(result.min).toBeLessThanOrEqual(min);
          expect(result.max).toBeGreaterThanOrEqual(max);
          const mantissa = result.step / 10 ** Math.floor(Math.log10(result.step) + 1e-9);
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
          // No more than about twice the intervals asked for, and at least one.
          expect(result.ticks.length - 1).toBeGreaterThanOrEqual(1);
          expect(result.ticks.length - 1).toBeLessThanOrEqual(2 * count + 2);
          for (let index = 1; index < result.ticks.length; index += 1) {
            expect(result.ticks[index]! - result.ticks[index - 1]!).toBeCloseTo(result.step, 6);
          }
          expect(result.ticks.every(Number.isFinite)).toBe(true);
        },
      ),
    );
  });
});
