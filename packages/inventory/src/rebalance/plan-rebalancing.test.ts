import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { planRebalancing } from './plan-rebalancing.js';

const wh = (id: string, onHand: number, target: number, extra: Record<string, unknown> = {}) => ({
  id,
  onHand,
  target,
  ...extra,
});

describe('planRebalancing', () => {
  it('covers every shortage from the surplus at least cost, leaving the rest', () => {
    const plan = planRebalancing({
      warehouses: [wh('sh', 300, 100), wh('bj', 20, 100), wh('gz', 40, 100)],
      lanes: [
        { from: 'sh', to: 'bj', unitCost: '1.20', leadTimeDays: 2 },
        { from: 'sh', to: 'gz', unitCost: '0.90', leadTimeDays: 2 },
      ],
      shortagePenalty: '5',
    });
    expect(plan.transfers.map((t) => [t.from, t.to, t.quantity, t.cost.toString()])).toEqual([
      ['sh', 'bj', 80, '96.00 CNY'],
      ['sh', 'gz', 60, '54.00 CNY'],
    ]);
    expect(plan.cost.total.toString()).toBe('150.00 CNY');
    expect(plan.cost.penalty?.toString()).toBe('0.00 CNY');
    expect(plan.warehouses[0]).toMatchObject({ role: 'donor', surplus: 200, shipped: 140, surplusLeft: 60 });
    expect(plan.warehouses[1]).toMatchObject({ role: 'receiver', shortage: 80, covered: 80, unmet: 0 });
    expect(plan.optimality).toMatchObject({ method: 'min-cost-flow', status: 'optimal', gap: 0 });
    expect(plan.optimality.lowerBound.toString()).toBe('150.00 CNY');
    expect(plan.transfers[0]?.reason.text).toContain('bj is 80 short of its target 100');
  });

  it('chooses the cheaper donor and says why a shortage stays (no surplus)', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 130, 100), wh('b', 150, 100), wh('r', 0, 100)],
      lanes: [
        { from: 'a', to: 'r', unitCost: 1 },
        { from: 'b', to: 'r', unitCost: 2 },
      ],
      shortagePenalty: 10,
    });
    expect(plan.transfers.map((t) => [t.from, t.quantity])).toEqual([
      ['a', 30],
      ['b', 50],
    ]);
    expect(plan.warehouses[2]).toMatchObject({ covered: 80, unmet: 20, unmetReason: 'no-surplus' });
    expect(plan.cost.penalty?.toString()).toBe('200.00 CNY');
    expect(plan.cost.total.toString()).toBe('330.00 CNY'); // 30 + 100 + 200
  });

  it('leaves a shortage when moving costs more than the penalty', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 200, 100), wh('r', 0, 50)],
      lanes: [{ from: 'a', to: 'r', unitCost: 9 }],
      shortagePenalty: 8,
    });
    expect(plan.transfers).toEqual([]);
    expect(plan.warehouses[1]).toMatchObject({ unmet: 50, unmetReason: 'penalty-cheaper' });
    expect(plan.cost.total.toString()).toBe('400.00 CNY');
  });

  it('without a penalty every coverable shortage is covered, whatever the lane costs', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 200, 100), wh('r', 0, 50)],
      lanes: [{ from: 'a', to: 'r', unitCost: 9 }],
    });
    expect(plan.transfers[0]?.quantity).toBe(50);
    expect(plan.cost.penalty).toBeNull();
    expect(plan.cost.total.toString()).toBe('450.00 CNY');
  });

  it('parallel lanes: the cheap capacity first, then the dear lane; full lanes are a reason', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 200, 0), wh('r', 0, 100), wh('s', 0, 30)],
      lanes: [
        { from: 'a', to: 'r', unitCost: 1, capacity: 60, id: 'truck' },
        { from: 'a', to: 'r', unitCost: 3, capacity: 20, id: 'express' },
        { from: 'a', to: 's', unitCost: 1, capacity: 10 },
      ],
      shortagePenalty: 50,
    });
    expect(plan.transfers.map((t) => [t.laneId, t.to, t.quantity])).toEqual([
      ['truck', 'r', 60],
      ['express', 'r', 20],
      [undefined, 's', 10],
    ]);
    expect(plan.warehouses[1]).toMatchObject({ unmet: 20, unmetReason: 'lane-capacity' });
    expect(plan.warehouses[2]).toMatchObject({ unmet: 20, unmetReason: 'lane-capacity' });
  });

  it('positions count inbound and reserved; donors give only free stock above keep', () => {
    const plan = planRebalancing({
      warehouses: [
        { id: 'a', onHand: 100, inbound: 50, reserved: 40, target: 60, keep: 70 }, // position 110, free 60, surplus min(40, 60)
        { id: 'r', onHand: 10, inbound: 20, target: { safetyStock: 20, dailyDemand: 5, daysOfCover: 10 } }, // target 70, position 30
      ],
      lanes: [{ from: 'a', to: 'r', unitCost: '0.5' }],
    });
    expect(plan.warehouses[0]).toMatchObject({ position: 110, keep: 70, surplus: 40 });
    expect(plan.warehouses[1]).toMatchObject({ position: 30, target: 70, shortage: 40, covered: 40 });
    expect(plan.cost.total.toString()).toBe('20.00 CNY');
  });

  it('whole packs: shortages round up (or down), surplus rounds down', () => {
    const up = planRebalancing({
      packSize: 6,
      warehouses: [wh('a', 100, 80), wh('r', 0, 7)],
      lanes: [{ from: 'a', to: 'r', unitCost: '0.10' }],
    });
    expect(up.transfers[0]).toMatchObject({ quantity: 12, packs: 2 });
    expect(up.warehouses[0]).toMatchObject({ surplus: 18 });
    const down = planRebalancing({
      packSize: 6,
      shortageRounding: 'down',
      warehouses: [wh('a', 100, 80), wh('r', 0, 7)],
      lanes: [{ from: 'a', to: 'r', unitCost: '0.10' }],
    });
    expect(down.transfers[0]).toMatchObject({ quantity: 6, packs: 1 });
    expect(down.warehouses[1]).toMatchObject({ unmet: 1, unmetReason: 'pack-rounding' });
    // Fractional packs and costs stay exact: 0.25 kg packs at 1.234 per kg.
    const kg = planRebalancing({
      packSize: 0.25,
      warehouses: [wh('a', 10, 5), wh('r', 0, 1.1)],
      lanes: [{ from: 'a', to: 'r', unitCost: '1.234' }],
    });
    expect(kg.transfers[0]).toMatchObject({ quantity: 1.25, packs: 5 });
    expect(kg.cost.total.toString()).toBe('1.5425 CNY');
  });

  it('lanes slower than neededWithinDays are not used', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 100, 0), { id: 'r', onHand: 0, target: 10, neededWithinDays: 2 }],
      lanes: [{ from: 'a', to: 'r', unitCost: 1, leadTimeDays: 3 }],
      shortagePenalty: 100,
    });
    expect(plan.transfers).toEqual([]);
    expect(plan.warehouses[1]?.unmetReason).toBe('too-slow');
    const none = planRebalancing({ warehouses: [wh('a', 100, 0), wh('r', 0, 10)], lanes: [] });
    expect(none.warehouses[1]).toMatchObject({ unmet: 10, unmetReason: 'no-lane' });
  });

  it('fixed costs per shipment: one shipment beats two (branch and bound, proven)', () => {
    const plan = planRebalancing({
      warehouses: [wh('a', 80, 0), wh('b', 80, 0), wh('r', 0, 60)],
      lanes: [
        { from: 'a', to: 'r', unitCost: 1, fixedCost: 100 },
        { from: 'b', to: 'r', unitCost: 1.5, fixedCost: 20, capacity: 40 },
      ],
      shortagePenalty: 1000,
    });
    // Options: a alone 60 + 100 = 160; b 40 + a 20: 60 + 20 + 20 + 100 = 200.
    expect(plan.transfers.map((t) => [t.from, t.quantity, t.cost.toString()])).toEqual([
      ['a', 60, '160.00 CNY'],
    ]);
    expect(plan.cost.fixed.toString()).toBe('100.00 CNY');
    expect(plan.optimality).toMatchObject({ method: 'branch-and-bound', status: 'optimal', gap: 0 });
    expect(plan.transfers[0]?.reason.text).toContain('100.00 per shipment');
  });

  it('unbalanced totals never throw: nothing to do, or no donors at all', () => {
    expect(planRebalancing({ warehouses: [wh('a', 10, 10)], lanes: [] }).transfers).toEqual([]);
    const short = planRebalancing({
      warehouses: [wh('a', 0, 10), wh('b', 0, 5)],
      lanes: [{ from: 'a', to: 'b', unitCost: 1 }],
      shortagePenalty: 2,
    });
    expect(short.cost.total.toString()).toBe('30.00 CNY');
    expect(short.warehouses.map((w) => w.unmetReason)).toEqual(['no-lane', 'no-lane']);
  });

  it('rejects bad input naming the field', () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ warehouses: [wh('a', 1, 1), wh('a', 1, 1)], lanes: [] }, ['warehouses', 1, 'id']],
      [{ warehouses: [wh('a', 1, 1)], lanes: [{ from: 'a', to: 'x', unitCost: 1 }] }, ['lanes', 0, 'to']],
      [{ warehouses: [wh('a', 1, 1)], lanes: [{ from: 'a', to: 'a', unitCost: 1 }] }, ['lanes', 0, 'to']],
      [
        { warehouses: [wh('a', 1, 1)], lanes: [{ from: 'a', to: 'a', unitCost: '-1' }] },
        ['lanes', 0, 'unitCost'],
      ],
      [{ warehouses: [wh('a', -1, 1)], lanes: [] }, ['warehouses', 0, 'onHand']],
      [{ warehouses: [], lanes: [] }, ['warehouses']],
      [
        { warehouses: [{ id: 'a', onHand: 1, target: { dailyDemand: 3 } }], lanes: [] },
        ['warehouses', 0, 'target'],
      ],
      [{ warehouses: [wh('a', 1, 1)], lanes: [], packSize: 0 }, ['packSize']],
    ];
    for (const [input, path] of cases) {
      const e = thrown(() => planRebalancing(input as never));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues?.[0]?.path).toEqual(path);
    }
  });
});
