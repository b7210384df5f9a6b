import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { creditIdSchema } from '../store-filters.js';
import {
  type AccountDraft,
  LINE_ACCOUNT_ROLES,
  MAX_LEDGER_AMOUNT,
  PLATFORM_ACCOUNT_ROLES,
} from './accounts.js';
import type { TransferDraft } from './transfers.js';

/** Most transfers one batch may carry. */
export const MAX_TRANSFER_BATCH = 1_000;

const validDate = z.date().refine((d) => Number.isFinite(d.getTime()), 'Expected a valid Date');

/**
 * An amount of a transfer: a whole number of minor units from 1 to 2^53 - 1.
 *
 * @example
 * ledgerAmountSchema.parse(120_000) // 120000
 */
export const ledgerAmountSchema = z
  .int('Expected a whole number of minor units')
  .min(1, 'Expected a positive amount')
  .max(MAX_LEDGER_AMOUNT, 'Expected at most 2^53 - 1 minor units');

const limitValue = z.int().min(0).max(MAX_LEDGER_AMOUNT).nullable();

/**
 * An account to create.
 *
 * @example
 * accountDraftSchema.parse({ id: 'platform:CNY:funding', currency: 'CNY', lineId: null, role: 'funding', debitLimit: null, creditLimit: null, debitsFrozen: false, createdAt: new Date() })
 */
export const accountDraftSchema = z
  .object({
    id: creditIdSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, 'Expected a currency code of three uppercase letters'),
    lineId: creditIdSchema.nullable(),
    role: z.enum([...LINE_ACCOUNT_ROLES, ...PLATFORM_ACCOUNT_ROLES]),
    debitLimit: limitValue,
    creditLimit: limitValue,
    debitsFrozen: z.boolean(),
    createdAt: validDate,
  })
  .strict();

const meta = {
  code: z.string().min(1).max(64),
  lineId: creditIdSchema.nullable(),
  drawingId: creditIdSchema.nullable(),
  reference: z.string().max(500).nullable(),
  commandScope: z.string().min(1).max(100),
  commandKey: z.string().min(1).max(200),
  occurredAt: validDate,
};

/**
 * A transfer to create (see `TransferDraft`).
 *
 * @example
 * transferDraftSchema.parse({ kind: 'void', id: 'T-2', pendingId: 'T-1', code: 'draw', lineId: 'L-1', drawingId: 'D-1', reference: null, commandScope: 'credit.cancel-draw', commandKey: 'k', occurredAt: new Date() })
 */
export const transferDraftSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('single'),
    id: creditIdSchema,
    debitAccountId: creditIdSchema,
    creditAccountId: creditIdSchema,
    amount: ledgerAmountSchema,
    ...meta,
  }),
  z.object({
    kind: z.literal('pending'),
    id: creditIdSchema,
    debitAccountId: creditIdSchema,
    creditAccountId: creditIdSchema,
    amount: ledgerAmountSchema,
    expiresAt: validDate.nullable(),
    ...meta,
  }),
  z.object({
    kind: z.literal('post'),
    id: creditIdSchema,
    pendingId: creditIdSchema,
    amount: ledgerAmountSchema.nullable(),
    ...meta,
  }),
  z.object({ kind: z.literal('void'), id: creditIdSchema, pendingId: creditIdSchema, ...meta }),
]);

/**
 * Checks a batch for `createTransfers` (adapters call it before anything else): 1-1,000
 * well-formed drafts.
 *
 * @throws ValidationError naming the draft and field (`drafts.0.amount`)
 * @example
 * checkTransferDrafts([draft]);
 */
export function checkTransferDrafts(drafts: readonly TransferDraft[]): TransferDraft[] {
  return parseInput(
    z.array(transferDraftSchema).min(1, 'Expected at least one transfer').max(MAX_TRANSFER_BATCH),
    drafts,
    'drafts',
  ) as TransferDraft[];
}

/**
 * Checks accounts for `createAccounts`: 1-1,000 well-formed drafts with distinct ids.
 *
 * @throws ValidationError naming the draft and field
 * @example
 * checkAccountDrafts([funding]);
 */
export function checkAccountDrafts(drafts: readonly AccountDraft[]): AccountDraft[] {
  return parseInput(
    z
      .array(accountDraftSchema)
      .min(1, 'Expected at least one account')
      .max(MAX_TRANSFER_BATCH)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((draft, index) => {
          if (seen.has(draft.id))
            ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'Duplicate id' });
          seen.add(draft.id);
        });
      }),
    drafts,
    'drafts',
  );
}

/**
 * Checks an expiry sweep's limit and instant.
 *
 * @throws ValidationError naming the field
 * @example
 * checkExpirySweep({ now, limit: 500, lineId: null, commandScope: 'credit.expire-holds', commandKey: 'k' })
 */
export function checkExpirySweep<T extends { now: Date; limit: number; lineId: string | null }>(sweep: T): T {
  parseInput(
    z
      .object({
        now: validDate,
        limit: z.int().min(1).max(10_000),
        lineId: creditIdSchema.nullable(),
        commandScope: meta.commandScope,
        commandKey: meta.commandKey,
      })
      .strict(),
    sweep,
    'sweep',
  );
  return sweep;
}

/**
 * Checks the instant a batch is applied at.
 *
 * @throws ValidationError on `now`
 * @example
 * checkLedgerNow(new Date()) // the same Date
 */
export function checkLedgerNow(now: Date): Date {
  return parseInput(validDate, now, 'now');
}
