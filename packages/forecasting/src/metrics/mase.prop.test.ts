import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mase } from './mase.js';
import { msis } from './msis.js';

/** Values with two decimals, like the M3 data; keeps the relative comparisons meaningful. */
const value = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100);
const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
const input = fc
  .record({
    m: fc.integer({ min: 1, max: 12 }),
    extra: fc.integer({ min: 1, max: 30 }),
    h: fc.integer({ min: 1, max: 18 }),
  })
  .chain(({ m, extra, h }) =>
    fc.record({
      m: fc.constant(m),
      insample: fc.array(value, { minLength: m + extra, maxLength: m + extra }),
      actual: fc.array(value, { minLength: h, maxLength: h }),
      forecast: fc.array(value, { minLength: h, maxLength: h }),
    }),
  );

describe('mase properties', () => {
  it('is ≥ 0 and 0 for a perfect forecast', () => {
    fc.assert(
      fc.property(input, ({ m, insample, actual, forecast }) => {
        expect(mase(insample, actual, forecast, m)).toBeGreaterThanOrEqual(0);
        expect(mase(insample, actual, actual, m)).toBe(0);
      }),
    );
  });

  it('does not depend on the scale of the data', () => {
    fc.assert(
      fc.property(
        input,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        ({ m, insample, actual, forecast }, k) => {
          const base = mase(insample, actual, forecast, m);
          const scaled = mase(
            insample.map((x) => x * k),
            actual.map((x) => x * k),
            forecast.map((x) => x * k),
            m,
          );
          // Differences of nearly equal values lose digits when rescaled: 1e-6 relative, not 1e-9.
          if (Number.isFinite(base)) expect(relativeError(scaled, base)).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('msis of a degenerate interval is 2/α times the mase', () => {
    fc.assert(
      fc.property(
        input,
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        ({ m, insample, actual, forecast }, level) => {
          const point = mase(insample, actual, forecast, m);
          const interval = msis(insample, actual, forecast, forecast, level, m);
          if (Number.isFinite(point))
            expect(relativeError(interval, (2 / (1 - level)) * point)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});
