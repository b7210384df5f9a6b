import { currencyCodeSchema, decimalStringSchema } from '@s2b2b/core';
import { z } from 'zod';

const quantity = z.number().nonnegative();

/**
 * A non-negative amount of money per unit or per shipment: a plain decimal string (`'1.20'`) or
 * a finite number (read through its shortest decimal text, so `1.2` is exactly 1.20).
 *
 * @example
 * laneCostSchema.parse('12.50')
 */
export const laneCostSchema = z
  .union([decimalStringSchema, z.number()])
  .refine((value) => (typeof value === 'number' ? value >= 0 : !value.startsWith('-')), {
    message: 'Expected a non-negative amount',
  });

/**
 * A stock level, as units or from demand: `{ safetyStock?, dailyDemand?, daysOfCover? }` means
 * safety stock + daily demand × days of cover (either part may be absent, not both).
 *
 * @example
 * stockLevelSchema.parse(120)
 * stockLevelSchema.parse({ safetyStock: 20, dailyDemand: 8, daysOfCover: 14 }) // 132 units
 */
export const stockLevelSchema = z.union([
  quantity,
  z
    .object({
      safetyStock: quantity.optional(),
      dailyDemand: quantity.optional(),
      daysOfCover: quantity.optional(),
    })
    .strict()
    .refine(
      (v) => v.safetyStock !== undefined || (v.dailyDemand !== undefined && v.daysOfCover !== undefined),
      {
        message: 'Give safetyStock, or dailyDemand with daysOfCover',
      },
    )
    .refine((v) => (v.dailyDemand === undefined) === (v.daysOfCover === undefined), {
      message: 'dailyDemand and daysOfCover go together',
    }),
]);

/**
 * A stock level as the caller writes it.
 *
 * @example
 * const target: StockLevel = { dailyDemand: 8, daysOfCover: 14 }
 */
export type StockLevel = z.input<typeof stockLevelSchema>;

/**
 * One warehouse's position in the SKU: on hand, inbound (in transit or on order, arriving in
 * time to count), reserved for open orders; its target level (what it should hold) and keep
 * level (what it keeps when it gives stock away; default the target); optionally its own
 * shortage penalty and how soon its shortage must be covered.
 *
 * @example
 * rebalanceWarehouseSchema.parse({ id: 'sh', onHand: 300, target: { dailyDemand: 10, daysOfCover: 14 } })
 */
export const rebalanceWarehouseSchema = z
  .object({
    id: z.string().min(1),
    onHand: quantity,
    inbound: quantity.default(0),
    reserved: quantity.default(0),
    target: stockLevelSchema,
    keep: stockLevelSchema.optional(),
    /** Cost per unit of this warehouse's shortage left unmet; overrides the plan's. */
    shortagePenalty: laneCostSchema.optional(),
    /** Only lanes at most this many days long may cover this warehouse's shortage. */
    neededWithinDays: quantity.optional(),
  })
  .strict();

/**
 * A warehouse as the caller writes it.
 *
 * @example
 * const w: RebalanceWarehouse = { id: 'bj', onHand: 40, reserved: 5, target: 120 }
 */
export type RebalanceWarehouse = z.input<typeof rebalanceWarehouseSchema>;

/**
 * A transfer lane between two warehouses: cost per unit, an optional fixed cost per shipment
 * (charged once when the lane is used), an optional capacity in units for this plan, and a lead
 * time. Several lanes may join the same pair (a truck and an express service).
 *
 * @example
 * laneSchema.parse({ from: 'sh', to: 'bj', unitCost: '1.20', fixedCost: '300', capacity: 800, leadTimeDays: 2 })
 */
export const laneSchema = z
  .object({
    id: z.string().min(1).optional(),
    from: z.string().min(1),
    to: z.string().min(1),
    unitCost: laneCostSchema,
    fixedCost: laneCostSchema.optional(),
    capacity: quantity.optional(),
    leadTimeDays: quantity.optional(),
  })
  .strict();

/**
 * A lane as the caller writes it.
 *
 * @example
 * const lane: Lane = { from: 'sh', to: 'hz', unitCost: 0.8, leadTimeDays: 1 }
 */
export type Lane = z.input<typeof laneSchema>;

/**
 * Input of `planRebalancing` for one SKU: warehouses, lanes, the pack size transfers move in,
 * the penalty per unit of shortage left unmet (absent: cover every shortage that can be
 * covered, whatever it costs), how a shortage is rounded to packs, and the branch-and-bound
 * budget used when lanes have fixed costs.
 *
 * @example
 * planRebalancingInputSchema.parse({ sku: 'TEA-500G', warehouses, lanes, packSize: 12, shortagePenalty: '25' })
 */
export const planRebalancingInputSchema = z
  .object({
    sku: z.string().min(1).optional(),
    warehouses: z.array(rebalanceWarehouseSchema).min(1).max(10_000),
    lanes: z.array(laneSchema).max(1_000_000),
    packSize: z.number().positive().default(1),
    shortagePenalty: laneCostSchema.optional(),
    /** `up` (default): a shortage of 7 with packs of 6 asks for 2 packs; `down`: 1 pack, 1 unit stays short. */
    shortageRounding: z.enum(['up', 'down']).default('up'),
    currency: currencyCodeSchema.default('CNY'),
    /** Branch-and-bound nodes allowed when lanes carry fixed costs (default 20,000). */
    maxBranchNodes: z.number().int().min(1).max(10_000_000).default(20_000),
  })
  .strict();

/**
 * Input of `planRebalancing` as the caller writes it.
 *
 * @example
 * const input: PlanRebalancingInput = { warehouses: [...], lanes: [...], shortagePenalty: '30' }
 */
export type PlanRebalancingInput = z.input<typeof planRebalancingInputSchema>;
