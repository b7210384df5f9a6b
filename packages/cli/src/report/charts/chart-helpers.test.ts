import { describe, expect, it } from 'vitest';
import type { ReportSlaClock } from '../model.js';
import { segmentOrder } from './segment-order.js';
import { slaOrder } from './sla-order.js';
import { transferFlows } from './transfer-flows.js';

const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('transferFlows', () => {
  it('adds up units, SKUs and cost per pair, largest first', () => {
    const flows = transferFlows([
      { fromWarehouseId: 'SH', toWarehouseId: 'WH', sku: 'A', units: 24, cost: cny('10.00') },
      { fromWarehouseId: 'GZ', toWarehouseId: 'CD', sku: 'A', units: 96, cost: cny('0.10') },
      { fromWarehouseId: 'SH', toWarehouseId: 'WH', sku: 'B', units: 48, cost: cny('5.50') },
      { fromWarehouseId: 'SH', toWarehouseId: 'WH', sku: 'B', units: 24, cost: cny('0.20') },
      { fromWarehouseId: 'WH', toWarehouseId: 'SH', sku: 'A', units: 12, cost: cny('3.33') },
    ]);
    expect(
      flows.map((flow) => [
        flow.fromWarehouseId,
        flow.toWarehouseId,
        flow.units,
        flow.skus,
        flow.cost.toDecimalString(),
      ]),
    ).toEqual([
      ['GZ', 'CD', 96, 1, '0.10'],
      ['SH', 'WH', 96, 2, '15.70'],
      ['WH', 'SH', 12, 1, '3.33'],
    ]);
    expect(transferFlows([])).toEqual([]);
  });
});

describe('segmentOrder', () => {
  it('orders by size, then segments known only from movements by name', () => {
    expect(
      segmentOrder({
        sizes: [
          { segment: 'New', customers: 5 },
          { segment: 'VIP', customers: 9 },
          { segment: 'Loyal', customers: 5 },
        ],
        movements: [
          { from: 'Lost', to: 'New', customers: 1 },
          { from: 'At risk', to: 'VIP', customers: 2 },
        ],
      }),
    ).toEqual(['VIP', 'Loyal', 'New', 'At risk', 'Lost']);
  });
});

describe('slaOrder', () => {
  const clock = (
    caseId: string,
    status: ReportSlaClock['status'],
    used: number,
    target: number,
  ): ReportSlaClock => ({
    caseId,
    metric: 'resolution',
    startedAt: '2026-11-11T09:00:00+08:00',
    deadline: '2026-11-11T18:00:00+08:00',
    usedMinutes: used,
    targetMinutes: target,
    status,
  });

  it('lists breaches first, then running, paused and met, the most consumed first', () => {
    const order = slaOrder([
      clock('A', 'met', 50, 60),
      clock('B', 'running', 30, 60),
      clock('C', 'breached', 70, 60),
      clock('D', 'running', 55, 60),
      clock('E', 'paused', 10, 60),
      clock('F', 'breached', 500, 480),
      clock('G', 'running', 5, 0),
    ]);
    // C: 70/60 = 1.17 before F: 500/480 = 1.04; G has no target but used minutes: first of running
    expect(order.map((c) => c.caseId)).toEqual(['C', 'F', 'G', 'D', 'B', 'E', 'A']);
  });
});
