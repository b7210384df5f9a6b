import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { rqCost, rqPolicy } from './rq.js';

// Snyder & Shen, Fundamentals of Supply Chain Theory, Examples 5.1–5.6 (as in stockpyl's rq.py doctests).
const base = {
  demand: { mean: 1300, sd: 150 },
  leadTime: 1 / 12,
  holdingCost: 0.225,
  shortageCost: 7.5,
  orderCost: 8,
};

describe('rqPolicy', () => {
  it('EOQ + SS (Example 5.5)', () => {
    const p = rqPolicy({ ...base, method: 'eoq-ss' });
    expectRelative(p.reorderPoint, 190.3369965715624, 1e-9);
    expectRelative(p.orderQuantity, 304.0467800264368, 1e-9);
    expectRelative(p.cycleServiceLevel, 7.5 / 7.725, 1e-14);
  });

  it('loss-function approximation (Example 5.6)', () => {
    const p = rqPolicy({ ...base, method: 'loss-function' });
    // The published values come from an iteration stopped at a 1e-6 step; the fixed point
    // (126.86706337, 328.44914228 recomputed) agrees with them to 7e-10 relative.
    expectRelative(p.reorderPoint, 126.8670634479628, 1e-9);
    expectRelative(p.orderQuantity, 328.4491421980451, 1e-9);
    expect(p.reorderPoint).toBeCloseTo(126.86706337, 7);
    expect(p.orderQuantity).toBeCloseTo(328.44914228, 7);
  });

  it('exact optimum: the lowest cost, where G(r) = G(r + Q) = g(r, Q)', () => {
    const exact = rqPolicy(base);
    expect(exact.method).toBe('exact');
    for (const method of ['eoq-ss', 'loss-function'] as const) {
      expect(exact.expectedCost).toBeLessThanOrEqual(rqPolicy({ ...base, method }).expectedCost + 1e-12);
    }
    for (const [dr, dq] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
      [0.5, -0.5],
    ] as const) {
      const other = rqCost({
        ...base,
        reorderPoint: exact.reorderPoint + dr,
        orderQuantity: exact.orderQuantity + dq,
      });
      expect(other).toBeGreaterThan(exact.expectedCost);
    }
    // Under normal lead-time demand with backorders the loss-function conditions are exact.
    expectRelative(exact.reorderPoint, rqPolicy({ ...base, method: 'loss-function' }).reorderPoint, 1e-11);
  });

  it('lead-time variance widens the lead-time demand', () => {
    const p = rqPolicy({ ...base, leadTime: { mean: 1 / 12, sd: 1 / 52 }, method: 'eoq-ss' });
    expectRelative(p.leadTimeDemand.sd, Math.sqrt((1 / 12) * 150 ** 2 + 1300 ** 2 / 52 ** 2), 1e-14);
    expect(p.reorderPoint).toBeGreaterThan(190.3369965715624);
  });
});

describe('rqCost', () => {
  it('exact cost of a given (r, Q) (Example 5.1)', () => {
    expectRelative(rqCost({ ...base, reorderPoint: 126.8, orderQuantity: 328.5 }), 78.07116250928294, 1e-9);
  });

  it('deterministic demand: EOQ cost with no shortages when r = μ_L', () => {
    const c = rqCost({
      ...base,
      demand: { mean: 1300, sd: 0 },
      reorderPoint: 1300 / 12,
      orderQuantity: 304.0467800264368,
    });
    expectRelative(c, Math.sqrt(2 * 8 * 1300 * 0.225), 1e-12);
  });

  it('rejects bad input naming the field', () => {
    const e = thrown(() => rqCost({ ...base, reorderPoint: 1, orderQuantity: 0 }));
    expect(e.issues?.[0]?.path).toEqual(['orderQuantity']);
    expect(thrown(() => rqPolicy({ ...base, holdingCost: 0 })).issues?.[0]?.path).toEqual(['holdingCost']);
    expect(thrown(() => rqPolicy({ ...base, method: 'magic' as never })).code).toBe('VALIDATION');
  });
});
