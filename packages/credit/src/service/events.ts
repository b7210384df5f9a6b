import type { DomainEvent } from '@s2b2b/core';
import type { DrawProduct } from '../lines/drawing.js';

/** An amount in an event: a decimal string in the line's currency (`'1200.00'`). */
type Amount = string;
/** Amounts by part. */
type Parts = { penalty: Amount; fees: Amount; interest: Amount; principal: Amount };

/**
 * The payload of each credit event, by type. Amounts are decimal strings in `currency`.
 *
 * @example
 * const payload: CreditEventPayloads['credit.drawn'] = { lineId: 'L-1', drawingId: 'D-1', product: 'purchase', currency: 'CNY', amount: '1000.00', fee: '0.00', dueDate: '2026-03-31', reference: 'PO-1001', held: '1200.00', released: '200.00' };
 */
export type CreditEventPayloads = {
  'credit.line_opened': { lineId: string; merchantId: string; currency: string; limit: Amount };
  'credit.limit_changed': { lineId: string; currency: string; from: Amount; to: Amount; reason: string };
  'credit.frozen': {
    lineId: string;
    reason: string;
    /** `true` when the overdue rule froze it. */
    automatic: boolean;
    daysPastDue: number;
  };
  'credit.unfrozen': { lineId: string; reason: string; automatic: boolean };
  'credit.draw_held': {
    lineId: string;
    drawingId: string;
    product: DrawProduct;
    currency: string;
    amount: Amount;
    expiresAt: string;
    reference: string | null;
  };
  'credit.drawn': {
    lineId: string;
    drawingId: string;
    product: DrawProduct;
    currency: string;
    /** Principal paid out. */
    amount: Amount;
    /** The discount fee charged with it (receivables financing), else `'0.00'`. */
    fee: Amount;
    dueDate: string;
    reference: string | null;
    /** What the hold reserved, when the draw was held first, else `null`. */
    held: Amount | null;
    /** What the confirmation released of the hold (`held - amount`), else `null`. */
    released: Amount | null;
  };
  'credit.draw_cancelled': {
    lineId: string;
    drawingId: string;
    currency: string;
    amount: Amount;
    reason: string | null;
  };
  'credit.hold_expired': {
    lineId: string;
    drawingId: string;
    currency: string;
    amount: Amount;
    expiresAt: string;
  };
  'credit.repaid': {
    lineId: string;
    currency: string;
    source: 'payment' | 'credit';
    amount: Amount;
    applied: Parts;
    /** What the repayment left over, now the merchant's credit. */
    credit: Amount;
    drawings: { drawingId: string; applied: Parts; settled: boolean }[];
    reference: string | null;
  };
  'credit.refunded': { lineId: string; currency: string; amount: Amount; reference: string | null };
  'credit.interest_accrued': {
    lineId: string;
    currency: string;
    /** Interest and penalty interest posted for the days before this date. */
    asOf: string;
    interest: Amount;
    penalty: Amount;
  };
  'credit.overdue': {
    lineId: string;
    drawingId: string;
    currency: string;
    dueDate: string;
    daysPastDue: number;
    /** The delinquency bucket now (`M1`, `M2`, ...). */
    bucket: string;
    /** What the drawing still owes. */
    outstanding: Amount;
  };
};

/**
 * One of the credit event types.
 *
 * @example
 * const type: CreditEventType = 'credit.repaid';
 */
export type CreditEventType = keyof CreditEventPayloads;

/**
 * An event of the credit service: typed by `type`, written to the outbox in the command's
 * transaction and passed to `onEvent` after it commits. `aggregateId` is the line id.
 *
 * @example
 * onEvent: (event: CreditEvent) => { if (event.type === 'credit.overdue') remind(event.payload.lineId); }
 */
export type CreditEvent = { [K in CreditEventType]: DomainEvent<K, CreditEventPayloads[K]> }[CreditEventType];

/**
 * Every credit event type.
 *
 * @example
 * CREDIT_EVENT_TYPES.includes('credit.drawn') // true
 */
export const CREDIT_EVENT_TYPES = Object.freeze([
  'credit.line_opened',
  'credit.limit_changed',
  'credit.frozen',
  'credit.unfrozen',
  'credit.draw_held',
  'credit.drawn',
  'credit.draw_cancelled',
  'credit.hold_expired',
  'credit.repaid',
  'credit.refunded',
  'credit.interest_accrued',
  'credit.overdue',
] as const satisfies readonly CreditEventType[]);
