import type { DayCount, IsoDate } from '../interest/index.js';
import type { DueComponent } from '../schedules/schemas.js';

/**
 * The three loan products:
 *
 * - `purchase` (采购贷): pays a supplier at checkout, usually reserved first and confirmed with the order;
 * - `order` (订单贷): an advance against a confirmed downstream order, a share of its value;
 * - `receivables` (供应链金融): an advance against an assigned invoice, priced by a discount fee.
 *
 * @example
 * DRAW_PRODUCTS // ['purchase', 'order', 'receivables']
 */
export const DRAW_PRODUCTS = Object.freeze(['purchase', 'order', 'receivables'] as const);

/**
 * One of {@link DRAW_PRODUCTS}.
 *
 * @example
 * const product: DrawProduct = 'receivables';
 */
export type DrawProduct = (typeof DRAW_PRODUCTS)[number];

/**
 * Where a drawing stands: `held` (reserved, not paid out), `active` (paid out, something due),
 * `repaid` (nothing due), `voided` / `expired` (a hold that was cancelled or timed out).
 *
 * @example
 * DRAWING_STATUSES.includes('active') // true
 */
export const DRAWING_STATUSES = Object.freeze(['held', 'active', 'repaid', 'voided', 'expired'] as const);

/**
 * One of {@link DRAWING_STATUSES}.
 *
 * @example
 * const status: DrawingStatus = 'held';
 */
export type DrawingStatus = (typeof DRAWING_STATUSES)[number];

/**
 * Amounts by part (whole minor units).
 *
 * @example
 * const due: DueAmounts = { penalty: 0, fees: 30_000, interest: 1_250, principal: 900_000 };
 */
export type DueAmounts = Record<DueComponent, number>;

/**
 * What a drawing was priced from: the order value and advance rate of an order loan, the invoice
 * and its advance and discount rates for receivables financing (amounts in minor units, rates
 * exact decimal strings). Empty for a purchase loan.
 *
 * @example
 * const basis: DrawBasis = { invoiceAmount: 1_000_000, advanceRate: '0.9', discountRate: '0.03' };
 */
export interface DrawBasis {
  orderValue?: number;
  invoiceAmount?: number;
  advanceRate?: string;
  discountRate?: string;
}

/**
 * How far interest and penalty interest have been posted. Interest runs in segments over which
 * the principal does not change (a repayment starts a new one): posted through the day before
 * `interestThrough`, computed from `interestFrom` on `interestPrincipal`, so daily postings add
 * up exactly to the interest of the whole segment. Penalty interest works the same from the due
 * date on the overdue principal and interest.
 *
 * @example
 * const accrual: AccrualState = {
 *   interestFrom: '2026-03-01', interestPrincipal: 900_000, interestThrough: '2026-03-05',
 *   penaltyFrom: null, penaltyPrincipal: 0, penaltyInterest: 0, penaltyThrough: null,
 * };
 */
export interface AccrualState {
  interestFrom: IsoDate;
  interestPrincipal: number;
  /** Interest is posted for [interestFrom, interestThrough). */
  interestThrough: IsoDate;
  penaltyFrom: IsoDate | null;
  penaltyPrincipal: number;
  penaltyInterest: number;
  /** Penalty interest is posted for [penaltyFrom, penaltyThrough). */
  penaltyThrough: IsoDate | null;
}

/**
 * One loan on a line: what was drawn, what is due by part, its rates and due date, and how far
 * interest has been posted. The line's ledger accounts hold the totals; a line's drawings add up
 * to them exactly (the store tests check it).
 *
 * @example
 * const drawing: Drawing = {
 *   id: 'D-1', lineId: 'L-1', currency: 'CNY', product: 'purchase', status: 'active', holdId: 'T-1',
 *   requested: 120_000, drawn: 100_000, due: { penalty: 0, fees: 0, interest: 0, principal: 100_000 },
 *   repaid: { penalty: 0, fees: 0, interest: 0, principal: 0 }, reference: 'PO-1001', basis: {},
 *   annualRate: '0.073', penaltyMarkup: '0.5', penaltyBaseRate: '0.073', dayCount: 'ACT/365', tenorDays: 30,
 *   createdAt: new Date(), drawnAt: new Date(), dueDate: '2026-03-31', accrual: null,
 *   daysPastDue: 0, closedAt: null, version: 2,
 * };
 */
export interface Drawing {
  id: string;
  lineId: string;
  currency: string;
  product: DrawProduct;
  status: DrawingStatus;
  /** The pending transfer that reserved it, if it was reserved first. */
  holdId: string | null;
  /** What was asked for: the amount held, or the advance drawn at once. */
  requested: number;
  /** Principal paid out (0 while held). */
  drawn: number;
  /** What is due now, by part. */
  due: DueAmounts;
  /** What has been repaid, by part. */
  repaid: DueAmounts;
  /** The host's reference: the order id or invoice number. */
  reference: string | null;
  basis: DrawBasis;
  /** Interest a year on the principal (exact decimal string). */
  annualRate: string;
  /** Penalty rate = penaltyBaseRate × (1 + penaltyMarkup). */
  penaltyMarkup: string;
  penaltyBaseRate: string;
  dayCount: DayCount;
  tenorDays: number;
  createdAt: Date;
  drawnAt: Date | null;
  /** The day it falls due: repaid in full on or before it, it is never overdue. */
  dueDate: IsoDate | null;
  accrual: AccrualState | null;
  /** Days past due as of the last close of day (0 when not overdue). */
  daysPastDue: number;
  closedAt: Date | null;
  /** 1 when stored, +1 on every update. */
  version: number;
}
