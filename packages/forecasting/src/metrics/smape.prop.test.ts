import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smape } from './smape.js';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pair = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
    ),
  );

describe('smape properties', () => {
  it('lies in [0, 200]', () => {
    fc.assert(
      fc.property(pair, ([actual, forecast]) => {
        const s = smape(actual, forecast);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(200 + 1e-9);
      }),
    );
  });

  it('is 0 for a perfect forecast and symmetric in its arguments', () => {
    fc.assert(
      fc.property(pair, ([actual, forecast]) => {
        expect(smape(actual, actual)).toBe(0);
        expect(smape(actual, forecast)).toBeCloseTo(smape(forecast, actual), 9);
      }),
    );
  });
});
