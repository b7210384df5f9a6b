import { DomainError, parseInput } from '@s2b2b/core';
import type { z } from 'zod';
import { type LeadTimeDemand, leadTimeOf, momentsOf, protectionDemand } from './lead-time-demand.js';
import { normalCdf, normalQuantile } from './normal.js';
import { inverseNormalLoss, normalLoss } from './normal-loss.js';
import {
  type SafetyStockInput,
  type ServiceLevelsInput,
  safetyStockInputSchema,
  serviceLevelsInputSchema,
  type serviceTargetSchema,
} from './schemas.js';

/**
 * Safety stock and reorder point for a service target.
 *
 * @example
 * const r: SafetyStockResult = { method: 'cycle-service-level', safetyFactor: 1.2815515655446004, safetyStock: 15.695737073246109, reorderPoint: 315.6957370732461, leadTimeDemand: { mean: 300, sd: 12.25, periods: 6, demand: { mean: 50, sd: 5, source: 'moments' } } }
 */
export interface SafetyStockResult {
  /** `cycle-service-level`: k = Φ⁻¹(CSL); `fill-rate`: the loss-function method, L(k) = (1 − β)·Q/σ. */
  method: 'cycle-service-level' | 'fill-rate';
  /** The safety factor k (z). May be negative under a fill-rate target with large orders. */
  safetyFactor: number;
  /** k·σ of lead-time demand. */
  safetyStock: number;
  /** Mean lead-time demand + safety stock (the order-up-to level S under periodic review). */
  reorderPoint: number;
  leadTimeDemand: LeadTimeDemand;
}

/**
 * Safety stock and reorder point for normally distributed demand over the protection interval
 * (lead time, plus the review period under periodic review):
 * - cycle service level α: k = Φ⁻¹(α), SS = k·σ_DL, ROP = μ_DL + SS;
 * - fill rate β (the loss-function method): the expected shortage per cycle σ_DL·L(k) may be
 *   (1 − β) of the demand per cycle, so k = L⁻¹((1 − β)·Q/σ_DL), with Q the `orderQuantity` or,
 *   under periodic review, d̄·R.
 * σ_DL = √(T·σ_d² + d̄²·σ_L²) includes lead-time variance when the lead time has a spread.
 *
 * Throws `ValidationError` naming the field; `DomainError` `FILL_RATE_NEEDS_CYCLE_DEMAND` when a
 * fill rate is asked with neither `orderQuantity` nor a review period. With σ_DL = 0 (no
 * demand or lead-time variability) the safety stock is 0.
 *
 * @example
 * safetyStock({ demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.9 } })
 * // { safetyStock: 15.695737073246109, reorderPoint: 315.6957370732461, ... }
 * safetyStock({ demand: { mean: 50, sd: 5 }, leadTime: { mean: 6, sd: 2 }, service: { cycleServiceLevel: 0.9 } })
 * // { safetyStock: 129.11274264676834, reorderPoint: 429.1127426467683, ... }
 * safetyStock({ demand: { mean: 50, sd: 5 }, leadTime: 6, service: { fillRate: 0.99, orderQuantity: 100 } })
 * // { safetyFactor: 1.0105…, safetyStock: 12.377…, ... }
 */
export function safetyStock(input: SafetyStockInput): SafetyStockResult {
  const parsed = parseInput(safetyStockInputSchema, input);
  const ltd = protectionDemand(momentsOf(parsed.demand), leadTimeOf(parsed.leadTime), parsed.reviewPeriod);
  return safetyStockFor(ltd, parsed.service, parsed.reviewPeriod);
}

/** Safety stock on parsed input. Internal. */
export function safetyStockFor(
  ltd: LeadTimeDemand,
  service: z.output<typeof serviceTargetSchema>,
  reviewPeriod: number,
): SafetyStockResult {
  if ('cycleServiceLevel' in service) {
    const k = normalQuantile(service.cycleServiceLevel);
    const ss = ltd.sd === 0 ? 0 : k * ltd.sd;
    return {
      method: 'cycle-service-level',
      safetyFactor: k,
      safetyStock: ss,
      reorderPoint: ltd.mean + ss,
      leadTimeDemand: ltd,
    };
  }
  const cycleDemand = service.orderQuantity ?? ltd.demand.mean * reviewPeriod;
  if (!(cycleDemand > 0)) {
    throw new DomainError(
      'FILL_RATE_NEEDS_CYCLE_DEMAND',
      'A fill-rate target needs the demand per replenishment cycle: give service.orderQuantity, or a review period with positive mean demand',
      { fillRate: service.fillRate },
    );
  }
  if (ltd.sd === 0) {
    return {
      method: 'fill-rate',
      safetyFactor: 0,
      safetyStock: 0,
      reorderPoint: ltd.mean,
      leadTimeDemand: ltd,
    };
  }
  const k = inverseNormalLoss(((1 - service.fillRate) * cycleDemand) / ltd.sd);
  const ss = k * ltd.sd;
  return {
    method: 'fill-rate',
    safetyFactor: k,
    safetyStock: ss,
    reorderPoint: ltd.mean + ss,
    leadTimeDemand: ltd,
  };
}

/**
 * Service achieved by a reorder point.
 *
 * @example
 * const s: ServiceLevels = { cycleServiceLevel: 0.9, fillRate: 0.9942, expectedShortagePerCycle: 0.58, safetyFactor: 1.28 }
 */
export interface ServiceLevels {
  /** Φ(k): the probability that a cycle ends without a stockout. */
  cycleServiceLevel: number;
  /** 1 − σ·L(k)/Q, floored at 0: the share of demand served from stock. */
  fillRate: number;
  /** σ·L(k): expected units short per cycle. */
  expectedShortagePerCycle: number;
  /** k = (reorder point − μ_DL)/σ_DL. */
  safetyFactor: number;
}

/**
 * The cycle service level and fill rate a given reorder point (or order-up-to level) achieves
 * when `orderQuantity` is demanded per cycle — the way back from a policy to its service. With
 * no demand variability, a reorder point at or above mean demand serves everything.
 * Throws `ValidationError` naming the field.
 *
 * @example
 * serviceLevels({ demand: { mean: 50, sd: 5 }, leadTime: 6, reorderPoint: 315.6957370732461, orderQuantity: 100 })
 * // { cycleServiceLevel: 0.9, fillRate: 0.99420…, ... }: CSL 90 % with Q = 100 is a 99.4 % fill rate
 */
export function serviceLevels(input: ServiceLevelsInput): ServiceLevels {
  const parsed = parseInput(serviceLevelsInputSchema, input);
  const ltd = protectionDemand(momentsOf(parsed.demand), leadTimeOf(parsed.leadTime), parsed.reviewPeriod);
  const gap = parsed.reorderPoint - ltd.mean;
  if (ltd.sd === 0) {
    const short = Math.max(0, -gap);
    return {
      cycleServiceLevel: gap >= 0 ? 1 : 0,
      fillRate: Math.max(0, 1 - short / parsed.orderQuantity),
      expectedShortagePerCycle: short,
      safetyFactor: gap === 0 ? 0 : gap > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY,
    };
  }
  const k = gap / ltd.sd;
  const short = ltd.sd * normalLoss(k);
  return {
    cycleServiceLevel: normalCdf(k),
    fillRate: Math.max(0, 1 - short / parsed.orderQuantity),
    expectedShortagePerCycle: short,
    safetyFactor: k,
  };
}
