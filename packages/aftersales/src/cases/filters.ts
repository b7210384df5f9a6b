import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { aftersalesIdSchema } from '../common/ids.js';
import { CASE_STATUSES } from '../common/vocabulary.js';
import type { CaseFilter, DueCaseQuery, TransitionFilter } from '../store.js';

/**
 * A {@link CaseFilter}, checked; `limit` defaults to 100 (at most 1,000).
 *
 * @example
 * caseFilterSchema.parse({ supplierId: 'SUP-7' }) // { supplierId: 'SUP-7', limit: 100 }
 */
export const caseFilterSchema = z
  .object({
    merchantId: aftersalesIdSchema.optional(),
    supplierId: aftersalesIdSchema.optional(),
    orderId: aftersalesIdSchema.optional(),
    status: z.enum(CASE_STATUSES).optional(),
    after: aftersalesIdSchema.optional(),
    limit: z.number().int().min(1).max(1_000).default(100),
  })
  .strict();

/**
 * A {@link TransitionFilter}, checked; `limit` defaults to 1,000 (at most 10,000).
 *
 * @example
 * transitionFilterSchema.parse({}) // { limit: 1000 }
 */
export const transitionFilterSchema = z
  .object({
    afterSequence: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(10_000).default(1_000),
  })
  .strict();

const validDate = z.date().refine((d) => Number.isFinite(d.getTime()), { message: 'Invalid Date' });

/**
 * A {@link DueCaseQuery}, checked; `limit` defaults to 500 (at most 10,000).
 *
 * @example
 * dueCaseQuerySchema.parse({ kind: 'breach', before: new Date() })
 */
export const dueCaseQuerySchema = z
  .object({
    kind: z.enum(['breach', 'due']),
    before: validDate,
    after: z.object({ at: validDate, caseId: aftersalesIdSchema }).strict().optional(),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();

/**
 * What adapters call first in `listCases`: the filter checked (`ValidationError` naming the
 * field), the default limit filled in.
 *
 * @example
 * const { supplierId, limit } = checkCaseFilter(filter);
 */
export function checkCaseFilter(filter: CaseFilter | undefined): z.output<typeof caseFilterSchema> {
  return parseInput(caseFilterSchema, filter ?? {}, 'filter');
}

/**
 * What adapters call first in `listTransitions`.
 *
 * @example
 * const { afterSequence = 0, limit } = checkTransitionFilter(caseId, filter);
 */
export function checkTransitionFilter(
  caseId: string,
  filter: TransitionFilter | undefined,
): z.output<typeof transitionFilterSchema> {
  parseInput(aftersalesIdSchema, caseId, 'caseId');
  return parseInput(transitionFilterSchema, filter ?? {}, 'filter');
}

/**
 * What adapters call first in `listDueCases`.
 *
 * @example
 * const { kind, before, after, limit } = checkDueCaseQuery(query);
 */
export function checkDueCaseQuery(query: DueCaseQuery): z.output<typeof dueCaseQuerySchema> {
  return parseInput(dueCaseQuerySchema, query, 'query');
}

/**
 * Code-point order of two strings (the order ids sort and lock in, in every adapter: SQL `COLLATE "C"`).
 *
 * @example
 * ['b', 'a', 'B'].sort(compareCodePoints) // ['B', 'a', 'b']
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}
