import { currencyCodeSchema } from '@s2b2b/core';
import { z } from 'zod';
import { aftersalesIdSchema, idempotencyKeySchema, noteSchema } from '../common/ids.js';
import { CASE_PRIORITIES, CASE_REASONS, CASE_TYPES, PARTIES } from '../common/vocabulary.js';
import { carrierTermsSchema } from '../liability/carrier-claim.js';
import { resolutionSchema } from '../liability/compensation-schemas.js';

const amountSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'Expected a non-negative decimal string such as "12.50"');

/**
 * Evidence given with a command: where it is kept and what it is.
 *
 * @example
 * evidenceInputSchema.parse({ kind: 'photo', uri: 'oss://cases/c-1/crack.jpg' })
 */
export const evidenceInputSchema = z
  .object({
    kind: z.enum(['photo', 'video', 'document', 'chat', 'tracking', 'other']),
    uri: z.string().min(1).max(2_000),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Expected 64 lowercase hex digits')
      .optional(),
  })
  .strict();

/**
 * One line of `open`.
 *
 * @example
 * caseLineInputSchema.parse({ lineId: 'SO-1-1', sku: 'TEA', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', quantity: 3 })
 */
export const caseLineInputSchema = z
  .object({
    lineId: aftersalesIdSchema,
    sku: aftersalesIdSchema,
    orderedQuantity: z.number().int().positive().max(1e9),
    unitPrice: amountSchema,
    /** The promotion discount the whole line received (from the promotions engine). Default `'0'`. */
    discount: amountSchema.default('0'),
    previouslyRefunded: z.number().int().min(0).max(1e9).default(0),
    quantity: z.number().int().positive().max(1e9),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.previouslyRefunded + line.quantity > line.orderedQuantity)
      ctx.addIssue({
        code: 'custom',
        message: 'quantity + previouslyRefunded exceeds orderedQuantity',
        path: ['quantity'],
      });
  });

/**
 * `open`: a new case about an order.
 *
 * @example
 * openCaseSchema.parse({ idempotencyKey: 'open-SO-1', orderId: 'SO-1', merchantId: 'M-1', supplierId: 'SUP-7',
 *   type: 'return', reason: 'quality-defect', lines: [line], evidence: [{ kind: 'photo', uri: 'oss://a.jpg' }] })
 */
export const openCaseSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    /** Default: a new UUIDv7. */
    caseId: aftersalesIdSchema.optional(),
    orderId: aftersalesIdSchema,
    merchantId: aftersalesIdSchema,
    merchantTier: aftersalesIdSchema.optional(),
    supplierId: aftersalesIdSchema,
    carrierId: aftersalesIdSchema.optional(),
    category: aftersalesIdSchema.optional(),
    type: z.enum(CASE_TYPES),
    reason: z.enum(CASE_REASONS),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    currency: currencyCodeSchema.default('CNY'),
    description: noteSchema.optional(),
    lines: z.array(caseLineInputSchema).min(1).max(500),
    evidence: z.array(evidenceInputSchema).max(100).default([]),
    shipment: z
      .object({
        shipmentId: aftersalesIdSchema.optional(),
        freight: amountSchema,
        declaredValue: amountSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.lines.forEach((line, index) => {
      if (seen.has(line.lineId))
        ctx.addIssue({
          code: 'custom',
          message: `Line ${line.lineId} appears twice`,
          path: ['lines', index, 'lineId'],
        });
      seen.add(line.lineId);
    });
  });

/**
 * `open`, as written.
 *
 * @example
 * const input: OpenCaseInput = { idempotencyKey: 'k', orderId: 'SO-1', merchantId: 'M-1', supplierId: 'S-1', type: 'return', reason: 'quality-defect', lines: [] };
 */
export type OpenCaseInput = z.input<typeof openCaseSchema>;

/**
 * `intervene`: the platform steps in.
 *
 * @example
 * interveneSchema.parse({ idempotencyKey: 'k', caseId: 'case-1', agentId: 'agent-3' })
 */
export const interveneSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caseId: aftersalesIdSchema,
    agentId: aftersalesIdSchema,
    note: noteSchema.optional(),
  })
  .strict();

/**
 * `intervene`, as written.
 *
 * @example
 * const input: InterveneInput = { idempotencyKey: 'k', caseId: 'case-1', agentId: 'agent-3' };
 */
export type InterveneInput = z.input<typeof interveneSchema>;

/**
 * `assign`: route the case to a responsible party (default: the party the rule table suggests;
 * its id defaults to the case's supplier or carrier). Assigning is the platform stepping in.
 *
 * @example
 * assignSchema.parse({ idempotencyKey: 'k', caseId: 'case-1', agentId: 'agent-3' })
 */
export const assignSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caseId: aftersalesIdSchema,
    agentId: aftersalesIdSchema,
    party: z.enum(PARTIES).optional(),
    partyId: aftersalesIdSchema.optional(),
    note: noteSchema.optional(),
  })
  .strict();

/**
 * `assign`, as written.
 *
 * @example
 * const input: AssignInput = { idempotencyKey: 'k', caseId: 'case-1', agentId: 'agent-3', party: 'carrier', partyId: 'SF' };
 */
export type AssignInput = z.input<typeof assignSchema>;

/**
 * `respond`: a message from a party. The platform's counts as its response (and with
 * `requestInfo` asks the merchant, which pauses resolution); the assignee's as the party's
 * response; the merchant's answers a request for information.
 *
 * @example
 * respondSchema.parse({ idempotencyKey: 'k', caseId: 'case-1', from: 'supplier', message: 'Replacement ships today' })
 */
export const respondSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caseId: aftersalesIdSchema,
    from: z.enum(PARTIES),
    partyId: aftersalesIdSchema.optional(),
    message: noteSchema,
    requestInfo: z.boolean().default(false),
    evidence: z.array(evidenceInputSchema).max(100).default([]),
  })
  .strict()
  .refine((input) => !input.requestInfo || input.from === 'platform', {
    message: 'Only the platform requests information',
    path: ['requestInfo'],
  });

/**
 * `respond`, as written.
 *
 * @example
 * const input: RespondInput = { idempotencyKey: 'k', caseId: 'case-1', from: 'platform', message: 'Please send a photo', requestInfo: true };
 */
export type RespondInput = z.input<typeof respondSchema>;

/**
 * `resolve`: decide the resolution; its compensation plan is computed from the case lines,
 * the reason and the liability table.
 *
 * @example
 * resolveSchema.parse({ idempotencyKey: 'k', caseId: 'case-1', resolution: { kind: 'refund', returnFreight: '12.00' } })
 */
export const resolveSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caseId: aftersalesIdSchema,
    resolution: resolutionSchema,
    agentId: aftersalesIdSchema.optional(),
    note: noteSchema.optional(),
    agreement: z
      .object({ returnFreight: z.enum(PARTIES).optional() })
      .strict()
      .optional(),
    carrierTerms: carrierTermsSchema.optional(),
  })
  .strict();

/**
 * `resolve`, as written.
 *
 * @example
 * const input: ResolveInput = { idempotencyKey: 'k', caseId: 'case-1', resolution: { kind: 'partial-refund', amount: '20.00' } };
 */
export type ResolveInput = z.input<typeof resolveSchema>;

/**
 * `close`: close a resolved case, or (`withdrawn: true`) close a live one the merchant withdrew.
 *
 * @example
 * closeSchema.parse({ idempotencyKey: 'k', caseId: 'case-1' })
 */
export const closeSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caseId: aftersalesIdSchema,
    withdrawn: z.boolean().default(false),
    note: noteSchema.optional(),
  })
  .strict();

/**
 * `close`, as written.
 *
 * @example
 * const input: CloseInput = { idempotencyKey: 'k', caseId: 'case-1', withdrawn: true };
 */
export type CloseInput = z.input<typeof closeSchema>;

/**
 * `reopen`: a resolved or closed case comes back; its response facts reset, so its SLA clocks
 * start new cycles.
 *
 * @example
 * reopenSchema.parse({ idempotencyKey: 'k', caseId: 'case-1', note: 'The replacement is cracked too' })
 */
export const reopenSchema = z
  .object({ idempotencyKey: idempotencyKeySchema, caseId: aftersalesIdSchema, note: noteSchema.optional() })
  .strict();

/**
 * `reopen`, as written.
 *
 * @example
 * const input: ReopenInput = { idempotencyKey: 'k', caseId: 'case-1' };
 */
export type ReopenInput = z.input<typeof reopenSchema>;

/**
 * `evaluate`: advance a case's SLA clocks to now, raising the warnings, breaches and
 * escalations they passed (what a scheduler calls for due cases).
 *
 * @example
 * evaluateSchema.parse({ idempotencyKey: 'sla:case-1:2025-10-10T08:00:00.000Z', caseId: 'case-1' })
 */
export const evaluateSchema = z
  .object({ idempotencyKey: idempotencyKeySchema, caseId: aftersalesIdSchema })
  .strict();

/**
 * `evaluate`, as written.
 *
 * @example
 * const input: EvaluateInput = { idempotencyKey: 'k', caseId: 'case-1' };
 */
export type EvaluateInput = z.input<typeof evaluateSchema>;
