import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { economicOrderQuantity } from './eoq.js';

describe('economicOrderQuantity', () => {
  it('√(2Kλ/h) and its cost (Snyder & Shen Example 5.5 inputs)', () => {
    const r = economicOrderQuantity({ orderCost: 8, holdingCost: 0.225, demandRate: 1300 });
    expectRelative(r.quantity, 304.0467800264368, 1e-15);
    expectRelative(r.costPerPeriod, 68.41052550594829, 1e-15);
    expectRelative(r.ordersPerPeriod * r.cycleLength, 1, 1e-15);
  });

  it('no demand: nothing to order', () => {
    expect(economicOrderQuantity({ orderCost: 8, holdingCost: 1, demandRate: 0 })).toMatchObject({
      quantity: 0,
      ordersPerPeriod: 0,
      cycleLength: Number.POSITIVE_INFINITY,
    });
  });

  it('rejects a zero holding cost', () => {
    expect(
      thrown(() => economicOrderQuantity({ orderCost: 8, holdingCost: 0, demandRate: 10 })).issues?.[0]?.path,
    ).toEqual(['holdingCost']);
  });
});
