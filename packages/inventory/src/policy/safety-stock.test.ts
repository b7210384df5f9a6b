import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { normalLoss } from './normal-loss.js';
import { safetyStock, serviceLevels } from './safety-stock.js';

const demand = { mean: 50, sd: 5 };

describe('safetyStock', () => {
  it('demand variance only: d̄ = 50, σ = 5, L = 6, CSL 0.90', () => {
    const r = safetyStock({ demand, leadTime: 6, service: { cycleServiceLevel: 0.9 } });
    expectRelative(r.safetyStock, 15.695737073246109, 1e-9);
    expectRelative(r.reorderPoint, 315.6957370732461, 1e-9);
    expect(r.method).toBe('cycle-service-level');
    expectRelative(r.safetyFactor, 1.2815515655446004, 1e-15);
    expect(r.leadTimeDemand.mean).toBe(300);
  });

  it('with lead-time variance σ_L = 2: σ_DL = √(6·25 + 2500·4)', () => {
    const r = safetyStock({ demand, leadTime: { mean: 6, sd: 2 }, service: { cycleServiceLevel: 0.9 } });
    expectRelative(r.leadTimeDemand.sd, 100.74720839804942, 1e-12);
    expectRelative(r.safetyStock, 129.11274264676834, 1e-9);
    expectRelative(r.reorderPoint, 429.1127426467683, 1e-9);
  });

  it('fill rate by the loss-function method', () => {
    const a = safetyStock({ demand, leadTime: 6, service: { fillRate: 0.99, orderQuantity: 100 } });
    expect(a.method).toBe('fill-rate');
    expect(a.safetyFactor).toBeCloseTo(1.01058, 5);
    expect(a.safetyStock).toBeCloseTo(12.37708, 5);
    expect(a.reorderPoint).toBeCloseTo(312.37708, 5);
    const b = safetyStock({ demand, leadTime: 6, service: { fillRate: 0.99, orderQuantity: 50 } });
    expect(b.safetyFactor).toBeCloseTo(1.35082, 5);
    expect(b.safetyStock).toBeCloseTo(16.54412, 5);
    // Periodic review: the cycle demand is d̄·R = 350.
    const c = safetyStock({ demand, leadTime: 6, reviewPeriod: 7, service: { fillRate: 0.99 } });
    expect(c.leadTimeDemand.periods).toBe(13);
    // Expected shortage per cycle σ·L(k) = (1 − β)·d̄·R = 3.5 units.
    expectRelative(c.leadTimeDemand.sd * normalLoss(c.safetyFactor), 3.5, 1e-13);
  });

  it('large orders: a 99 % fill rate needs far less than a 99 % cycle service level', () => {
    const fill = safetyStock({ demand, leadTime: 6, service: { fillRate: 0.99, orderQuantity: 2000 } });
    const csl = safetyStock({ demand, leadTime: 6, service: { cycleServiceLevel: 0.99 } });
    expect(fill.safetyStock).toBeLessThan(0);
    expect(csl.safetyFactor).toBeCloseTo(2.3263478740408408, 12);
  });

  it('from a sample and from quantiles', () => {
    const s = safetyStock({
      demand: { sample: [45, 55, 50, 50] },
      leadTime: 4,
      service: { cycleServiceLevel: 0.95 },
    });
    expectRelative(s.leadTimeDemand.demand.sd, Math.sqrt(50 / 3), 1e-15);
    expectRelative(s.safetyStock, 1.6448536269514722 * Math.sqrt(4 * (50 / 3)), 1e-14);
    const q = safetyStock({
      demand: {
        quantiles: [
          { p: 0.1, value: 50 - 5 * 1.2815515655446004 },
          { p: 0.5, value: 50 },
          { p: 0.9, value: 50 + 5 * 1.2815515655446004 },
        ],
      },
      leadTime: 6,
      service: { cycleServiceLevel: 0.9 },
    });
    expectRelative(q.safetyStock, 15.695737073246109, 1e-12);
  });

  it('no variability: no safety stock', () => {
    const r = safetyStock({ demand: { mean: 10, sd: 0 }, leadTime: 3, service: { cycleServiceLevel: 0.99 } });
    expect(r.safetyStock).toBe(0);
    expect(r.reorderPoint).toBe(30);
    expect(
      safetyStock({ demand: { mean: 10, sd: 0 }, leadTime: 3, service: { fillRate: 0.9, orderQuantity: 10 } })
        .safetyStock,
    ).toBe(0);
  });

  it('rejects bad input naming the field, and a fill rate without cycle demand', () => {
    const e = thrown(() =>
      safetyStock({ demand: { mean: 50, sd: -1 }, leadTime: 6, service: { cycleServiceLevel: 0.9 } }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues?.[0]?.path).toEqual(['demand', 'sd']);
    expect(thrown(() => safetyStock({ demand, leadTime: 6, service: { cycleServiceLevel: 1 } })).code).toBe(
      'VALIDATION',
    );
    expect(
      thrown(() => safetyStock({ demand, leadTime: -1, service: { cycleServiceLevel: 0.9 } })).code,
    ).toBe('VALIDATION');
    expect(thrown(() => safetyStock({ demand, leadTime: 6, service: { fillRate: 0.99 } })).code).toBe(
      'FILL_RATE_NEEDS_CYCLE_DEMAND',
    );
    expect(thrown(() => safetyStock(null as never)).code).toBe('VALIDATION');
    const quantileError = thrown(() =>
      safetyStock({
        demand: {
          quantiles: [
            { p: 0.1, value: 60 },
            { p: 0.9, value: 40 },
          ],
        },
        leadTime: 6,
        service: { cycleServiceLevel: 0.9 },
      }),
    );
    expect(quantileError.issues?.[0]).toMatchObject({
      path: ['demand', 'quantiles'],
      code: 'not_increasing',
    });
  });

  it('property: the safety stock grows with the service level and the spread', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.0009, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (level, step, sd) => {
          const a = safetyStock({
            demand: { mean: 20, sd },
            leadTime: 5,
            service: { cycleServiceLevel: level },
          });
          const b = safetyStock({
            demand: { mean: 20, sd },
            leadTime: 5,
            service: { cycleServiceLevel: Math.min(0.9999, level + step) },
          });
          const c = safetyStock({
            demand: { mean: 20, sd: sd * 2 },
            leadTime: 5,
            service: { cycleServiceLevel: level },
          });
          expect(b.safetyStock).toBeGreaterThanOrEqual(a.safetyStock);
          expect(c.safetyStock).toBeCloseTo(2 * a.safetyStock, 9);
        },
      ),
    );
  });
});

describe('serviceLevels', () => {
  it('CSL 90 % at Q = 100 is a 99.42 % fill rate', () => {
    const r = serviceLevels({ demand, leadTime: 6, reorderPoint: 315.6957370732461, orderQuantity: 100 });
    expectRelative(r.cycleServiceLevel, 0.9, 1e-14);
    expect(r.fillRate).toBeCloseTo(0.9942, 4);
  });

  it('round trip with safetyStock under a fill-rate target', () => {
    const ss = safetyStock({ demand, leadTime: 6, service: { fillRate: 0.97, orderQuantity: 80 } });
    const back = serviceLevels({ demand, leadTime: 6, reorderPoint: ss.reorderPoint, orderQuantity: 80 });
    expectRelative(back.fillRate, 0.97, 1e-12);
  });

  it('without variability', () => {
    expect(
      serviceLevels({ demand: { mean: 10, sd: 0 }, leadTime: 2, reorderPoint: 20, orderQuantity: 10 }),
    ).toMatchObject({ cycleServiceLevel: 1, fillRate: 1, safetyFactor: 0 });
    expect(
      serviceLevels({ demand: { mean: 10, sd: 0 }, leadTime: 2, reorderPoint: 15, orderQuantity: 10 }),
    ).toMatchObject({ cycleServiceLevel: 0, fillRate: 0.5 });
  });
});
