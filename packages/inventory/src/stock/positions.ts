import type { MovementDraft, PositionCounts, PositionKey, StockPosition } from '../store.js';

/**
 * The largest value a counter may reach: 2^53 - 1, the last whole number JavaScript represents
 * exactly (PostgreSQL's BIGINT would go further; the store refuses to).
 *
 * @example
 * MAX_STOCK_QUANTITY // 9007199254740991
 */
export const MAX_STOCK_QUANTITY = Number.MAX_SAFE_INTEGER;

/**
 * Orders two strings by Unicode code point — the order of their UTF-8 bytes, which is
 * PostgreSQL's `COLLATE "C"` — unlike `<`, which compares UTF-16 code units.
 *
 * @example
 * compareCodePoints('a', 'b') // -1
 * compareCodePoints('\uFFFF', '😀') // -1 (U+FFFF < U+1F600, although '\uFFFF' > '\uD83D')
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    // Surrogates (U+D800-U+DFFF) encode code points above U+FFFF: they sort after every other unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * The one order positions are locked and listed in: by warehouse id, then SKU, by code point.
 * Every adapter locks in this order (PostgreSQL: `ORDER BY warehouse_id COLLATE "C", sku COLLATE "C"`),
 * so two commands touching the same positions never wait for each other in a cycle.
 *
 * @example
 * [{ warehouseId: 'B', sku: 'x' }, { warehouseId: 'A', sku: 'y' }].sort(comparePositionKeys) // A/y, B/x
 */
export function comparePositionKeys(a: PositionKey, b: PositionKey): number {
  return compareCodePoints(a.warehouseId, b.warehouseId) || compareCodePoints(a.sku, b.sku);
}

/**
 * A string that identifies a position, for maps (ids never contain NUL).
 *
 * @example
 * positionId({ warehouseId: 'WH-SH', sku: 'TEA' }) // 'WH-SH\u0000TEA'
 */
export function positionId(key: PositionKey): string {
  return `${key.warehouseId}\u0000${key.sku}`;
}

/**
 * The keys once each, in {@link comparePositionKeys} order.
 *
 * @example
 * uniquePositionKeys([{ warehouseId: 'B', sku: 'x' }, { warehouseId: 'B', sku: 'x' }]) // one key
 */
export function uniquePositionKeys(keys: readonly PositionKey[]): PositionKey[] {
  const seen = new Map<string, PositionKey>();
  for (const key of keys) {
    const id = positionId(key);
    if (!seen.has(id)) seen.set(id, { warehouseId: key.warehouseId, sku: key.sku });
  }
  return [...seen.values()].sort(comparePositionKeys);
}

/**
 * A position from its key and counters, with `available = onHand - reserved`.
 *
 * @example
 * toStockPosition({ warehouseId: 'W', sku: 'S' }, { onHand: 10, reserved: 3, inTransit: 0, onOrder: 0 }).available // 7
 */
export function toStockPosition(key: PositionKey, counts: PositionCounts): StockPosition {
  return {
    warehouseId: key.warehouseId,
    sku: key.sku,
    onHand: counts.onHand,
    reserved: counts.reserved,
    inTransit: counts.inTransit,
    onOrder: counts.onOrder,
    available: counts.onHand - counts.reserved,
  };
}

/**
 * A position with nothing in it.
 *
 * @example
 * emptyPosition({ warehouseId: 'W', sku: 'S' }).onHand // 0
 */
export function emptyPosition(key: PositionKey): StockPosition {
  return toStockPosition(key, { onHand: 0, reserved: 0, inTransit: 0, onOrder: 0 });
}

/**
 * The counters after a movement (no checks; see {@link checkMovement}).
 *
 * @example
 * applyDeltas({ onHand: 10, reserved: 0, inTransit: 0, onOrder: 0 }, { onHandDelta: -4, reservedDelta: 0, inTransitDelta: 0, onOrderDelta: 0 }).onHand // 6
 */
export function applyDeltas(
  counts: PositionCounts,
  deltas: Pick<MovementDraft, 'onHandDelta' | 'reservedDelta' | 'inTransitDelta' | 'onOrderDelta'>,
): PositionCounts {
  return {
    onHand: counts.onHand + deltas.onHandDelta,
    reserved: counts.reserved + deltas.reservedDelta,
    inTransit: counts.inTransit + deltas.inTransitDelta,
    onOrder: counts.onOrder + deltas.onOrderDelta,
  };
}

/**
 * Why the store refuses a movement: `available` (it would reserve or ship more than is there),
 * a counter that would fall below zero, or one that would pass {@link MAX_STOCK_QUANTITY}.
 *
 * @example
 * const v: StockViolation = { rule: 'available', counter: 'available', current: 3, change: -5 };
 */
export interface StockViolation {
  rule: 'available' | 'underflow' | 'overflow';
  counter: 'available' | 'onHand' | 'reserved' | 'inTransit' | 'onOrder';
  /** The counter before the movement. */
  current: number;
  /** What the movement would add to it (negative: take away). */
  change: number;
}

/**
 * The stock invariant, checked on every movement against the position it changes:
 *
 * 1. `reserved`, `inTransit` and `onOrder` never go below zero;
 * 2. a movement that lowers `available` (`onHand - reserved`) leaves it at zero or above —
 *    so a reservation never exceeds on hand, and outbound stock never takes reserved units —
 *    except that in a warehouse with `allowNegative` a movement that reserves nothing may take
 *    on hand (and available) below zero;
 * 3. no counter passes ±{@link MAX_STOCK_QUANTITY}.
 *
 * In a warehouse without `allowNegative` this keeps `0 <= reserved <= onHand` at all times.
 * Returns `null` when the movement is allowed. The memory adapter and `rebuildPositions` use it
 * as is; the PostgreSQL adapter states the same rules in its conditional `UPDATE`.
 *
 * @example
 * checkMovement({ onHand: 10, reserved: 8, inTransit: 0, onOrder: 0 }, { onHandDelta: 0, reservedDelta: 3, inTransitDelta: 0, onOrderDelta: 0 }, false)
 * // { rule: 'available', counter: 'available', current: 2, change: -3 }
 */
export function checkMovement(
  counts: PositionCounts,
  deltas: Pick<MovementDraft, 'onHandDelta' | 'reservedDelta' | 'inTransitDelta' | 'onOrderDelta'>,
  allowNegative: boolean,
): StockViolation | null {
  const next = applyDeltas(counts, deltas);
  const counters = [
    ['reserved', deltas.reservedDelta],
    ['inTransit', deltas.inTransitDelta],
    ['onOrder', deltas.onOrderDelta],
  ] as const;
  for (const [counter, change] of counters) {
    if (next[counter] < 0) return { rule: 'underflow', counter, current: counts[counter], change };
  }
  const availableChange = deltas.onHandDelta - deltas.reservedDelta;
  const availableAfter = next.onHand - next.reserved;
  if (availableChange < 0 && availableAfter < 0 && (deltas.reservedDelta > 0 || !allowNegative)) {
    return {
      rule: 'available',
      counter: 'available',
      current: counts.onHand - counts.reserved,
      change: availableChange,
    };
  }
  for (const counter of ['onHand', 'reserved', 'inTransit', 'onOrder'] as const) {
    if (Math.abs(next[counter]) > MAX_STOCK_QUANTITY) {
      return { rule: 'overflow', counter, current: counts[counter], change: next[counter] - counts[counter] };
    }
  }
  return null;
}
