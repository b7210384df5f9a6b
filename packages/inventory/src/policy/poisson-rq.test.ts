import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { poissonRqCost, poissonRqPolicy } from './poisson-rq.js';

const example = { demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100 };

describe('poissonRqPolicy', () => {
  it('Snyder & Shen Example 5.8: r = 3, Q = 5, g = 107.92358063314975', () => {
    const p = poissonRqPolicy(example);
    expect(p.reorderPoint).toBe(3);
    expect(p.orderQuantity).toBe(5);
    expectRelative(p.expectedCost, 107.92358063314975, 1e-9);
    expectRelative(
      poissonRqCost({ ...example, reorderPoint: 3, orderQuantity: 5 }),
      107.92358063314975,
      1e-9,
    );
  });

  it('is the exact optimum: no integer (r, Q) nearby costs less', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (demandRate, leadTime, holdingCost, shortageCost, orderCost) => {
          const input = { demandRate, leadTime, holdingCost, shortageCost, orderCost };
          const best = poissonRqPolicy(input);
          for (let r = best.reorderPoint - 4; r <= best.reorderPoint + 4; r++) {
            for (let q = Math.max(1, best.orderQuantity - 4); q <= best.orderQuantity + 4; q++) {
              const c = poissonRqCost({ ...input, reorderPoint: r, orderQuantity: q });
              expect(c).toBeGreaterThanOrEqual(best.expectedCost - 1e-9 * best.expectedCost);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no order cost gives Q = 1 (order one for one)', () => {
    expect(poissonRqPolicy({ ...example, orderCost: 0 }).orderQuantity).toBe(1);
  });

  it('rejects bad input naming the field', () => {
    expect(thrown(() => poissonRqPolicy({ ...example, demandRate: 0 })).issues?.[0]?.path).toEqual([
      'demandRate',
    ]);
    expect(
      thrown(() => poissonRqCost({ ...example, reorderPoint: 1.5, orderQuantity: 2 })).issues?.[0]?.path,
    ).toEqual(['reorderPoint']);
  });
});
