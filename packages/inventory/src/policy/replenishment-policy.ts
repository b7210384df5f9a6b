import { parseInput } from '@s2b2b/core';
import type { z } from 'zod';
import { eoq } from './eoq.js';
import { type LeadTimeDemand, leadTimeOf, momentsOf, protectionDemand } from './lead-time-demand.js';
import { type RoundedOrder, roundWithRules } from './order-quantity.js';
import { safetyStockFor } from './safety-stock.js';
import {
  type InventoryPosition,
  inventoryPositionSchema,
  type OrderRules,
  type ReplenishmentOrderInput,
  type ReplenishmentPolicyInput,
  replenishmentOrderInputSchema,
  replenishmentPolicyInputSchema,
} from './schemas.js';

// A type alias, not an interface: `replenishmentOrder` takes its policy through a loose schema
// (an index signature), which TypeScript lets object type aliases satisfy and interfaces not.
type PolicyBase = {
  /** The safety stock in the reorder point / order-up-to level. */
  safetyStock: number;
  /** k: Φ⁻¹(CSL) or the fill-rate factor. */
  safetyFactor: number;
  serviceMethod: 'cycle-service-level' | 'fill-rate';
  leadTimeDemand: LeadTimeDemand;
  /** The pack / MOQ rules the order quantities obey. */
  orderRules: OrderRules;
};

/**
 * A replenishment policy: (s, Q) continuous review with a fixed lot, (s, S) min-max, or (R, S)
 * periodic review with an order-up-to level.
 *
 * @example
 * const p: ReplenishmentPolicy = { kind: 's,Q', reorderPoint: 315.7, orderQuantity: 300, safetyStock: 15.7, safetyFactor: 1.28, serviceMethod: 'cycle-service-level', leadTimeDemand, orderRules: { rounding: 'up' } }
 */
export type ReplenishmentPolicy =
  | (PolicyBase & { kind: 's,Q'; reorderPoint: number; orderQuantity: number })
  | (PolicyBase & { kind: 's,S'; reorderPoint: number; orderUpTo: number })
  | (PolicyBase & { kind: 'R,S'; reviewPeriod: number; orderUpTo: number });

/**
 * Sizes a replenishment policy for normal demand:
 * - `s,Q`: s = μ_L + k·σ_L; Q as given or the EOQ, rounded to packs / MOQ;
 * - `s,S` (min-max): s as above, S = s + Q with Q as given or the EOQ, rounded to packs / MOQ;
 * - `R,S`: S = μ_{R+L} + k·σ_{R+L}, protecting over the review period plus the lead time.
 * k comes from the service target: Φ⁻¹ of a cycle service level, or the loss-function method
 * for a fill rate, where the demand per cycle is Q for `s,Q` and `s,S` (an approximation for
 * min-max, whose orders exceed S − s by the undershoot) and d̄·R for `R,S`, unless the service
 * target names its own `orderQuantity`.
 * Throws `ValidationError` naming the field; `DomainError` from the order rules
 * (`MOQ_ABOVE_MAXIMUM`).
 *
 * @example
 * replenishmentPolicy({ kind: 's,Q', demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.9 }, orderQuantity: 300 })
 * // { kind: 's,Q', reorderPoint: 315.6957370732461, orderQuantity: 300, ... }
 * replenishmentPolicy({ kind: 'R,S', reviewPeriod: 7, demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.95 } })
 * // { kind: 'R,S', orderUpTo: 650 + 1.645·5·√13 = 679.65…, ... }
 */
export function replenishmentPolicy(input: ReplenishmentPolicyInput): ReplenishmentPolicy {
  const parsed = parseInput(replenishmentPolicyInputSchema, input);
  const demand = momentsOf(parsed.demand);
  const leadTime = leadTimeOf(parsed.leadTime);
  const rules = parsed.orderRules;
  if (parsed.kind === 'R,S') {
    const ltd = protectionDemand(demand, leadTime, parsed.reviewPeriod);
    const ss = safetyStockFor(ltd, parsed.service, parsed.reviewPeriod);
    return {
      kind: 'R,S',
      reviewPeriod: parsed.reviewPeriod,
      orderUpTo: ss.reorderPoint,
      safetyStock: ss.safetyStock,
      safetyFactor: ss.safetyFactor,
      serviceMethod: ss.method,
      leadTimeDemand: ltd,
      orderRules: rules,
    };
  }
  const rawQ =
    typeof parsed.orderQuantity === 'number'
      ? parsed.orderQuantity
      : eoq(parsed.orderQuantity.orderCost, parsed.orderQuantity.holdingCost, demand.mean).quantity;
  const q = roundWithRules(rawQ, rules).quantity;
  const ltd = protectionDemand(demand, leadTime, 0);
  const service =
    'fillRate' in parsed.service && parsed.service.orderQuantity === undefined && q > 0
      ? { ...parsed.service, orderQuantity: q }
      : parsed.service;
  const ss = safetyStockFor(ltd, service, 0);
  const base: PolicyBase = {
    safetyStock: ss.safetyStock,
    safetyFactor: ss.safetyFactor,
    serviceMethod: ss.method,
    leadTimeDemand: ltd,
    orderRules: rules,
  };
  if (parsed.kind === 's,Q') return { kind: 's,Q', reorderPoint: ss.reorderPoint, orderQuantity: q, ...base };
  return { kind: 's,S', reorderPoint: ss.reorderPoint, orderUpTo: ss.reorderPoint + q, ...base };
}

/**
 * What a policy says to do now.
 *
 * @example
 * const d: ReplenishmentDecision = { order: true, quantity: 300, inventoryPosition: 250, reason: 'position 250 is at or below the reorder point 315.70: 1 lot of 300' }
 */
export interface ReplenishmentDecision {
  order: boolean;
  /** Units to order (0 when `order` is false), after pack / MOQ / maximum rules. */
  quantity: number;
  inventoryPosition: number;
  /** The rounding the rules applied, when an order is placed. */
  rounding?: RoundedOrder;
  /** Why, for a person. */
  reason: string;
}

/** Inventory position from a number or its parts. Internal. */
export function positionOf(position: z.output<typeof inventoryPositionSchema>): number {
  if (typeof position === 'number') return position;
  return position.onHand + position.onOrder - position.reserved - position.backordered;
}

/**
 * Applies a policy to the current inventory position (on hand + on order − reserved −
 * backordered): `s,Q` orders the smallest number of lots Q that lifts the position above s;
 * `s,S` orders up to S once the position is at or below s; `R,S` (at a review) orders up to S.
 * The quantity obeys the policy's pack / MOQ / maximum rules. Throws `ValidationError` naming
 * the field; `DomainError` `MOQ_ABOVE_MAXIMUM` from the rules.
 *
 * @example
 * replenishmentOrder({ policy: { kind: 's,S', reorderPoint: 316, orderUpTo: 616, orderRules: { packSize: 12 } }, position: 200 })
 * // { order: true, quantity: 420, ... }: 416 rounded up to 35 packs of 12
 */
export function replenishmentOrder(input: ReplenishmentOrderInput): ReplenishmentDecision {
  const { policy, position } = parseInput(replenishmentOrderInputSchema, input);
  const ip = positionOf(position);
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  if (policy.kind === 's,Q') {
    if (ip > policy.reorderPoint) {
      return {
        order: false,
        quantity: 0,
        inventoryPosition: ip,
        reason: `position ${fmt(ip)} is above the reorder point ${fmt(policy.reorderPoint)}`,
      };
    }
    const lots = Math.floor((policy.reorderPoint - ip) / policy.orderQuantity) + 1;
    const rounding = roundWithRules(lots * policy.orderQuantity, policy.orderRules);
    return {
      order: rounding.quantity > 0,
      quantity: rounding.quantity,
      inventoryPosition: ip,
      rounding,
      reason: `position ${fmt(ip)} is at or below the reorder point ${fmt(policy.reorderPoint)}: ${lots} lot${lots === 1 ? '' : 's'} of ${fmt(policy.orderQuantity)}`,
    };
  }
  const trigger = policy.kind === 's,S' ? ip <= policy.reorderPoint : ip < policy.orderUpTo;
  if (!trigger) {
    const reason =
      policy.kind === 's,S'
        ? `position ${fmt(ip)} is above the minimum ${fmt(policy.reorderPoint)}`
        : `position ${fmt(ip)} is at or above the order-up-to level ${fmt(policy.orderUpTo)}`;
    return { order: false, quantity: 0, inventoryPosition: ip, reason };
  }
  const rounding = roundWithRules(policy.orderUpTo - ip, policy.orderRules);
  const why =
    policy.kind === 's,S'
      ? `at or below the minimum ${fmt(policy.reorderPoint)}`
      : 'below the order-up-to level';
  return {
    order: rounding.quantity > 0,
    quantity: rounding.quantity,
    inventoryPosition: ip,
    rounding,
    reason: `position ${fmt(ip)} is ${why}: order up to ${fmt(policy.orderUpTo)} (${fmt(policy.orderUpTo - ip)} needed)`,
  };
}

/**
 * The inventory position of a stock record: on hand + on order − reserved − backordered.
 * Throws `ValidationError` naming the field.
 *
 * @example
 * inventoryPosition({ onHand: 120, onOrder: 300, reserved: 20 }) // 400
 */
export function inventoryPosition(position: InventoryPosition): number {
  return positionOf(parseInput(inventoryPositionSchema, position, 'position'));
}
