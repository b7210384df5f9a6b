import type { MovementDraft, StockPosition } from '../store.js';
import { applyDeltas, comparePositionKeys, emptyPosition, positionId, toStockPosition } from './positions.js';

/**
 * Rebuilds positions from ledger rows: each position is the sum of its movements' deltas, so
 * the order of the rows does not matter. Returns one position per (warehouse, SKU) that has
 * movements, in key order — for a complete ledger, exactly what the store holds.
 *
 * @example
 * rebuildPositions([
 *   { ...base, kind: 'receipt', onHandDelta: 10, reservedDelta: 0, inTransitDelta: 0, onOrderDelta: 0 },
 *   { ...base, kind: 'reservation', onHandDelta: 0, reservedDelta: 4, inTransitDelta: 0, onOrderDelta: 0 },
 * ]) // [{ ..., onHand: 10, reserved: 4, available: 6, inTransit: 0, onOrder: 0 }]
 */
export function rebuildPositions(
  movements: Iterable<
    Pick<
      MovementDraft,
      'warehouseId' | 'sku' | 'onHandDelta' | 'reservedDelta' | 'inTransitDelta' | 'onOrderDelta'
    >
  >,
): StockPosition[] {
  const positions = new Map<string, StockPosition>();
  for (const movement of movements) {
    const id = positionId(movement);
    const current = positions.get(id) ?? emptyPosition(movement);
    positions.set(id, toStockPosition(current, applyDeltas(current, movement)));
  }
  return [...positions.values()].sort(comparePositionKeys);
}
