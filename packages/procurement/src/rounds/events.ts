import type { DomainEvent } from '@s2b2b/core';

/** A SKU and a quantity, in event payloads. */
type Line = { sku: string; quantity: number };

/**
 * The payload of each procurement event, by type. Amounts are decimal strings in the event's
 * `currency`; instants are ISO strings.
 *
 * @example
 * const payload: ProcurementEventPayloads['po.created'] = { purchaseOrderId: 'R-1/SUP-1', roundId: 'R-1', supplierId: 'SUP-1', currency: 'CNY', total: '450.00', needBy: null, lines: [] };
 */
export type ProcurementEventPayloads = {
  'supplier.saved': {
    supplierId: string;
    name: string | null;
    documents: { kind: string; expiresAt: string | null }[];
    rating: { score: number; standing: string; blocksAwards: boolean } | null;
  };
  'agreement.saved': {
    agreementId: string;
    supplierId: string;
    sku: string;
    currency: string;
    pricing: string;
    tiers: { minQuantity: number; unitPrice: string }[];
    moq: number;
    packSize: number;
    validFrom: string;
    validTo: string | null;
  };
  'round.opened': {
    roundId: string;
    name: string | null;
    currency: string;
    skus: string[];
    bundles: string[];
    regions: string[];
    opensAt: string;
    closesAt: string;
    needBy: string | null;
  };
  'round.request_submitted': {
    roundId: string;
    requestId: string;
    merchantId: string;
    region: string;
    lines: Line[];
  };
  'round.request_changed': {
    roundId: string;
    requestId: string;
    merchantId: string;
    region: string;
    lines: Line[];
    previous: Line[];
  };
  'round.request_cancelled': {
    roundId: string;
    requestId: string;
    merchantId: string;
    reason: string | null;
  };
  'round.closed': {
    roundId: string;
    closedAt: string;
    currency: string;
    requests: number;
    demand: number;
    filled: number;
    unmet: number;
    cost: string;
    standalone: string;
    saving: string;
    /** SKUs the award could not fill in full. */
    skusWithUnmet: number;
    purchaseOrderIds: string[];
  };
  'round.cancelled': { roundId: string; reason: string };
  'po.created': {
    purchaseOrderId: string;
    roundId: string;
    supplierId: string;
    currency: string;
    total: string;
    needBy: string | null;
    lines: { sku: string; agreementId: string; quantity: number; unitPrice: string; amount: string }[];
  };
};

/**
 * One of the procurement event types.
 *
 * @example
 * const type: ProcurementEventType = 'round.closed';
 */
export type ProcurementEventType = keyof ProcurementEventPayloads;

/**
 * An event of the procurement service: typed by `type`, written to the outbox in the command's
 * transaction and passed to `onEvent` after it commits. `aggregateId` is the round id (round and
 * request events), the purchase order id, the supplier id or the agreement id.
 *
 * @example
 * onEvent: (event: ProcurementEvent) => { if (event.type === 'po.created') sendToSupplier(event.payload); }
 */
export type ProcurementEvent = {
  [K in ProcurementEventType]: DomainEvent<K, ProcurementEventPayloads[K]>;
}[ProcurementEventType];

/**
 * Every procurement event type.
 *
 * @example
 * PROCUREMENT_EVENT_TYPES.includes('po.created') // true
 */
export const PROCUREMENT_EVENT_TYPES = Object.freeze([
  'supplier.saved',
  'agreement.saved',
  'round.opened',
  'round.request_submitted',
  'round.request_changed',
  'round.request_cancelled',
  'round.closed',
  'round.cancelled',
  'po.created',
] as const satisfies readonly ProcurementEventType[]);
