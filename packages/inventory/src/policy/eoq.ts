import { parseInput } from '@s2b2b/core';
import { type EoqInput, eoqInputSchema } from './schemas.js';

/**
 * The economic order quantity and what it implies.
 *
 * @example
 * const r: EoqResult = { quantity: 304.0467800264368, costPerPeriod: 68.41052550594829, ordersPerPeriod: 4.2757, cycleLength: 0.2339 }
 */
export interface EoqResult {
  /** Q* = √(2Kλ/h). */
  quantity: number;
  /** Ordering + holding cost per period at Q*: √(2Kλh). */
  costPerPeriod: number;
  /** λ/Q*. */
  ordersPerPeriod: number;
  /** Q* ÷ λ: periods between orders (`Infinity` with no demand). */
  cycleLength: number;
}

/**
 * The economic order quantity (Harris 1913): the lot size that balances the order cost K per
 * order against the holding cost h per unit per period at demand rate λ, Q* = √(2Kλ/h), with
 * the cost per period √(2Kλh). No demand or no order cost gives Q* = 0. Throws
 * `ValidationError` naming the field.
 *
 * @example
 * economicOrderQuantity({ orderCost: 8, holdingCost: 0.225, demandRate: 1300 }).quantity // 304.0467800264368
 */
export function economicOrderQuantity(input: EoqInput): EoqResult {
  const { orderCost, holdingCost, demandRate } = parseInput(eoqInputSchema, input);
  return eoq(orderCost, holdingCost, demandRate);
}

/** EOQ on checked numbers. Internal. */
export function eoq(orderCost: number, holdingCost: number, demandRate: number): EoqResult {
  const quantity = Math.sqrt((2 * orderCost * demandRate) / holdingCost);
  return {
    quantity,
    costPerPeriod: Math.sqrt(2 * orderCost * demandRate * holdingCost),
    ordersPerPeriod: quantity === 0 ? 0 : demandRate / quantity,
    cycleLength: demandRate === 0 ? Number.POSITIVE_INFINITY : quantity / demandRate,
  };
}
