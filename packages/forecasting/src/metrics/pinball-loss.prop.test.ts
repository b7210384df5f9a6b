import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinballLoss } from './pinball-loss.js';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pair = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
    ),
  );
const q = fc.double({ min: 0, max: 1, noNaN: true });

describe('pinballLoss properties', () => {
  it('is ≥ 0 and 0 for a perfect forecast', () => {
    fc.assert(
      fc.property(pair, q, ([actual, forecast], level) => {
        expect(pinballLoss(actual, forecast, level)).toBeGreaterThanOrEqual(0);
        expect(pinballLoss(actual, actual, level)).toBe(0);
      }),
    );
  });

  it('at q = 0.5 is half the mean absolute error', () => {
    fc.assert(
      fc.property(pair, ([actual, forecast]) => {
        const mae = actual.reduce((sum, y, i) => sum + Math.abs(y - forecast[i]!), 0) / actual.length;
        expect(pinballLoss(actual, forecast, 0.5)).toBeCloseTo(mae / 2, 6);
      }),
    );
  });
});
