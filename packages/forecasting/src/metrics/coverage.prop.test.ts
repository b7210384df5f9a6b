import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from './coverage.js';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const step = fc
  .tuple(value, value, value)
  .map(([y, a, b]) => ({ y, lower: Math.min(a, b), upper: Math.max(a, b) }));

describe('coverage properties', () => {
  it('lies in [0, 1] and is 1 for an interval that always holds the actual', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const actual = steps.map((s) => s.y);
        const c = coverage(
          actual,
          steps.map((s) => s.lower),
          steps.map((s) => s.upper),
        );
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(coverage(actual, actual, actual)).toBe(1);
      }),
    );
  });
});
