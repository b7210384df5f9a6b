import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import {
  type MovementThresholds,
  type MovementThresholdsInput,
  movementThresholdsSchema,
} from './schemas.js';

/**
 * How an item on hand moves: `active`, `slow`, `very-slow` or `dead`; `no-stock` when nothing
 * is on hand (nothing to classify).
 *
 * @example
 * const c: MovementClass = 'very-slow'
 */
export type MovementClass = 'no-stock' | 'active' | 'slow' | 'very-slow' | 'dead';

/**
 * The default thresholds: idle 30 / 90 / 180 days for slow / very slow / dead, cover 90 / 180
 * days for slow / very slow.
 *
 * @example
 * DEFAULT_MOVEMENT_THRESHOLDS.deadIdleDays // 180
 */
export const DEFAULT_MOVEMENT_THRESHOLDS: MovementThresholds = Object.freeze(
  movementThresholdsSchema.parse({}),
);

/**
 * What to look at when classifying: units on hand, days idle (since the last sale, or since
 * the oldest lot arrived when the item never sold) and days of cover (`Infinity` with no demand).
 *
 * @example
 * const f: MovementFacts = { onHand: 40, idleDays: 95, daysOfCover: Infinity }
 */
export interface MovementFacts {
  onHand: number;
  idleDays: number;
  daysOfCover: number;
}

const factsSchema = z
  .object({
    onHand: z.number().nonnegative(),
    idleDays: z.number().nonnegative(),
    daysOfCover: z.union([z.number().nonnegative(), z.literal(Number.POSITIVE_INFINITY)]),
  })
  .strict();

/**
 * Classifies stock by how it moves: `dead` when idle at least `deadIdleDays`; `very-slow` when
 * idle at least `verySlowIdleDays` or covering at least `verySlowCoverDays` of demand; `slow`
 * likewise with the `slow*` thresholds; otherwise `active`. No stock is `no-stock`. An item with
 * stock and no demand has infinite cover, so it is at least `very-slow` — never a division by
 * zero. Throws `ValidationError` naming the field.
 *
 * @example
 * classifyMovement({ onHand: 40, idleDays: 12, daysOfCover: 25 }) // 'active'
 * classifyMovement({ onHand: 40, idleDays: 12, daysOfCover: Infinity }) // 'very-slow'
 * classifyMovement({ onHand: 40, idleDays: 200, daysOfCover: Infinity }) // 'dead'
 */
export function classifyMovement(
  facts: MovementFacts,
  thresholds: MovementThresholdsInput = {},
): MovementClass {
  const f = parseInput(factsSchema, facts, 'facts');
  return classifyParsed(f, parseInput(movementThresholdsSchema, thresholds, 'thresholds'));
}

/** `classifyMovement` on parsed input. Internal. */
export function classifyParsed(f: MovementFacts, t: MovementThresholds): MovementClass {
  if (f.onHand === 0) return 'no-stock';
  if (f.idleDays >= t.deadIdleDays) return 'dead';
  if (f.idleDays >= t.verySlowIdleDays || f.daysOfCover >= t.verySlowCoverDays) return 'very-slow';
  if (f.idleDays >= t.slowIdleDays || f.daysOfCover >= t.slowCoverDays) return 'slow';
  return 'active';
}

/**
 * What to do about slow stock:
 * - `return-to-supplier` — part of it is still inside the supplier's return window;
 * - `transfer` — another warehouse sells the same SKU and could use it;
 * - `markdown` — sell it off at a discount;
 * - `monitor` — slow but not yet worth acting on;
 * - `none` — active, or nothing on hand.
 *
 * @example
 * const a: StockAction = { kind: 'transfer', quantity: 30, to: 'gz', reason: 'gz sells 4.0/day and covers 6 days' }
 */
export interface StockAction {
  kind: 'none' | 'monitor' | 'transfer' | 'markdown' | 'return-to-supplier';
  /** Units the action concerns. */
  quantity: number;
  /** Destination warehouse for a transfer. */
  to?: string;
  reason: string;
}

/**
 * Chooses the action for a classified item: dead and very slow stock goes back to the supplier
 * while the return window allows (the lots still inside it), else to a warehouse that sells the
 * SKU and can take it (`transferTarget`), else is marked down; slow stock is transferred when a
 * target exists, else monitored. `excess` is what the item's own demand does not need. When a
 * transfer or return takes only part of the excess, the reason says what to do with the rest.
 * Exported for hosts that classify themselves; `stockHealthReport` calls it for every row.
 *
 * @example
 * recommendAction('dead', { onHand: 50, returnable: 0, excess: 50 }) // { kind: 'markdown', quantity: 50, ... }
 * recommendAction('dead', { onHand: 50, returnable: 0, excess: 50, transferTarget: { warehouseId: 'gz', dailyDemand: 0.2, daysOfCover: 10, canTake: 16 } })
 * // { kind: 'transfer', quantity: 16, to: 'gz', reason: 'Dead here; gz sells 0.2/day and covers 10 days; mark down the other 34' }
 */
export function recommendAction(
  movement: MovementClass,
  context: {
    onHand: number;
    /** Units still inside the supplier's return window. */
    returnable: number;
    /** Units the item's own demand does not need (all of it for dead stock). */
    excess: number;
    transferTarget?: { warehouseId: string; dailyDemand: number; daysOfCover: number; canTake: number };
  },
): StockAction {
  if (movement === 'no-stock') return { kind: 'none', quantity: 0, reason: 'Nothing on hand' };
  if (movement === 'active') return { kind: 'none', quantity: 0, reason: 'Sells at a normal pace' };
  const { excess, returnable } = context;
  const target = context.transferTarget;
  const label = movement === 'dead' ? 'Dead' : movement === 'very-slow' ? 'Very slow' : 'Slow';
  const transferable = target ? Math.min(excess, Math.max(0, target.canTake)) : 0;
  const where = target
    ? `${target.warehouseId} sells ${target.dailyDemand.toFixed(1)}/day and covers ${
        Number.isFinite(target.daysOfCover) ? target.daysOfCover.toFixed(0) : 'no'
      } days`
    : '';
  const rest = (used: number, then: string) =>
    excess - used > 0 ? `; ${then} the other ${fmt(excess - used)}` : '';
  if (movement === 'slow') {
    if (target && transferable > 0) {
      return {
        kind: 'transfer',
        quantity: transferable,
        to: target.warehouseId,
        reason: `${label} here; ${where}`,
      };
    }
    return { kind: 'monitor', quantity: 0, reason: 'Slow: watch before acting' };
  }
  if (returnable > 0 && excess > 0) {
    const quantity = Math.min(returnable, excess);
    return {
      kind: 'return-to-supplier',
      quantity,
      reason: `${label} stock still inside the supplier's return window${rest(quantity, target && transferable > 0 ? `transfer to ${target.warehouseId} or mark down` : 'mark down')}`,
    };
  }
  if (target && transferable > 0) {
    return {
      kind: 'transfer',
      quantity: transferable,
      to: target.warehouseId,
      reason: `${label} here; ${where}${rest(transferable, 'mark down')}`,
    };
  }
  return {
    kind: 'markdown',
    quantity: excess,
    reason:
      movement === 'dead'
        ? 'No sale for too long and no warehouse that sells it needs it: clear it'
        : 'Far more cover than demand and no warehouse that needs it',
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
