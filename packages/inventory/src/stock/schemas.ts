import { decimalStringSchema } from '@s2b2b/core';
import { z } from 'zod';

/**
 * The largest quantity one command line may carry: 10^12 base units.
 *
 * @example
 * MAX_LINE_QUANTITY // 1000000000000
 */
export const MAX_LINE_QUANTITY = 1_000_000_000_000;

/**
 * The most lines one command may carry.
 *
 * @example
 * MAX_COMMAND_LINES // 1000
 */
export const MAX_COMMAND_LINES = 1_000;

const noNul = (value: string) => !value.includes('\u0000');

/**
 * An id (warehouse, reservation, transfer, purchase order, order): 1-200 characters, no NUL.
 *
 * @example
 * stockIdSchema.parse('WH-SH') // 'WH-SH'
 */
export const stockIdSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(200, 'Expected at most 200 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

/**
 * A SKU code: 1-200 characters, no NUL.
 *
 * @example
 * skuSchema.parse('TEA-500G') // 'TEA-500G'
 */
export const skuSchema = stockIdSchema;

/**
 * A caller-chosen idempotency key: 1-200 characters, no NUL.
 *
 * @example
 * idempotencyKeySchema.parse('receipt-GRN-1001') // 'receipt-GRN-1001'
 */
export const idempotencyKeySchema = stockIdSchema;

/**
 * A quantity on a command line: a whole number of base units from 1 to 10^12.
 *
 * @example
 * lineQuantitySchema.parse(12) // 12
 */
export const lineQuantitySchema = z
  .number()
  .int('Expected a whole number of base units')
  .positive('Expected a positive quantity')
  .max(MAX_LINE_QUANTITY, `Expected at most ${MAX_LINE_QUANTITY}`);

/**
 * A signed adjustment: a whole number from -10^12 to 10^12, not 0.
 *
 * @example
 * adjustmentQuantitySchema.parse(-3) // -3
 */
export const adjustmentQuantitySchema = z
  .number()
  .int('Expected a whole number of base units')
  .min(-MAX_LINE_QUANTITY, `Expected at least ${-MAX_LINE_QUANTITY}`)
  .max(MAX_LINE_QUANTITY, `Expected at most ${MAX_LINE_QUANTITY}`)
  .refine((value) => value !== 0, 'Expected a non-zero adjustment');

/**
 * A free text of 1-500 characters without NUL (reasons, notes, references).
 *
 * @example
 * textSchema.parse('cycle count') // 'cycle count'
 */
export const textSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(500, 'Expected at most 500 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

/**
 * A non-negative cost as a plain decimal string (`'1.25'`), at most 12 decimals; kept exact.
 *
 * @example
 * costSchema.parse('0.80') // '0.80'
 */
export const costSchema = decimalStringSchema
  .refine((value) => !value.startsWith('-'), 'Expected a non-negative cost')
  .refine((value) => (value.split('.')[1]?.length ?? 0) <= 12, 'Expected at most 12 decimal places')
  .refine((value) => value.length <= 40, 'Expected at most 40 characters');

/**
 * How a multi-warehouse reservation picks warehouses:
 * `nearest` (fill each line from the nearest warehouse first), `cheapest` (least total lane
 * cost, per unit and per shipment) or `fewest-splits` (fewest warehouses shipping).
 *
 * @example
 * sourcingRuleSchema.parse('fewest-splits')
 */
export const sourcingRuleSchema = z.enum(['nearest', 'cheapest', 'fewest-splits']);

/**
 * A {@link sourcingRuleSchema} value.
 *
 * @example
 * const rule: SourcingRule = 'nearest';
 */
export type SourcingRule = z.infer<typeof sourcingRuleSchema>;

/**
 * A warehouse that may ship an order, with what the rules need: `distance` to the customer
 * (any unit; `nearest` needs it), the lane's `unitCost` per base unit (`cheapest` needs it) and
 * a fixed `shipmentCost` per shipment from that warehouse.
 *
 * @example
 * sourcingCandidateSchema.parse({ warehouseId: 'WH-SH', distance: 12.5, unitCost: '0.30', shipmentCost: '8.00' })
 */
export const sourcingCandidateSchema = z.object({
  warehouseId: stockIdSchema,
  distance: z.number().min(0, 'Expected a distance of 0 or more').optional(),
  unitCost: costSchema.optional(),
  shipmentCost: costSchema.optional(),
});

/**
 * A sourcing candidate as the caller writes it.
 *
 * @example
 * const candidate: SourcingCandidate = { warehouseId: 'WH-SH', distance: 12.5 };
 */
export type SourcingCandidate = z.infer<typeof sourcingCandidateSchema>;

/**
 * A rule and its candidate warehouses (1-100, unique), with the fields the rule needs.
 *
 * @example
 * sourcingSchema.parse({ rule: 'nearest', warehouses: [{ warehouseId: 'A', distance: 3 }, { warehouseId: 'B', distance: 9 }] })
 */
export const sourcingSchema = z
  .object({
    rule: sourcingRuleSchema,
    warehouses: z.array(sourcingCandidateSchema).min(1, 'Expected at least one warehouse').max(100),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.warehouses.forEach((candidate, index) => {
      if (seen.has(candidate.warehouseId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['warehouses', index, 'warehouseId'],
          message: 'Duplicate warehouse',
        });
      }
      seen.add(candidate.warehouseId);
      if (value.rule === 'nearest' && candidate.distance === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['warehouses', index, 'distance'],
          message: 'The nearest rule needs a distance for every warehouse',
        });
      }
      if (value.rule === 'cheapest' && candidate.unitCost === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['warehouses', index, 'unitCost'],
          message: 'The cheapest rule needs a unit cost for every warehouse',
        });
      }
    });
  });

/**
 * A sourcing choice as the caller writes it.
 *
 * @example
 * const sourcing: Sourcing = { rule: 'fewest-splits', warehouses: [{ warehouseId: 'A' }, { warehouseId: 'B' }] };
 */
export type Sourcing = z.infer<typeof sourcingSchema>;

/**
 * One requested line: a SKU and a quantity.
 *
 * @example
 * stockLineSchema.parse({ sku: 'TEA-500G', quantity: 12 })
 */
export const stockLineSchema = z.object({ sku: skuSchema, quantity: lineQuantitySchema });

/**
 * A {@link stockLineSchema} value.
 *
 * @example
 * const line: StockLine = { sku: 'TEA-500G', quantity: 12 };
 */
export type StockLine = z.infer<typeof stockLineSchema>;

/**
 * 1-1,000 lines with distinct SKUs.
 *
 * @example
 * stockLinesSchema.parse([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }])
 */
export const stockLinesSchema = z
  .array(stockLineSchema)
  .min(1, 'Expected at least one line')
  .max(MAX_COMMAND_LINES, `Expected at most ${MAX_COMMAND_LINES} lines`)
  .superRefine(uniqueSkus);

/**
 * What `planSourcing` takes: the rule and candidates, the lines, and what each candidate has
 * available (positions missing from `stock` count as 0; negative availability counts as 0).
 *
 * @example
 * sourcingRequestSchema.parse({
 *   rule: 'nearest', warehouses: [{ warehouseId: 'A', distance: 1 }],
 *   lines: [{ sku: 'S', quantity: 2 }], stock: [{ warehouseId: 'A', sku: 'S', available: 5 }],
 * })
 */
export const sourcingRequestSchema = sourcingSchema.and(
  z.object({
    lines: stockLinesSchema,
    stock: z
      .array(z.object({ warehouseId: stockIdSchema, sku: skuSchema, available: z.number().int() }))
      .superRefine((stock, ctx) => {
        const seen = new Set<string>();
        stock.forEach((entry, index) => {
          const id = `${entry.warehouseId}\u0000${entry.sku}`;
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'Duplicate position' });
          seen.add(id);
        });
      }),
  }),
);

/**
 * A sourcing request as the caller writes it.
 *
 * @example
 * const request: SourcingRequest = { rule: 'nearest', warehouses, lines, stock };
 */
export type SourcingRequest = z.input<typeof sourcingRequestSchema>;

/**
 * Adds a `Duplicate SKU` issue for each repeated `sku` in a list of lines (a zod `superRefine`).
 *
 * @example
 * z.array(z.object({ sku: z.string() })).superRefine(uniqueSkus)
 */
export function uniqueSkus(lines: readonly { sku: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.sku)) {
      ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'Duplicate SKU' });
    }
    seen.add(line.sku);
  });
}
