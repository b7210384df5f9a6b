import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rmsse } from './rmsse.js';
import { wape } from './wape.js';

const demand = fc.integer({ min: 0, max: 1000 });
const input = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), h: fc.integer({ min: 1, max: 28 }) })
  .chain(({ n, h }) =>
    fc.record({
      insample: fc.array(demand, { minLength: n, maxLength: n }),
      actual: fc.array(demand, { minLength: h, maxLength: h }),
      forecast: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: h, maxLength: h }),
    }),
  );

describe('rmsse and wape properties', () => {
  it('are ≥ 0 and 0 for a perfect forecast', () => {
    fc.assert(
      fc.property(input, ({ insample, actual, forecast }) => {
        expect(rmsse(insample, actual, forecast)).toBeGreaterThanOrEqual(0);
        expect(rmsse(insample, actual, actual)).toBe(0);
        expect(wape(actual, forecast)).toBeGreaterThanOrEqual(0);
        expect(wape(actual, actual)).toBe(0);
      }),
    );
  });

  it('rmsse ignores leading zeros of the insample', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 10 }), ({ insample, actual, forecast }, zeros) => {
        const padded = [...new Array<number>(zeros).fill(0), ...insample];
        expect(rmsse(padded, actual, forecast)).toBe(rmsse(insample, actual, forecast));
      }),
    );
  });
});
