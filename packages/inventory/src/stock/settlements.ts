import type { DocumentSettlement, StockDocument } from '../store.js';
import { documentClosedError, exceedsOpenError, lineNotFoundError } from './errors.js';
import { comparePositionKeys, positionId } from './positions.js';

/**
 * A line of a release, fulfilment or transfer receipt: a SKU and quantity, optionally pinned
 * to one warehouse of the document.
 *
 * @example
 * const line: SettleLine = { sku: 'TEA-500G', quantity: 4, warehouseId: 'WH-SH' };
 */
export interface SettleLine {
  sku: string;
  quantity: number;
  warehouseId?: string | undefined;
}

/**
 * What to take off a document's open lines. Without `lines`, everything still open. A line
 * pinned to a warehouse settles that document line; an unpinned one settles the SKU's lines
 * in key order. Returns merged settlements in key order.
 *
 * @throws DomainError `<KIND>_CLOSED` (nothing open and no lines given), `LINE_NOT_FOUND`, `EXCEEDS_OPEN_QUANTITY`
 * @example
 * resolveSettlements(reservation, [{ sku: 'TEA', quantity: 3 }]) // [{ warehouseId: 'A', sku: 'TEA', quantity: 3 }]
 */
export function resolveSettlements(
  document: StockDocument,
  lines?: readonly SettleLine[],
): DocumentSettlement[] {
  const sorted = [...document.lines].sort(comparePositionKeys);
  if (lines === undefined) {
    const all = sorted
      .filter((line) => line.open > 0)
      .map((line) => ({ warehouseId: line.warehouseId, sku: line.sku, quantity: line.open }));
    if (all.length === 0) throw documentClosedError(document.kind, document.id);
    return all;
  }
  const open = new Map(sorted.map((line) => [positionId(line), line.open]));
  const settled = new Map<string, DocumentSettlement>();
  const take = (warehouseId: string, sku: string, quantity: number) => {
    const id = positionId({ warehouseId, sku });
    open.set(id, open.get(id)! - quantity);
    const existing = settled.get(id);
    if (existing) existing.quantity += quantity;
    else settled.set(id, { warehouseId, sku, quantity });
  };
  for (const line of lines) {
    if (line.warehouseId !== undefined) {
      const key = { warehouseId: line.warehouseId, sku: line.sku };
      const available = open.get(positionId(key));
      if (available === undefined) throw lineNotFoundError(document.kind, document.id, key);
      if (line.quantity > available) {
        throw exceedsOpenError(document.kind, document.id, key, line.quantity, available);
      }
      take(line.warehouseId, line.sku, line.quantity);
      continue;
    }
    const candidates = sorted.filter((candidate) => candidate.sku === line.sku);
    if (candidates.length === 0) {
      throw lineNotFoundError(document.kind, document.id, { warehouseId: null, sku: line.sku });
    }
    const total = candidates.reduce((sum, candidate) => sum + open.get(positionId(candidate))!, 0);
    if (line.quantity > total) {
      throw exceedsOpenError(
        document.kind,
        document.id,
        { warehouseId: null, sku: line.sku },
        line.quantity,
        total,
      );
    }
    let remaining = line.quantity;
    for (const candidate of candidates) {
      const units = Math.min(remaining, open.get(positionId(candidate))!);
      if (units > 0) take(candidate.warehouseId, candidate.sku, units);
      remaining -= units;
    }
  }
  return [...settled.values()].sort(comparePositionKeys);
}
