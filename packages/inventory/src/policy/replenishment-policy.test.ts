import { describe, expect, it } from 'vitest';
import { expectRelative, thrown } from '../../test/helpers.js';
import { inventoryPosition, replenishmentOrder, replenishmentPolicy } from './replenishment-policy.js';

const demand = { mean: 50, sd: 5 };

describe('replenishmentPolicy', () => {
  it('(s, Q): reorder point and a pack-rounded lot', () => {
    const p = replenishmentPolicy({
      kind: 's,Q',
      demand,
      leadTime: 6,
      service: { cycleServiceLevel: 0.9 },
      orderQuantity: 290,
      orderRules: { packSize: 24 },
    });
    expect(p.kind).toBe('s,Q');
    if (p.kind !== 's,Q') return;
    expectRelative(p.reorderPoint, 315.6957370732461, 1e-9);
    expect(p.orderQuantity).toBe(312);
  });

  it('(s, Q) with the EOQ and a fill rate measured on that lot', () => {
    const p = replenishmentPolicy({
      kind: 's,Q',
      demand,
      leadTime: 6,
      service: { fillRate: 0.99 },
      orderQuantity: { orderCost: 5, holdingCost: 0.05 },
    });
    if (p.kind !== 's,Q') throw new Error('kind');
    expect(p.orderQuantity).toBeCloseTo(100, 12); // √(2·5·50/0.05)
    expect(p.safetyFactor).toBeCloseTo(1.01058, 5);
  });

  it('(s, S) min-max: S = s + Q', () => {
    const p = replenishmentPolicy({
      kind: 's,S',
      demand,
      leadTime: { mean: 6, sd: 2 },
      service: { cycleServiceLevel: 0.9 },
      orderQuantity: 300,
    });
    if (p.kind !== 's,S') throw new Error('kind');
    expectRelative(p.reorderPoint, 429.1127426467683, 1e-9);
    expectRelative(p.orderUpTo, 729.1127426467683, 1e-9);
  });

  it('(R, S): protects over R + L', () => {
    const p = replenishmentPolicy({
      kind: 'R,S',
      reviewPeriod: 7,
      demand,
      leadTime: 6,
      service: { cycleServiceLevel: 0.95 },
    });
    if (p.kind !== 'R,S') throw new Error('kind');
    expectRelative(p.orderUpTo, 650 + 1.6448536269514722 * 5 * Math.sqrt(13), 1e-14);
    expect(p.leadTimeDemand.periods).toBe(13);
  });

  it('rejects a missing review period naming the field', () => {
    const e = thrown(() =>
      replenishmentPolicy({ kind: 'R,S', demand, leadTime: 6, service: { cycleServiceLevel: 0.9 } } as never),
    );
    expect(e.issues?.some((i) => i.path.join('.') === 'reviewPeriod')).toBe(true);
    expect(thrown(() => replenishmentPolicy({ kind: 'x,y' } as never)).code).toBe('VALIDATION');
  });
});

describe('replenishmentOrder', () => {
  it('(s, Q): enough whole lots to lift the position above s', () => {
    const policy = { kind: 's,Q' as const, reorderPoint: 316, orderQuantity: 100 };
    expect(replenishmentOrder({ policy, position: 317 })).toMatchObject({ order: false, quantity: 0 });
    expect(replenishmentOrder({ policy, position: 316 })).toMatchObject({ order: true, quantity: 100 });
    expect(replenishmentOrder({ policy, position: 100 })).toMatchObject({ order: true, quantity: 300 });
  });

  it('(s, S): up to S in packs, from the parts of the position', () => {
    const policy = { kind: 's,S' as const, reorderPoint: 316, orderUpTo: 616, orderRules: { packSize: 12 } };
    const d = replenishmentOrder({ policy, position: { onHand: 150, onOrder: 80, reserved: 30 } });
    expect(d.inventoryPosition).toBe(200);
    expect(d.quantity).toBe(420);
    expect(d.rounding?.adjustments).toEqual(['pack']);
    expect(d.reason).toContain('416 needed');
  });

  it('(R, S): up to S at a review, nothing at or above S', () => {
    const policy = { kind: 'R,S' as const, orderUpTo: 680, orderRules: { moq: 100 } };
    expect(replenishmentOrder({ policy, position: 650 }).quantity).toBe(100);
    expect(replenishmentOrder({ policy, position: 680 }).order).toBe(false);
  });

  it('takes the policy replenishmentPolicy returned, as it is (also a type check)', () => {
    const policy = replenishmentPolicy({
      kind: 's,Q',
      demand,
      leadTime: 6,
      service: { cycleServiceLevel: 0.9 },
      orderQuantity: 290,
      orderRules: { packSize: 24 },
    });
    // ROP 315.70, Q = 312 (290 in packs of 24): position 100 needs ⌊215.70 / 312⌋ + 1 = 1 lot.
    expect(replenishmentOrder({ policy, position: 100 })).toMatchObject({ order: true, quantity: 312 });
    expect(replenishmentOrder({ policy, position: 316 }).order).toBe(false);
  });

  it('inventoryPosition and bad input', () => {
    expect(inventoryPosition({ onHand: 120, onOrder: 300, reserved: 20 })).toBe(400);
    expect(inventoryPosition({ onHand: 10, backordered: 15 })).toBe(-5);
    expect(
      thrown(() =>
        replenishmentOrder({ policy: { kind: 's,Q', reorderPoint: 1, orderQuantity: 0 }, position: 0 }),
      ).issues?.[0]?.path,
    ).toEqual(['policy', 'orderQuantity']);
  });
});
