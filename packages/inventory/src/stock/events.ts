import type { DomainEvent } from '@s2b2b/core';
import type { SourcingRule } from './schemas.js';

/** A SKU and a quantity, in event payloads. */
type QuantityLine = { sku: string; quantity: number };
/** A warehouse, SKU and quantity, in event payloads. */
type PlacedLine = { warehouseId: string; sku: string; quantity: number };

/**
 * The payload of each stock event, by type. Quantities are base units.
 *
 * @example
 * const payload: StockEventPayloads['stock.reserved'] = { reservationId: 'res-1', orderId: 'o-1', rule: null, lines: [], unmet: [] };
 */
export type StockEventPayloads = {
  'stock.warehouse_saved': { warehouseId: string; name: string | null; allowNegative: boolean };
  'stock.received': {
    warehouseId: string;
    purchaseOrderId: string | null;
    reference: string | null;
    /** `onOrderCleared`: how much of the purchase order's open quantity the receipt closed. */
    lines: { sku: string; quantity: number; onOrderCleared: number }[];
  };
  'stock.adjusted': { warehouseId: string; reason: string; reference: string | null; lines: QuantityLine[] };
  'stock.ordered': {
    purchaseOrderId: string;
    warehouseId: string;
    reference: string | null;
    lines: QuantityLine[];
  };
  'stock.order_closed': {
    purchaseOrderId: string;
    warehouseId: string;
    reason: string | null;
    /** What was still on order and will not come. */
    lines: QuantityLine[];
  };
  'stock.reserved': {
    reservationId: string;
    orderId: string;
    /** The sourcing rule, or `null` for a single-warehouse reservation. */
    rule: SourcingRule | null;
    lines: PlacedLine[];
    unmet: QuantityLine[];
  };
  'stock.released': { reservationId: string; orderId: string; reason: string | null; lines: PlacedLine[] };
  'stock.fulfilled': {
    reservationId: string;
    orderId: string;
    reference: string | null;
    lines: PlacedLine[];
  };
  'stock.transferred_out': {
    transferId: string;
    fromWarehouseId: string;
    toWarehouseId: string;
    reference: string | null;
    lines: QuantityLine[];
  };
  'stock.transferred_in': {
    transferId: string;
    fromWarehouseId: string;
    toWarehouseId: string;
    reason: string | null;
    /** `lost`: written off by `closeShort`. */
    lines: { sku: string; quantity: number; lost: number }[];
  };
};

/**
 * One of the stock event types.
 *
 * @example
 * const type: StockEventType = 'stock.fulfilled';
 */
export type StockEventType = keyof StockEventPayloads;

/**
 * An event of the stock service: typed by `type`, written to the outbox in the command's
 * transaction and passed to `onEvent` after it commits. `aggregateId` is the document id
 * (reservation, transfer, purchase order) or the warehouse id.
 *
 * @example
 * onEvent: (event: StockEvent) => { if (event.type === 'stock.reserved') notify(event.payload.orderId); }
 */
export type StockEvent = { [K in StockEventType]: DomainEvent<K, StockEventPayloads[K]> }[StockEventType];

/**
 * Every stock event type.
 *
 * @example
 * STOCK_EVENT_TYPES.includes('stock.received') // true
 */
export const STOCK_EVENT_TYPES = Object.freeze([
  'stock.warehouse_saved',
  'stock.received',
  'stock.adjusted',
  'stock.ordered',
  'stock.order_closed',
  'stock.reserved',
  'stock.released',
  'stock.fulfilled',
  'stock.transferred_out',
  'stock.transferred_in',
] as const satisfies readonly StockEventType[]);
