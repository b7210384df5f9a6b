import { DomainError, type JsonValue } from '@s2b2b/core';

/**
 * Every `DomainError` code the procurement service, its pure functions and the procurement
 * stores throw, with what it means. The codes are stable; hosts can switch on them.
 *
 * @example
 * if (error.code === 'ROUND_CLOSED') tellMerchant('This buying round has closed');
 */
export const PROCUREMENT_ERROR_CODES = Object.freeze({
  ROUND_EXISTS: 'The round id is taken.',
  ROUND_NOT_FOUND: 'No round has that id.',
  ROUND_NOT_OPEN: 'The round does not take requests yet (before opensAt).',
  ROUND_CLOSED: 'The round takes no more requests: it was closed, or closesAt has passed.',
  ROUND_CANCELLED: 'The round was cancelled.',
  ROUND_VERSION_CONFLICT: 'The round changed since it was read (the store saves over the version read).',
  UNKNOWN_SKU: 'A request names a SKU the round does not pool.',
  UNKNOWN_BUNDLE: 'A request names a bundle the round does not offer.',
  UNKNOWN_REGION: 'A request names a region the round does not deliver to.',
  QUANTITY_TOO_LARGE: 'Bundles and lines of one SKU add up to more than 10^9 units.',
  REQUEST_EXISTS: 'The request id is taken in this round.',
  REQUEST_NOT_FOUND: 'The round has no request with that id.',
  REQUEST_CANCELLED: 'The request was cancelled.',
  REQUEST_MERCHANT_MISMATCH: 'The request belongs to another merchant.',
  REQUEST_VERSION_CONFLICT: 'The request changed since it was read.',
  CAPACITY_EXCEEDED: "Committing the award would pass an agreement's capacity for the period.",
  AWARD_EXISTS: 'The round already has an award.',
  ALLOCATION_EXISTS: 'An allocation for that round, request and SKU is stored.',
  PURCHASE_ORDER_EXISTS: 'The purchase order id is taken.',
  AWARD_TOO_LARGE: "A SKU's exact award would need more than 2 × 10^7 cells (agreements × pooled units).",
  AWARD_OUT_OF_RANGE: "A SKU's costs at its prices' precision are beyond exact arithmetic (2^53).",
  MISSING_PRICE_LIST: 'A bundle component has no price list.',
} as const);

/**
 * One of {@link PROCUREMENT_ERROR_CODES}.
 *
 * @example
 * const code: ProcurementErrorCode = 'REQUEST_NOT_FOUND';
 */
export type ProcurementErrorCode = keyof typeof PROCUREMENT_ERROR_CODES;

/**
 * A procurement `DomainError` with one of the documented codes.
 *
 * @example
 * throw procurementError('ROUND_NOT_FOUND', 'Round "R-9" was not found', { roundId: 'R-9' });
 */
export function procurementError(
  code: ProcurementErrorCode,
  message: string,
  details: Record<string, JsonValue> = {},
): DomainError {
  return new DomainError(code, message, details);
}

/**
 * `ROUND_NOT_FOUND`.
 *
 * @example
 * throw roundNotFoundError('R-9');
 */
export function roundNotFoundError(roundId: string): DomainError {
  return procurementError('ROUND_NOT_FOUND', `Round ${JSON.stringify(roundId)} was not found`, { roundId });
}

/**
 * `ROUND_EXISTS`.
 *
 * @example
 * throw roundExistsError('R-1');
 */
export function roundExistsError(roundId: string): DomainError {
  return procurementError('ROUND_EXISTS', `Round ${JSON.stringify(roundId)} already exists`, { roundId });
}

/**
 * `ROUND_VERSION_CONFLICT`.
 *
 * @example
 * throw roundVersionConflictError('R-1', 3, 4);
 */
export function roundVersionConflictError(roundId: string, expected: number, actual: number): DomainError {
  return procurementError(
    'ROUND_VERSION_CONFLICT',
    `Round ${JSON.stringify(roundId)} is at version ${actual}, not ${expected}`,
    { roundId, expected, actual },
  );
}

/**
 * `REQUEST_EXISTS`.
 *
 * @example
 * throw requestExistsError('R-1', 'REQ-1');
 */
export function requestExistsError(roundId: string, requestId: string): DomainError {
  return procurementError(
    'REQUEST_EXISTS',
    `Request ${JSON.stringify(requestId)} already exists in round ${JSON.stringify(roundId)}`,
    { roundId, requestId },
  );
}

/**
 * `REQUEST_NOT_FOUND`.
 *
 * @example
 * throw requestNotFoundError('R-1', 'REQ-9');
 */
export function requestNotFoundError(roundId: string, requestId: string): DomainError {
  return procurementError(
    'REQUEST_NOT_FOUND',
    `Round ${JSON.stringify(roundId)} has no request ${JSON.stringify(requestId)}`,
    { roundId, requestId },
  );
}

/**
 * `REQUEST_VERSION_CONFLICT`.
 *
 * @example
 * throw requestVersionConflictError('R-1', 'REQ-1', 0, 1);
 */
export function requestVersionConflictError(
  roundId: string,
  requestId: string,
  expected: number,
  actual: number,
): DomainError {
  return procurementError(
    'REQUEST_VERSION_CONFLICT',
    `Request ${JSON.stringify(requestId)} of ${JSON.stringify(roundId)} is at version ${actual}, not ${expected}`,
    { roundId, requestId, expected, actual },
  );
}

/**
 * `CAPACITY_EXCEEDED`.
 *
 * @example
 * throw capacityExceededError('AG-1', periodStart, 4800, 600, 5000);
 */
export function capacityExceededError(
  agreementId: string,
  periodStart: Date,
  used: number,
  quantity: number,
  limit: number,
): DomainError {
  return procurementError(
    'CAPACITY_EXCEEDED',
    `${agreementId}: ${used} + ${quantity} units would pass its capacity of ${limit} for the period from ${periodStart.toISOString()}`,
    { agreementId, periodStart: periodStart.toISOString(), used, quantity, limit },
  );
}

/**
 * `AWARD_EXISTS`.
 *
 * @example
 * throw awardExistsError('R-1');
 */
export function awardExistsError(roundId: string): DomainError {
  return procurementError('AWARD_EXISTS', `Round ${JSON.stringify(roundId)} already has an award`, {
    roundId,
  });
}

/**
 * `ALLOCATION_EXISTS`.
 *
 * @example
 * throw allocationExistsError('R-1', 'REQ-1', 'MILK-1L');
 */
export function allocationExistsError(roundId: string, requestId: string, sku: string): DomainError {
  return procurementError(
    'ALLOCATION_EXISTS',
    `Round ${JSON.stringify(roundId)} already has an allocation for ${requestId} / ${sku}`,
    { roundId, requestId, sku },
  );
}

/**
 * `PURCHASE_ORDER_EXISTS`.
 *
 * @example
 * throw purchaseOrderExistsError('R-1/SUP-1');
 */
export function purchaseOrderExistsError(purchaseOrderId: string): DomainError {
  return procurementError(
    'PURCHASE_ORDER_EXISTS',
    `Purchase order ${JSON.stringify(purchaseOrderId)} already exists`,
    { purchaseOrderId },
  );
}

/**
 * Whether `used + quantity` stays within `limit` — the rule `addCapacity` keeps in every adapter.
 *
 * @example
 * fitsCapacity(4800, 200, 5000) // true
 * fitsCapacity(4800, 201, 5000) // false
 */
export function fitsCapacity(used: number, quantity: number, limit: number): boolean {
  return used + quantity <= limit;
}
