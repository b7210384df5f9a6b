import { z } from 'zod';
import { CAP_UNITS } from '../store.js';
import { MAX_CLAIM_ENTRIES } from './rules.js';

const NO_NUL = (value: string) => !value.includes('\u0000');

/**
 * An idempotency key: 1–200 characters without NUL.
 *
 * @example
 * idempotencyKeySchema.parse('checkout-order-1001')
 */
export const idempotencyKeySchema = z.string().min(1).max(200).refine(NO_NUL, 'Must not contain NUL');

/**
 * A cap or claim id: 1–300 characters without NUL.
 *
 * @example
 * capIdSchema.parse('flash-rice#stock')
 */
export const capIdSchema = z.string().min(1).max(300).refine(NO_NUL, 'Must not contain NUL');

/**
 * A subject of a per-subject cap (a customer id, a code), or `''` for a cap counted in all.
 *
 * @example
 * subjectSchema.parse('c-42')
 */
export const subjectSchema = z.string().max(200).refine(NO_NUL, 'Must not contain NUL');

/**
 * A cap definition.
 *
 * @example
 * capDefinitionSchema.parse({ id: 'flash-rice#stock', limit: 500, unit: 'units' })
 */
export const capDefinitionSchema = z
  .object({
    id: capIdSchema,
    limit: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    perSubject: z.boolean().default(false),
    unit: z.enum(CAP_UNITS),
    promotionId: z.string().min(1).max(200).nullable().default(null),
    campaignId: z.string().min(1).max(200).nullable().default(null),
  })
  .strict();

/**
 * One entry of a claim or a release.
 *
 * @example
 * claimEntrySchema.parse({ capId: 'flash-rice#stock', amount: 2 })
 */
export const claimEntrySchema = z
  .object({
    capId: capIdSchema,
    subject: subjectSchema.default(''),
    amount: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

const entriesSchema = z
  .array(claimEntrySchema)
  .min(1, 'Expected at least one entry')
  .max(MAX_CLAIM_ENTRIES, `Expected at most ${MAX_CLAIM_ENTRIES} entries`)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const key = `${entry.capId}\u0000${entry.subject}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: 'Each cap and subject at most once', path: [index] });
      seen.add(key);
    });
  });

/**
 * `saveCaps`: creates caps or changes their limits.
 *
 * @example
 * saveCapsSchema.parse({ idempotencyKey: 'caps-v1', caps: [{ id: 'flash-rice#stock', limit: 500, unit: 'units' }] })
 */
export const saveCapsSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    caps: z
      .array(capDefinitionSchema)
      .min(1)
      .max(10_000)
      .superRefine((caps, ctx) => {
        const seen = new Set<string>();
        caps.forEach((cap, index) => {
          if (seen.has(cap.id))
            ctx.addIssue({ code: 'custom', message: 'Duplicate cap id', path: [index, 'id'] });
          seen.add(cap.id);
        });
      }),
  })
  .strict();

/**
 * `claim`: takes amounts from caps for one order (or any command), all or none.
 *
 * @example
 * claimSchema.parse({ idempotencyKey: 'order-1001', claimId: 'order-1001', customerId: 'c-42', entries: [{ capId: 'flash-rice#stock', amount: 2 }] })
 */
export const claimSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    claimId: capIdSchema,
    reference: z.string().max(500).optional(),
    customerId: z.string().min(1).max(200).optional(),
    entries: entriesSchema,
  })
  .strict();

/**
 * `release`: gives amounts of a claim back (a refund), or everything it still holds (no
 * `entries`: a cancellation).
 *
 * @example
 * releaseSchema.parse({ idempotencyKey: 'cancel-1001', claimId: 'order-1001', reason: 'cancelled' })
 */
export const releaseSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    claimId: capIdSchema,
    entries: entriesSchema.optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();

/**
 * `saveCaps` input.
 *
 * @example
 * const input: SaveCapsInput = { idempotencyKey: 'k', caps: [{ id: 'p#stock', limit: 10, unit: 'units' }] };
 */
export type SaveCapsInput = z.input<typeof saveCapsSchema>;

/**
 * `claim` input.
 *
 * @example
 * const input: ClaimInput = { idempotencyKey: 'k', claimId: 'o-1', entries: [{ capId: 'p#stock', amount: 1 }] };
 */
export type ClaimInput = z.input<typeof claimSchema>;

/**
 * `release` input.
 *
 * @example
 * const input: ReleaseInput = { idempotencyKey: 'k', claimId: 'o-1' };
 */
export type ReleaseInput = z.input<typeof releaseSchema>;
