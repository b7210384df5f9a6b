import { DomainError, type JsonValue } from '@s2b2b/core';
import type { DocumentKind, PositionKey } from '../store.js';
import type { StockViolation } from './positions.js';

/**
 * Every `DomainError` code the stock service and the inventory stores throw, with what it means.
 * The codes are stable; hosts can switch on them.
 *
 * @example
 * if (error.code === 'INSUFFICIENT_STOCK') showShortages(error.details.shortages);
 */
export const STOCK_ERROR_CODES = Object.freeze({
  UNKNOWN_WAREHOUSE: 'A command names a warehouse that was never saved.',
  INSUFFICIENT_STOCK:
    'The command would reserve or ship more than is available (details.shortages lists what is missing).',
  COUNTER_UNDERFLOW: 'A movement would take reserved, in-transit or on-order stock below zero.',
  QUANTITY_OVERFLOW: 'A counter would pass 2^53 - 1.',
  RESERVATION_EXISTS: 'The reservation id is taken.',
  RESERVATION_NOT_FOUND: 'No reservation has that id.',
  RESERVATION_CLOSED: 'Nothing of the reservation is still reserved.',
  TRANSFER_EXISTS: 'The transfer id is taken.',
  TRANSFER_NOT_FOUND: 'No transfer has that id.',
  TRANSFER_CLOSED: 'Nothing of the transfer is still in transit.',
  PURCHASE_ORDER_EXISTS: 'The purchase order id is taken.',
  PURCHASE_ORDER_NOT_FOUND: 'No purchase order has that id.',
  PURCHASE_ORDER_CLOSED: 'Nothing of the purchase order is still on order.',
  LINE_NOT_FOUND: 'The document has no line for that warehouse and SKU.',
  EXCEEDS_OPEN_QUANTITY: 'The command settles more than is open on a document line.',
} as const);

/**
 * One of {@link STOCK_ERROR_CODES}.
 *
 * @example
 * const code: StockErrorCode = 'RESERVATION_NOT_FOUND';
 */
export type StockErrorCode = keyof typeof STOCK_ERROR_CODES;

/**
 * What is missing for one SKU (in one warehouse, or across the sourcing candidates when
 * `warehouseId` is `null`).
 *
 * @example
 * const s: Shortage = { warehouseId: null, sku: 'TEA', requested: 12, available: 9 };
 */
export interface Shortage {
  warehouseId: string | null;
  sku: string;
  requested: number;
  available: number;
}

const DOCUMENT_PREFIX: Record<DocumentKind, 'RESERVATION' | 'TRANSFER' | 'PURCHASE_ORDER'> = {
  reservation: 'RESERVATION',
  transfer: 'TRANSFER',
  'purchase-order': 'PURCHASE_ORDER',
};

/**
 * `UNKNOWN_WAREHOUSE`.
 *
 * @example
 * throw unknownWarehouseError('WH-X');
 */
export function unknownWarehouseError(warehouseId: string): DomainError {
  return new DomainError('UNKNOWN_WAREHOUSE', `Warehouse ${JSON.stringify(warehouseId)} does not exist`, {
    warehouseId,
  });
}

/**
 * `INSUFFICIENT_STOCK` listing the shortages.
 *
 * @example
 * throw insufficientStockError([{ warehouseId: 'W', sku: 'S', requested: 5, available: 2 }]);
 */
export function insufficientStockError(shortages: readonly Shortage[]): DomainError {
  const first = shortages[0];
  const where = first ? `${first.sku}${first.warehouseId ? ` in ${first.warehouseId}` : ''}` : 'the order';
  const more = shortages.length > 1 ? ` (and ${shortages.length - 1} more)` : '';
  const message = first
    ? `Insufficient stock of ${where}: ${first.requested} requested, ${first.available} available${more}`
    : 'Insufficient stock';
  return new DomainError('INSUFFICIENT_STOCK', message, {
    shortages: shortages.map((shortage) => ({ ...shortage })),
  });
}

/**
 * The error for a movement {@link checkMovement} refused.
 *
 * @example
 * throw violationError({ warehouseId: 'W', sku: 'S' }, { rule: 'available', counter: 'available', current: 2, change: -5 });
 */
export function violationError(key: PositionKey, violation: StockViolation): DomainError {
  if (violation.rule === 'available') {
    return insufficientStockError([
      {
        warehouseId: key.warehouseId,
        sku: key.sku,
        requested: -violation.change,
        available: violation.current,
      },
    ]);
  }
  const details: Record<string, JsonValue> = {
    warehouseId: key.warehouseId,
    sku: key.sku,
    counter: violation.counter,
    current: violation.current,
    change: violation.change,
  };
  if (violation.rule === 'underflow') {
    return new DomainError(
      'COUNTER_UNDERFLOW',
      `${violation.counter} of ${key.sku} in ${key.warehouseId} would fall below zero (${violation.current} ${violation.change})`,
      details,
    );
  }
  return new DomainError(
    'QUANTITY_OVERFLOW',
    `${violation.counter} of ${key.sku} in ${key.warehouseId} would pass 2^53 - 1`,
    details,
  );
}

/**
 * `RESERVATION_EXISTS`, `TRANSFER_EXISTS` or `PURCHASE_ORDER_EXISTS`.
 *
 * @example
 * throw documentExistsError('reservation', 'res-1');
 */
export function documentExistsError(kind: DocumentKind, id: string): DomainError {
  return new DomainError(
    `${DOCUMENT_PREFIX[kind]}_EXISTS`,
    `${label(kind)} ${JSON.stringify(id)} already exists`,
    {
      kind,
      id,
    },
  );
}

/**
 * `RESERVATION_NOT_FOUND`, `TRANSFER_NOT_FOUND` or `PURCHASE_ORDER_NOT_FOUND`.
 *
 * @example
 * throw documentNotFoundError('transfer', 'tr-1');
 */
export function documentNotFoundError(kind: DocumentKind, id: string): DomainError {
  return new DomainError(
    `${DOCUMENT_PREFIX[kind]}_NOT_FOUND`,
    `${label(kind)} ${JSON.stringify(id)} was not found`,
    {
      kind,
      id,
    },
  );
}

/**
 * `RESERVATION_CLOSED`, `TRANSFER_CLOSED` or `PURCHASE_ORDER_CLOSED`.
 *
 * @example
 * throw documentClosedError('reservation', 'res-1');
 */
export function documentClosedError(kind: DocumentKind, id: string): DomainError {
  return new DomainError(
    `${DOCUMENT_PREFIX[kind]}_CLOSED`,
    `${label(kind)} ${JSON.stringify(id)} has nothing open`,
    {
      kind,
      id,
    },
  );
}

/**
 * `LINE_NOT_FOUND`.
 *
 * @example
 * throw lineNotFoundError('reservation', 'res-1', { warehouseId: 'W', sku: 'S' });
 */
export function lineNotFoundError(
  kind: DocumentKind,
  id: string,
  key: PositionKey | { warehouseId: null; sku: string },
): DomainError {
  const where = key.warehouseId === null ? key.sku : `${key.sku} in ${key.warehouseId}`;
  return new DomainError('LINE_NOT_FOUND', `${label(kind)} ${JSON.stringify(id)} has no line for ${where}`, {
    kind,
    id,
    warehouseId: key.warehouseId,
    sku: key.sku,
  });
}

/**
 * `EXCEEDS_OPEN_QUANTITY`.
 *
 * @example
 * throw exceedsOpenError('reservation', 'res-1', { warehouseId: 'W', sku: 'S' }, 5, 3);
 */
export function exceedsOpenError(
  kind: DocumentKind,
  id: string,
  key: PositionKey | { warehouseId: null; sku: string },
  requested: number,
  open: number,
): DomainError {
  const where = key.warehouseId === null ? key.sku : `${key.sku} in ${key.warehouseId}`;
  return new DomainError(
    'EXCEEDS_OPEN_QUANTITY',
    `${label(kind)} ${JSON.stringify(id)}: ${requested} of ${where} requested, ${open} open`,
    { kind, id, warehouseId: key.warehouseId, sku: key.sku, requested, open },
  );
}

function label(kind: DocumentKind): string {
  return kind === 'purchase-order' ? 'Purchase order' : kind === 'reservation' ? 'Reservation' : 'Transfer';
}
