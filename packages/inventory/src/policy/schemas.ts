/**
 * Zod schemas for every input of the replenishment-policy functions, and the types inferred from
 * them. Units: demand is per period (a day, a week, a year — any period, used consistently),
 * lead time and review period are in the same periods, holding cost is per unit per period,
 * shortage cost is per unit short, order cost is per order. Costs here are rates inside
 * optimisation formulas, so they are plain numbers (convert a `Money` with `Number(m.amount())`).
 */
import { z } from 'zod';

const finite = z.number();
const nonNegative = z.number().nonnegative();
const positive = z.number().positive();

/**
 * A demand estimate per period, in one of three forms:
 * - `{ mean, sd }` — e.g. a forecast's mean and the spread of its errors;
 * - `{ sample }` — observed demand per period (at least 2 values), read as its mean and sample
 *   standard deviation (n − 1);
 * - `{ quantiles }` — at least two `{ p, value }` points of the demand distribution (e.g. a
 *   forecast's 10 % / 50 % / 90 % quantiles), read as the normal distribution that fits them by
 *   least squares (value = mean + sd·Φ⁻¹(p)).
 *
 * @example
 * demandEstimateSchema.parse({ mean: 50, sd: 5 })
 * demandEstimateSchema.parse({ quantiles: [{ p: 0.1, value: 40 }, { p: 0.9, value: 60 }] })
 */
export const demandEstimateSchema = z.union([
  z.object({ mean: nonNegative, sd: nonNegative }).strict(),
  z.object({ sample: z.array(nonNegative).min(2).max(1_000_000) }).strict(),
  z
    .object({
      quantiles: z
        .array(z.object({ p: z.number().gt(0).lt(1), value: nonNegative }).strict())
        .min(2)
        .max(1_000),
    })
    .strict(),
]);

/**
 * A demand estimate as the caller writes it.
 *
 * @example
 * const demand: DemandEstimate = { mean: 50, sd: 5 }
 */
export type DemandEstimate = z.input<typeof demandEstimateSchema>;

/**
 * Lead time in periods: a number (known exactly) or `{ mean, sd }` (a spread of supplier lead
 * times, which adds d̄²·σ_L² to the variance of lead-time demand).
 *
 * @example
 * leadTimeSchema.parse(6)
 * leadTimeSchema.parse({ mean: 6, sd: 2 })
 */
export const leadTimeSchema = z.union([
  nonNegative,
  z.object({ mean: nonNegative, sd: nonNegative.default(0) }).strict(),
]);

/**
 * A lead time as the caller writes it.
 *
 * @example
 * const leadTime: LeadTime = { mean: 6, sd: 2 }
 */
export type LeadTime = z.input<typeof leadTimeSchema>;

/**
 * A service target: the cycle service level (Type 1: P(no stockout in a replenishment cycle))
 * or the fill rate (Type 2: the share of demand met from stock). The fill rate needs to know how
 * much is demanded per cycle: `orderQuantity` for continuous review, otherwise demand × review
 * period. Never conflate the two — a 99 % fill rate with large orders may need almost no safety
 * stock, a 99 % cycle service level always needs z = 2.33.
 *
 * @example
 * serviceTargetSchema.parse({ cycleServiceLevel: 0.95 })
 * serviceTargetSchema.parse({ fillRate: 0.99, orderQuantity: 100 })
 */
export const serviceTargetSchema = z.union([
  z.object({ cycleServiceLevel: z.number().gt(0).lt(1) }).strict(),
  z.object({ fillRate: z.number().gt(0).lt(1), orderQuantity: positive.optional() }).strict(),
]);

/**
 * A service target as the caller writes it.
 *
 * @example
 * const service: ServiceTarget = { fillRate: 0.98, orderQuantity: 240 }
 */
export type ServiceTarget = z.input<typeof serviceTargetSchema>;

/**
 * Input of `leadTimeDemand`: demand per period, lead time, and an optional review period
 * (periodic review protects over review period + lead time).
 *
 * @example
 * leadTimeDemandInputSchema.parse({ demand: { mean: 50, sd: 5 }, leadTime: 6 })
 */
export const leadTimeDemandInputSchema = z
  .object({
    demand: demandEstimateSchema,
    leadTime: leadTimeSchema,
    reviewPeriod: nonNegative.default(0),
  })
  .strict();

/**
 * Input of `leadTimeDemand` as the caller writes it.
 *
 * @example
 * const input: LeadTimeDemandInput = { demand: { mean: 50, sd: 5 }, leadTime: { mean: 6, sd: 2 } }
 */
export type LeadTimeDemandInput = z.input<typeof leadTimeDemandInputSchema>;

/**
 * Input of `safetyStock`.
 *
 * @example
 * safetyStockInputSchema.parse({ demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.9 } })
 */
export const safetyStockInputSchema = leadTimeDemandInputSchema
  .extend({ service: serviceTargetSchema })
  .strict();

/**
 * Input of `safetyStock` as the caller writes it.
 *
 * @example
 * const input: SafetyStockInput = { demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.9 } }
 */
export type SafetyStockInput = z.input<typeof safetyStockInputSchema>;

/**
 * Input of `serviceLevels`: a reorder point (or order-up-to level) and the quantity demanded per
 * cycle, for which the achieved cycle service level and fill rate are computed.
 *
 * @example
 * serviceLevelsInputSchema.parse({ demand: { mean: 50, sd: 5 }, leadTime: 6, reorderPoint: 316, orderQuantity: 100 })
 */
export const serviceLevelsInputSchema = leadTimeDemandInputSchema
  .extend({ reorderPoint: finite, orderQuantity: positive })
  .strict();

/**
 * Input of `serviceLevels` as the caller writes it.
 *
 * @example
 * const input: ServiceLevelsInput = { demand: { mean: 50, sd: 5 }, leadTime: 6, reorderPoint: 316, orderQuantity: 100 }
 */
export type ServiceLevelsInput = z.input<typeof serviceLevelsInputSchema>;

/**
 * Input of `economicOrderQuantity`: order cost K (per order), holding cost h (per unit per period)
 * and demand rate λ (units per period).
 *
 * @example
 * eoqInputSchema.parse({ orderCost: 8, holdingCost: 0.225, demandRate: 1300 })
 */
export const eoqInputSchema = z
  .object({ orderCost: nonNegative, holdingCost: positive, demandRate: nonNegative })
  .strict();

/**
 * Input of `economicOrderQuantity` as the caller writes it.
 *
 * @example
 * const input: EoqInput = { orderCost: 8, holdingCost: 0.225, demandRate: 1300 }
 */
export type EoqInput = z.input<typeof eoqInputSchema>;

/**
 * Demand over the single period of a newsvendor (or over the protection interval of a base-stock
 * policy): normal (`{ mean, sd }`), Poisson (`{ poisson: mean }`) or an empirical sample
 * (`{ sample }`, each value equally likely).
 *
 * @example
 * newsvendorDemandSchema.parse({ poisson: 3 })
 */
export const newsvendorDemandSchema = z.union([
  z.object({ mean: finite, sd: nonNegative }).strict(),
  z.object({ poisson: nonNegative }).strict(),
  z.object({ sample: z.array(finite).min(1).max(1_000_000) }).strict(),
]);

/**
 * Input of `newsvendor`: the demand, the overage (holding) cost h per unit left over and the
 * underage (shortage) cost p per unit short.
 *
 * @example
 * newsvendorInputSchema.parse({ demand: { mean: 50, sd: 8 }, holdingCost: 0.18, shortageCost: 0.7 })
 */
export const newsvendorInputSchema = z
  .object({ demand: newsvendorDemandSchema, holdingCost: positive, shortageCost: positive })
  .strict();

/**
 * Input of `newsvendor` as the caller writes it.
 *
 * @example
 * const input: NewsvendorInput = { demand: { poisson: 3 }, holdingCost: 1, shortageCost: 9 }
 */
export type NewsvendorInput = z.input<typeof newsvendorInputSchema>;

/**
 * Input of `rqPolicy`: normal demand per period (`mean` λ, `sd` τ), the lead time, holding cost
 * h, shortage (backorder) cost p per unit, order cost K, and the method:
 * - `eoq-ss` — Q = EOQ, r = the newsvendor quantile p/(p + h) of lead-time demand;
 * - `loss-function` — the Hadley–Whitin loss-function iteration n(r) = hQ/(h + p),
 *   Q = √(2[Kλ + (h + p)·n₂(r)]/h);
 * - `exact` (default) — the (r, Q) minimising the exact expected cost g(r, Q).
 *
 * @example
 * rqPolicyInputSchema.parse({ demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8 })
 */
export const rqPolicyInputSchema = z
  .object({
    demand: demandEstimateSchema,
    leadTime: leadTimeSchema,
    holdingCost: positive,
    shortageCost: positive,
    orderCost: positive,
    method: z.enum(['exact', 'eoq-ss', 'loss-function']).default('exact'),
  })
  .strict();

/**
 * Input of `rqPolicy` as the caller writes it.
 *
 * @example
 * const input: RqPolicyInput = { demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8, method: 'loss-function' }
 */
export type RqPolicyInput = z.input<typeof rqPolicyInputSchema>;

/**
 * Input of `rqCost`: the cost parameters of `rqPolicy` and a given reorder point and order
 * quantity.
 *
 * @example
 * rqCostInputSchema.parse({ demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8, reorderPoint: 126.8, orderQuantity: 328.5 })
 */
export const rqCostInputSchema = rqPolicyInputSchema
  .omit({ method: true })
  .extend({ reorderPoint: finite, orderQuantity: positive })
  .strict();

/**
 * Input of `rqCost` as the caller writes it.
 *
 * @example
 * const input: RqCostInput = { demand: { mean: 1300, sd: 150 }, leadTime: 1 / 12, holdingCost: 0.225, shortageCost: 7.5, orderCost: 8, reorderPoint: 126.8, orderQuantity: 328.5 }
 */
export type RqCostInput = z.input<typeof rqCostInputSchema>;

/**
 * Input of `poissonRqPolicy`: Poisson demand at `demandRate` λ units per period (slow movers),
 * a fixed lead time in periods, holding cost h, backorder cost p per unit, order cost K.
 *
 * @example
 * poissonRqInputSchema.parse({ demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100 })
 */
export const poissonRqInputSchema = z
  .object({
    demandRate: positive.max(1e6),
    leadTime: nonNegative,
    holdingCost: positive,
    shortageCost: positive,
    orderCost: nonNegative,
  })
  .strict();

/**
 * Input of `poissonRqPolicy` as the caller writes it.
 *
 * @example
 * const input: PoissonRqInput = { demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100 }
 */
export type PoissonRqInput = z.input<typeof poissonRqInputSchema>;

/**
 * Input of `poissonRqCost`: the `poissonRqPolicy` parameters and an integer reorder point and a
 * positive integer order quantity.
 *
 * @example
 * poissonRqCostInputSchema.parse({ demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100, reorderPoint: 3, orderQuantity: 5 })
 */
export const poissonRqCostInputSchema = poissonRqInputSchema
  .extend({ reorderPoint: z.number().int(), orderQuantity: z.number().int().positive() })
  .strict();

/**
 * Input of `poissonRqCost` as the caller writes it.
 *
 * @example
 * const input: PoissonRqCostInput = { demandRate: 1.5, leadTime: 2, holdingCost: 20, shortageCost: 150, orderCost: 100, reorderPoint: 3, orderQuantity: 5 }
 */
export type PoissonRqCostInput = z.input<typeof poissonRqCostInputSchema>;

/**
 * Order-quantity rules: a pack (case) size orders come in, a minimum order quantity, an optional
 * maximum, and how a quantity between packs is rounded (`up`, the default, buys at least what
 * was asked, as Odoo and ERPNext do; `down` never exceeds it; `nearest`).
 *
 * @example
 * orderRulesSchema.parse({ packSize: 12, moq: 48 })
 */
export const orderRulesSchema = z
  .object({
    packSize: positive.optional(),
    moq: nonNegative.optional(),
    max: nonNegative.optional(),
    rounding: z.enum(['up', 'down', 'nearest']).default('up'),
  })
  .strict();

/**
 * Order-quantity rules as the caller writes them.
 *
 * @example
 * const rules: OrderRules = { packSize: 6, moq: 10 }
 */
export type OrderRules = z.input<typeof orderRulesSchema>;

const orderSizeSchema = z.union([
  positive,
  z
    .object({ orderCost: nonNegative, holdingCost: positive })
    .strict()
    .describe('EOQ from these costs and the mean demand'),
]);

/**
 * Input of `replenishmentPolicy`: the policy family and what sizes it.
 * - `s,Q` — continuous review: when the inventory position falls to the reorder point s, order
 *   Q (a number, or `{ orderCost, holdingCost }` for the EOQ);
 * - `s,S` — min-max: when the position falls to s, order up to S = s + Q;
 * - `R,S` — periodic review every `reviewPeriod` periods: order up to S, which covers demand over
 *   R + L at the service target.
 * Every family takes the demand, lead time, service target and order rules (packs, MOQ).
 *
 * @example
 * replenishmentPolicyInputSchema.parse({ kind: 'R,S', reviewPeriod: 7, demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.95 } })
 */
export const replenishmentPolicyInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('s,Q'),
      demand: demandEstimateSchema,
      leadTime: leadTimeSchema,
      service: serviceTargetSchema,
      orderQuantity: orderSizeSchema,
      orderRules: orderRulesSchema.default({ rounding: 'up' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('s,S'),
      demand: demandEstimateSchema,
      leadTime: leadTimeSchema,
      service: serviceTargetSchema,
      orderQuantity: orderSizeSchema,
      orderRules: orderRulesSchema.default({ rounding: 'up' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('R,S'),
      demand: demandEstimateSchema,
      leadTime: leadTimeSchema,
      reviewPeriod: positive,
      service: serviceTargetSchema,
      orderRules: orderRulesSchema.default({ rounding: 'up' }),
    })
    .strict(),
]);

/**
 * Input of `replenishmentPolicy` as the caller writes it.
 *
 * @example
 * const input: ReplenishmentPolicyInput = { kind: 's,Q', demand: { mean: 50, sd: 5 }, leadTime: 6, service: { cycleServiceLevel: 0.9 }, orderQuantity: 300 }
 */
export type ReplenishmentPolicyInput = z.input<typeof replenishmentPolicyInputSchema>;

/**
 * Where stock stands for a replenishment decision: the inventory position as one number, or its
 * parts (on hand + on order − reserved for open orders − backordered).
 *
 * @example
 * inventoryPositionSchema.parse({ onHand: 120, onOrder: 300, reserved: 20 }) // position 400
 */
export const inventoryPositionSchema = z.union([
  finite,
  z
    .object({
      onHand: finite,
      onOrder: nonNegative.default(0),
      reserved: nonNegative.default(0),
      backordered: nonNegative.default(0),
    })
    .strict(),
]);

/**
 * An inventory position as the caller writes it.
 *
 * @example
 * const position: InventoryPosition = { onHand: 120, onOrder: 300 }
 */
export type InventoryPosition = z.input<typeof inventoryPositionSchema>;

/**
 * Input of `newsvendorCost`: the `newsvendor` input and a stock level S to evaluate.
 *
 * @example
 * newsvendorCostInputSchema.parse({ demand: { mean: 50, sd: 8 }, holdingCost: 0.18, shortageCost: 0.7, stock: 60 })
 */
export const newsvendorCostInputSchema = newsvendorInputSchema.extend({ stock: finite }).strict();

/**
 * Input of `newsvendorCost` as the caller writes it.
 *
 * @example
 * const input: NewsvendorCostInput = { demand: { poisson: 3 }, holdingCost: 1, shortageCost: 9, stock: 5 }
 */
export type NewsvendorCostInput = z.input<typeof newsvendorCostInputSchema>;

/**
 * Input of `replenishmentOrder`: a policy from `replenishmentPolicy` and where stock stands.
 *
 * @example
 * replenishmentOrderInputSchema.parse({ policy: { kind: 's,S', reorderPoint: 316, orderUpTo: 616, orderRules: { packSize: 12 } }, position: 200 })
 */
export const replenishmentOrderInputSchema = z
  .object({
    policy: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('s,Q'),
          reorderPoint: finite,
          orderQuantity: positive,
          orderRules: orderRulesSchema.default({ rounding: 'up' }),
        })
        .loose(),
      z
        .object({
          kind: z.literal('s,S'),
          reorderPoint: finite,
          orderUpTo: finite,
          orderRules: orderRulesSchema.default({ rounding: 'up' }),
        })
        .loose(),
      z
        .object({
          kind: z.literal('R,S'),
          orderUpTo: finite,
          orderRules: orderRulesSchema.default({ rounding: 'up' }),
        })
        .loose(),
    ]),
    position: inventoryPositionSchema,
  })
  .strict();

/**
 * Input of `replenishmentOrder` as the caller writes it.
 *
 * @example
 * const input: ReplenishmentOrderInput = { policy, position: { onHand: 120, onOrder: 0 } }
 */
export type ReplenishmentOrderInput = z.input<typeof replenishmentOrderInputSchema>;
