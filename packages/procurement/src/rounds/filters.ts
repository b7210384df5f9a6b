import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { procurementIdSchema, uniqueIdsSchema } from '../common/schemas.js';
import { REQUEST_STATUSES } from '../store.js';

/**
 * The page size of procurement lists when none is given.
 *
 * @example
 * DEFAULT_PROCUREMENT_PAGE // 1000
 */
export const DEFAULT_PROCUREMENT_PAGE = 1_000;

/**
 * The largest page size of procurement lists.
 *
 * @example
 * MAX_PROCUREMENT_PAGE // 10000
 */
export const MAX_PROCUREMENT_PAGE = 10_000;

const limitSchema = z.number().int().min(1).max(MAX_PROCUREMENT_PAGE).default(DEFAULT_PROCUREMENT_PAGE);

/**
 * A supplier page filter.
 *
 * @example
 * supplierFilterSchema.parse({ ids: ['SUP-1'] }) // { ids: ['SUP-1'], limit: 1000 }
 */
export const supplierFilterSchema = z.object({
  ids: uniqueIdsSchema(MAX_PROCUREMENT_PAGE).optional(),
  after: procurementIdSchema.optional(),
  limit: limitSchema,
});

/**
 * An agreement page filter.
 *
 * @example
 * agreementFilterSchema.parse({ skus: ['MILK-1L'] })
 */
export const agreementFilterSchema = z.object({
  skus: uniqueIdsSchema(100_000).optional(),
  supplierId: procurementIdSchema.optional(),
  after: procurementIdSchema.optional(),
  limit: limitSchema,
});

/**
 * A request page filter.
 *
 * @example
 * requestFilterSchema.parse({ status: 'active' })
 */
export const requestFilterSchema = z.object({
  merchantId: procurementIdSchema.optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  afterSequence: z.number().int().min(0).optional(),
  limit: limitSchema,
});

/**
 * An allocation page filter.
 *
 * @example
 * allocationFilterSchema.parse({ merchantId: 'M-1' })
 */
export const allocationFilterSchema = z.object({
  merchantId: procurementIdSchema.optional(),
  after: z.object({ requestId: procurementIdSchema, sku: procurementIdSchema }).optional(),
  limit: limitSchema,
});

/**
 * A purchase order page filter.
 *
 * @example
 * purchaseOrderFilterSchema.parse({ roundId: 'R-1' })
 */
export const purchaseOrderFilterSchema = z.object({
  roundId: procurementIdSchema.optional(),
  supplierId: procurementIdSchema.optional(),
  after: procurementIdSchema.optional(),
  limit: limitSchema,
});

/**
 * Validates a supplier filter and fills in the default page size, as every adapter must.
 *
 * @throws ValidationError naming the field
 * @example
 * checkSupplierFilter(undefined).limit // 1000
 */
export function checkSupplierFilter(filter: unknown) {
  return parseInput(supplierFilterSchema, filter ?? {}, 'filter');
}

/**
 * Validates an agreement filter.
 *
 * @example
 * checkAgreementFilter({ supplierId: 'SUP-1' })
 */
export function checkAgreementFilter(filter: unknown) {
  return parseInput(agreementFilterSchema, filter ?? {}, 'filter');
}

/**
 * Validates a request filter.
 *
 * @example
 * checkRequestFilter({ afterSequence: 10 })
 */
export function checkRequestFilter(filter: unknown) {
  return parseInput(requestFilterSchema, filter ?? {}, 'filter');
}

/**
 * Validates an allocation filter.
 *
 * @example
 * checkAllocationFilter({ limit: 100 })
 */
export function checkAllocationFilter(filter: unknown) {
  return parseInput(allocationFilterSchema, filter ?? {}, 'filter');
}

/**
 * Validates a purchase order filter.
 *
 * @example
 * checkPurchaseOrderFilter({ roundId: 'R-1' })
 */
export function checkPurchaseOrderFilter(filter: unknown) {
  return parseInput(purchaseOrderFilterSchema, filter ?? {}, 'filter');
}
