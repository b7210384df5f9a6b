import { Money, sum } from '@s2b2b/core';
import type { ReportTransfer } from '../model.js';

/** All transfers from one warehouse to another, added up. */
export interface TransferFlow {
  fromWarehouseId: string;
  toWarehouseId: string;
  units: number;
  /** Distinct SKUs moved. */
  skus: number;
  cost: Money;
}

/**
 * Transfers added up per (from, to) pair of warehouses: units, distinct SKUs and cost (exact
 * money), largest flow first (ties by warehouse ids, so the order is stable).
 *
 * @param transfers - the day's planned transfers
 * @throws DomainError `CURRENCY_MISMATCH` when one pair's costs are in different currencies
 * @example
 * transferFlows([
 *   { fromWarehouseId: 'SH', toWarehouseId: 'WH', sku: 'A', units: 24, cost: { amount: '10.00', currency: 'CNY' } },
 *   { fromWarehouseId: 'SH', toWarehouseId: 'WH', sku: 'B', units: 48, cost: { amount: '5.50', currency: 'CNY' } },
 * ]) // [{ fromWarehouseId: 'SH', toWarehouseId: 'WH', units: 72, skus: 2, cost: ¥15.50 }]
 */
export function transferFlows(transfers: readonly ReportTransfer[]): TransferFlow[] {
  const pairs = new Map<
    string,
    { from: string; to: string; units: number; skus: Set<string>; costs: Money[] }
  >();
  for (const transfer of transfers) {
    const key = JSON.stringify([transfer.fromWarehouseId, transfer.toWarehouseId]);
    const pair = pairs.get(key) ?? {
      from: transfer.fromWarehouseId,
      to: transfer.toWarehouseId,
      units: 0,
      skus: new Set<string>(),
      costs: [],
    };
    pair.units += transfer.units;
    pair.skus.add(transfer.sku);
    pair.costs.push(Money.fromJSON(transfer.cost));
    pairs.set(key, pair);
  }
  return [...pairs.values()]
    .map((pair) => ({
      fromWarehouseId: pair.from,
      toWarehouseId: pair.to,
      units: pair.units,
      skus: pair.skus.size,
      cost: sum(pair.costs),
    }))
    .sort(
      (a, b) =>
        b.units - a.units ||
        a.fromWarehouseId.localeCompare(b.fromWarehouseId) ||
        a.toWarehouseId.localeCompare(b.toWarehouseId),
    );
}
