import { z } from 'zod';
import { rationingSchema } from '../allocation/ration.js';
import {
  DEFAULT_ZONE,
  instantSchema,
  invoiceRoundingSchema,
  MAX_QUANTITY,
  procurementCurrencySchema,
  procurementIdSchema,
  quantitySchema,
  uniqueIdsSchema,
  zoneSchema,
} from '../common/schemas.js';
import { agreementSchema } from '../pricing/schemas.js';
import { supplierSchema } from '../qualification/schemas.js';

/**
 * The most SKUs one round may pool.
 *
 * @example
 * MAX_ROUND_SKUS // 100000
 */
export const MAX_ROUND_SKUS = 100_000;

/**
 * The most lines one request may carry.
 *
 * @example
 * MAX_REQUEST_LINES // 500
 */
export const MAX_REQUEST_LINES = 500;

/**
 * The most requests one round may pool.
 *
 * @example
 * MAX_ROUND_REQUESTS // 10000000
 */
export const MAX_ROUND_REQUESTS = 10_000_000;

/**
 * A SKU a round pools, with the documents a supplier must hold to be awarded it (on top of the
 * round's own `requiredDocuments`).
 *
 * @example
 * roundSkuSchema.parse({ sku: 'MILK-1L', requiredDocuments: ['food-production-licence'] })
 */
export const roundSkuSchema = z.object({
  sku: procurementIdSchema,
  name: z.string().min(1).max(500).nullable().default(null),
  requiredDocuments: uniqueIdsSchema(50).default([]),
});

/**
 * A round SKU.
 *
 * @example
 * const sku: RoundSku = { sku: 'MILK-1L', name: null, requiredDocuments: [] };
 */
export type RoundSku = z.output<typeof roundSkuSchema>;

/**
 * One line of demand: a SKU and a quantity.
 *
 * @example
 * demandLineSchema.parse({ sku: 'MILK-1L', quantity: 48 })
 */
export const demandLineSchema = z.object({ sku: procurementIdSchema, quantity: quantitySchema });

/**
 * A demand line.
 *
 * @example
 * const line: DemandLine = { sku: 'MILK-1L', quantity: 48 };
 */
export type DemandLine = z.output<typeof demandLineSchema>;

/**
 * Demand lines of one request: 1-{@link MAX_REQUEST_LINES}, SKUs unique.
 *
 * @example
 * demandLinesSchema.parse([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }])
 */
export const demandLinesSchema = z
  .array(demandLineSchema)
  .min(1, 'Expected at least one line')
  .max(MAX_REQUEST_LINES, `Expected at most ${MAX_REQUEST_LINES} lines`)
  .superRefine((lines, ctx) => {
    if (lines.length < 2) return;
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.sku)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'sku'],
          message: `Duplicate SKU ${JSON.stringify(line.sku)}`,
        });
      }
      seen.add(line.sku);
    });
  });

/**
 * A merchant's request in a round: who, where to deliver, and what.
 *
 * @example
 * roundRequestSchema.parse({ requestId: 'REQ-1', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 48 }] })
 */
export const roundRequestSchema = z.object({
  requestId: procurementIdSchema,
  merchantId: procurementIdSchema,
  region: procurementIdSchema,
  lines: demandLinesSchema,
});

/**
 * A request as `awardRound` takes it.
 *
 * @example
 * const request: RoundRequest = { requestId: 'REQ-1', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 48 }] };
 */
export type RoundRequest = z.output<typeof roundRequestSchema>;

/**
 * Capacity an agreement already committed in the current period (by earlier rounds).
 *
 * @example
 * capacityUsedSchema.parse({ agreementId: 'AG-1', used: 1200 })
 */
export const capacityUsedSchema = z.object({
  agreementId: procurementIdSchema,
  used: z.number().int().min(0).max(MAX_QUANTITY),
});

/** The round's fields but its requests. */
const roundFieldsSchema = z.object({
  roundId: procurementIdSchema.default('round'),
  currency: procurementCurrencySchema.default('CNY'),
  at: instantSchema,
  needBy: instantSchema.nullable().default(null),
  zone: zoneSchema.default(DEFAULT_ZONE),
  regions: uniqueIdsSchema(1000).min(1, 'Expected at least one delivery region'),
  skus: z
    .array(roundSkuSchema)
    .min(1, 'Expected at least one SKU')
    .max(MAX_ROUND_SKUS, `Expected at most ${MAX_ROUND_SKUS} SKUs`),
  requiredDocuments: uniqueIdsSchema(50).default([]),
  agreements: z.array(agreementSchema).max(1_000_000),
  suppliers: z.array(supplierSchema).max(100_000),
  capacityUsed: z.array(capacityUsedSchema).default([]),
  rounding: invoiceRoundingSchema,
  rationing: rationingSchema.default('proportional'),
});

/**
 * The input of `awardRound`: the round (currency, regions, SKUs, requirements, delivery date),
 * its requests, and the market (agreements, suppliers, capacity already used), at `at`.
 *
 * Requests are in submission order (it breaks rounding ties and drives `first-come`
 * rationing). Every request line must name a round SKU and every request a round region.
 *
 * @example
 * awardRoundSchema.parse({
 *   roundId: 'R-1', currency: 'CNY', at: '2026-03-10T10:00:00+08:00', regions: ['华东'],
 *   skus: [{ sku: 'MILK-1L' }], requests: [], agreements: [], suppliers: [],
 * })
 */
export const awardRoundSchema = roundFieldsSchema
  .extend({
    requests: z
      .array(roundRequestSchema)
      .max(MAX_ROUND_REQUESTS, `Expected at most ${MAX_ROUND_REQUESTS} requests`),
  })
  .superRefine((round, ctx) => {
    checkRoundMarket(round, ctx);
    const skus = new Set(round.skus.map((sku) => sku.sku));
    const regions = new Set(round.regions);
    const requestIds = new Set<string>();
    round.requests.forEach((request, index) => {
      if (requestIds.has(request.requestId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requests', index, 'requestId'],
          message: `Duplicate request ${JSON.stringify(request.requestId)}`,
        });
      }
      requestIds.add(request.requestId);
      if (!regions.has(request.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requests', index, 'region'],
          message: `${JSON.stringify(request.region)} is not a delivery region of the round`,
        });
      }
      request.lines.forEach((line, lineIndex) => {
        if (!skus.has(line.sku)) {
          ctx.addIssue({
            code: 'custom',
            path: ['requests', index, 'lines', lineIndex, 'sku'],
            message: `${JSON.stringify(line.sku)} is not a SKU of the round`,
          });
        }
      });
    });
  });

/**
 * {@link awardRoundSchema} without the requests: the round and the market, with the checks
 * that do not involve requests. `parseAwardRound` validates these with zod and the requests
 * in place.
 *
 * @example
 * awardRoundHeadSchema.parse({ at: '2026-03-10T10:00:00+08:00', regions: ['华东'], skus: [{ sku: 'MILK-1L' }], agreements: [], suppliers: [] })
 */
export const awardRoundHeadSchema = roundFieldsSchema.superRefine(checkRoundMarket);

/** Duplicate SKUs, agreements, suppliers and capacity rows. */
function checkRoundMarket(
  round: {
    skus: readonly { sku: string }[];
    agreements: readonly { agreementId: string }[];
    suppliers: readonly { supplierId: string }[];
    capacityUsed: readonly { agreementId: string }[];
  },
  ctx: z.RefinementCtx,
): void {
  unique(
    round.skus.map((sku) => sku.sku),
    ['skus'],
    'sku',
    ctx,
    'SKU ',
  );
  unique(
    round.agreements.map((a) => a.agreementId),
    ['agreements'],
    'agreementId',
    ctx,
  );
  unique(
    round.suppliers.map((s) => s.supplierId),
    ['suppliers'],
    'supplierId',
    ctx,
  );
  unique(
    round.capacityUsed.map((c) => c.agreementId),
    ['capacityUsed'],
    'agreementId',
    ctx,
  );
}

/**
 * The input of `awardRound` as the caller writes it.
 *
 * @example
 * const input: AwardRoundInput = { at: new Date(), regions: ['华东'], skus: [{ sku: 'MILK-1L' }], requests, agreements, suppliers };
 */
export type AwardRoundInput = z.input<typeof awardRoundSchema>;

/**
 * The validated input of `awardRound`.
 *
 * @example
 * const round: AwardRoundParsed = awardRoundSchema.parse(input);
 */
export type AwardRoundParsed = z.output<typeof awardRoundSchema>;

function unique(
  values: readonly string[],
  path: (string | number)[],
  field: string,
  ctx: z.RefinementCtx,
  what = '',
) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, field],
        message: `Duplicate ${what}${JSON.stringify(value)}`,
      });
    }
    seen.add(value);
  });
}
