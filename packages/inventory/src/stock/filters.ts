import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { DOCUMENT_KINDS, type MovementFilter, type PositionFilter } from '../store.js';
import { skuSchema, stockIdSchema } from './schemas.js';

/**
 * Rows a list read returns when no `limit` is given.
 *
 * @example
 * DEFAULT_STOCK_PAGE // 1000
 */
export const DEFAULT_STOCK_PAGE = 1_000;

/**
 * The largest `limit` a list read accepts.
 *
 * @example
 * MAX_STOCK_PAGE // 10000
 */
export const MAX_STOCK_PAGE = 10_000;

const limitSchema = z.number().int().min(1).max(MAX_STOCK_PAGE).default(DEFAULT_STOCK_PAGE);

/**
 * A {@link PositionFilter}, checked; `limit` defaults to {@link DEFAULT_STOCK_PAGE}.
 *
 * @example
 * positionFilterSchema.parse({ warehouseId: 'WH-SH' }) // { warehouseId: 'WH-SH', limit: 1000 }
 */
export const positionFilterSchema = z.object({
  warehouseId: stockIdSchema.optional(),
  sku: skuSchema.optional(),
  after: z.object({ warehouseId: stockIdSchema, sku: skuSchema }).optional(),
  limit: limitSchema,
});

/**
 * A {@link MovementFilter}, checked; `limit` defaults to {@link DEFAULT_STOCK_PAGE}.
 *
 * @example
 * movementFilterSchema.parse({ afterSequence: 120 }) // { afterSequence: 120, limit: 1000 }
 */
export const movementFilterSchema = z.object({
  warehouseId: stockIdSchema.optional(),
  sku: skuSchema.optional(),
  documentKind: z.enum(DOCUMENT_KINDS).optional(),
  documentId: stockIdSchema.optional(),
  afterSequence: z.number().int().min(0).optional(),
  limit: limitSchema,
});

/**
 * What adapters call first in `listPositions`: the filter checked (`ValidationError` naming
 * the field) with the default limit filled in.
 *
 * @example
 * const { warehouseId, sku, after, limit } = checkPositionFilter(filter);
 */
export function checkPositionFilter(
  filter: PositionFilter | undefined,
): z.output<typeof positionFilterSchema> {
  return parseInput(positionFilterSchema, filter ?? {});
}

/**
 * What adapters call first in `listMovements`: the filter checked with the default limit.
 *
 * @example
 * const { warehouseId, afterSequence, limit } = checkMovementFilter(filter);
 */
export function checkMovementFilter(
  filter: MovementFilter | undefined,
): z.output<typeof movementFilterSchema> {
  return parseInput(movementFilterSchema, filter ?? {});
}
