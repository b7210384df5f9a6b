import { currencyCodeSchema, getCurrency, toDecimal } from '@s2b2b/core';
import { z } from 'zod';
import {
  amountSchema,
  calendarDateSchema,
  logisticsIdSchema,
  regionSchema,
  volumeM3Schema,
  weightKgSchema,
} from '../common/inputs.js';

/**
 * The most orders one `consolidate` call may take.
 *
 * @example
 * MAX_CONSOLIDATION_ORDERS // 20000
 */
export const MAX_CONSOLIDATION_ORDERS = 20_000;

/**
 * The largest group (one area, one ship date) solved exactly by enumerating subsets; larger
 * groups use first-fit decreasing and local search. `exactUpTo` may not exceed it.
 *
 * @example
 * MAX_EXACT_GROUP // 12
 */
export const MAX_EXACT_GROUP = 12;

/** Largest amount (in major units) a trip or a stand-alone cost may have: sums stay exact in cents. */
const MAX_AMOUNT = 10_000_000_000;

const boundedAmount = amountSchema.refine(
  (value) => toDecimal(value).lte(MAX_AMOUNT),
  `Expected at most ${MAX_AMOUNT.toLocaleString('en-US')}`,
);

/**
 * A vehicle type the platform can hire per trip: what it carries (kg and m³) and what one trip
 * costs, by default (`tripCost`) and for named areas (`areaTripCosts`, keyed by area).
 *
 * @example
 * consolidationVehicleSchema.parse({ id: '4.2m', capacityKg: 2000, capacityM3: 16, tripCost: '650', areaTripCosts: { '浙江/宁波': '820' } })
 */
export const consolidationVehicleSchema = z
  .object({
    id: logisticsIdSchema,
    capacityKg: weightKgSchema,
    capacityM3: volumeM3Schema.refine((v) => v.gt(0), 'Expected a positive volume'),
    tripCost: boundedAmount,
    areaTripCosts: z.record(regionSchema, boundedAmount).optional(),
  })
  .strict();

/**
 * A vehicle type as the caller writes it.
 *
 * @example
 * const van: ConsolidationVehicle = { id: 'van', capacityKg: 800, capacityM3: 5, tripCost: '260' };
 */
export type ConsolidationVehicle = z.input<typeof consolidationVehicleSchema>;

/**
 * An order to ship: whose it is, where it goes (`area`, a region) and when (`shipDate`), its
 * weight and volume, and what it costs shipped alone (`aloneCost`, e.g. the best carrier quote).
 *
 * @example
 * consolidationOrderSchema.parse({ id: 'SO-1', merchantId: 'M-1', area: '浙江/杭州', shipDate: '2026-03-02', weightKg: 120, volumeM3: 0.8, aloneCost: '180.00' })
 */
export const consolidationOrderSchema = z
  .object({
    id: logisticsIdSchema,
    merchantId: logisticsIdSchema,
    area: regionSchema,
    shipDate: calendarDateSchema,
    weightKg: weightKgSchema,
    volumeM3: volumeM3Schema,
    aloneCost: boundedAmount,
  })
  .strict();

/**
 * An order as the caller writes it.
 *
 * @example
 * const order: ConsolidationOrder = { id: 'SO-1', merchantId: 'M-1', area: '浙江/杭州', shipDate: '2026-03-02', weightKg: 120, volumeM3: 0.8, aloneCost: '180.00' };
 */
export type ConsolidationOrder = z.input<typeof consolidationOrderSchema>;

/**
 * A consolidation problem: the orders (unique ids), the vehicle types (unique ids), the
 * currency of every amount (default CNY; amounts in whole minor units), and `exactUpTo`: groups
 * of at most this many orders are solved exactly (default 10, at most 12).
 *
 * @example
 * consolidationProblemSchema.parse({ orders, vehicles: [{ id: '4.2m', capacityKg: 2000, capacityM3: 16, tripCost: '650' }] })
 */
export const consolidationProblemSchema = z
  .object({
    orders: z
      .array(consolidationOrderSchema)
      .min(1, 'Expected at least one order')
      .max(MAX_CONSOLIDATION_ORDERS, `Expected at most ${MAX_CONSOLIDATION_ORDERS} orders`),
    vehicles: z.array(consolidationVehicleSchema).min(1, 'Expected at least one vehicle type').max(20),
    currency: currencyCodeSchema.default('CNY'),
    exactUpTo: z.number().int().min(0).max(MAX_EXACT_GROUP).default(10),
  })
  .strict()
  .superRefine((problem, ctx) => {
    let digits = 2;
    try {
      digits = getCurrency(problem.currency).minorDigits;
    } catch {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: `Unknown currency ${problem.currency}` });
      return;
    }
    const whole = (value: string) => (value.split('.')[1]?.replace(/0+$/, '').length ?? 0) <= digits;
    const message = `Expected whole minor units of ${problem.currency} (at most ${digits} decimals)`;
    const seen = new Set<string>();
    problem.orders.forEach((order, index) => {
      if (seen.has(order.id))
        ctx.addIssue({ code: 'custom', path: ['orders', index, 'id'], message: 'Duplicate order id' });
      seen.add(order.id);
      if (!whole(order.aloneCost))
        ctx.addIssue({ code: 'custom', path: ['orders', index, 'aloneCost'], message });
    });
    const types = new Set<string>();
    problem.vehicles.forEach((vehicle, index) => {
      if (types.has(vehicle.id)) {
        ctx.addIssue({ code: 'custom', path: ['vehicles', index, 'id'], message: 'Duplicate vehicle id' });
      }
      types.add(vehicle.id);
      if (!whole(vehicle.tripCost))
        ctx.addIssue({ code: 'custom', path: ['vehicles', index, 'tripCost'], message });
      for (const [area, cost] of Object.entries(vehicle.areaTripCosts ?? {})) {
        if (!whole(cost))
          ctx.addIssue({ code: 'custom', path: ['vehicles', index, 'areaTripCosts', area], message });
      }
    });
  });

/**
 * A consolidation problem as the caller writes it.
 *
 * @example
 * const problem: ConsolidationProblem = { orders, vehicles, exactUpTo: 8 };
 */
export type ConsolidationProblem = z.input<typeof consolidationProblemSchema>;

/**
 * A consolidation problem after validation.
 *
 * @example
 * const parsed: ParsedConsolidationProblem = consolidationProblemSchema.parse(problem);
 */
export type ParsedConsolidationProblem = z.output<typeof consolidationProblemSchema>;
