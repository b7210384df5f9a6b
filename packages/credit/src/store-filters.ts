import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { HOLD_STATUSES } from './ledger/transfers.js';
import { DRAWING_STATUSES } from './lines/drawing.js';
import { LINE_STATUSES } from './lines/line.js';
import type { AccountFilter, DrawingFilter, HoldFilter, LineFilter, TransferFilter } from './store.js';

/** Rows a list returns when the filter names no limit. */
export const DEFAULT_LIST_LIMIT = 1_000;
/** Most rows one list call returns. */
export const MAX_LIST_LIMIT = 10_000;

const noNul = (value: string) => !value.includes('\u0000');

/**
 * An id (line, merchant, drawing, transfer, account): 1-200 characters, no NUL.
 *
 * @example
 * creditIdSchema.parse('L-1') // 'L-1'
 */
export const creditIdSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(200, 'Expected at most 200 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

const limitSchema = z.int().min(1).max(MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT);

/**
 * The filter of `listLines`.
 *
 * @example
 * lineFilterSchema.parse({ merchantId: 'M-1' }) // { merchantId: 'M-1', limit: 1000 }
 */
export const lineFilterSchema = z
  .object({
    merchantId: creditIdSchema.optional(),
    status: z.enum(LINE_STATUSES).optional(),
    after: creditIdSchema.optional(),
    limit: limitSchema,
  })
  .strict();

/**
 * The filter of `listAccounts`.
 *
 * @example
 * accountFilterSchema.parse({ lineId: null }) // the platform's accounts
 */
export const accountFilterSchema = z
  .object({
    lineId: creditIdSchema.nullable().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Expected a currency code of three uppercase letters')
      .optional(),
    ids: z.array(creditIdSchema).max(MAX_LIST_LIMIT).optional(),
  })
  .strict();

/**
 * The filter of `listTransfers`.
 *
 * @example
 * transferFilterSchema.parse({ lineId: 'L-1', afterSequence: 10 })
 */
export const transferFilterSchema = z
  .object({
    lineId: creditIdSchema.optional(),
    accountId: creditIdSchema.optional(),
    drawingId: creditIdSchema.optional(),
    afterSequence: z.int().min(0).optional(),
    limit: limitSchema,
  })
  .strict();

/**
 * The filter of `listHolds`.
 *
 * @example
 * holdFilterSchema.parse({ status: 'pending', dueBy: new Date() })
 */
export const holdFilterSchema = z
  .object({
    lineId: creditIdSchema.optional(),
    status: z.enum(HOLD_STATUSES).optional(),
    dueBy: z
      .date()
      .refine((d) => Number.isFinite(d.getTime()), 'Expected a valid Date')
      .optional(),
    after: creditIdSchema.optional(),
    limit: limitSchema,
  })
  .strict();

/**
 * The filter of `listDrawings`.
 *
 * @example
 * drawingFilterSchema.parse({ lineId: 'L-1', status: 'active' })
 */
export const drawingFilterSchema = z
  .object({
    lineId: creditIdSchema.optional(),
    status: z.enum(DRAWING_STATUSES).optional(),
    after: creditIdSchema.optional(),
    limit: limitSchema,
  })
  .strict();

/**
 * Checks a `listLines` filter (adapters call it first), filling in the default limit.
 *
 * @throws ValidationError naming the field
 * @example
 * checkLineFilter(undefined) // { limit: 1000 }
 */
export function checkLineFilter(filter: LineFilter | undefined): LineFilter & { limit: number } {
  return parseInput(lineFilterSchema, filter ?? {}, 'filter');
}

/**
 * Checks a `listAccounts` filter.
 *
 * @throws ValidationError naming the field
 * @example
 * checkAccountFilter({ lineId: 'L-1' })
 */
export function checkAccountFilter(filter: AccountFilter | undefined): AccountFilter {
  return parseInput(accountFilterSchema, filter ?? {}, 'filter');
}

/**
 * Checks a `listTransfers` filter, filling in the default limit.
 *
 * @throws ValidationError naming the field
 * @example
 * checkTransferFilter({ lineId: 'L-1' }) // { lineId: 'L-1', limit: 1000 }
 */
export function checkTransferFilter(filter: TransferFilter | undefined): TransferFilter & { limit: number } {
  return parseInput(transferFilterSchema, filter ?? {}, 'filter');
}

/**
 * Checks a `listHolds` filter, filling in the default limit.
 *
 * @throws ValidationError naming the field
 * @example
 * checkHoldFilter({ status: 'pending' })
 */
export function checkHoldFilter(filter: HoldFilter | undefined): HoldFilter & { limit: number } {
  return parseInput(holdFilterSchema, filter ?? {}, 'filter');
}

/**
 * Checks a `listDrawings` filter, filling in the default limit.
 *
 * @throws ValidationError naming the field
 * @example
 * checkDrawingFilter({ lineId: 'L-1' })
 */
export function checkDrawingFilter(filter: DrawingFilter | undefined): DrawingFilter & { limit: number } {
  return parseInput(drawingFilterSchema, filter ?? {}, 'filter');
}
