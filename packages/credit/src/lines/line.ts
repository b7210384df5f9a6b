import type { DpdBucket } from '../delinquency/schemas.js';
import type { DayCount } from '../interest/index.js';
import type { DueComponent } from '../schedules/schemas.js';

/**
 * Where a line stands: `active` lines can be drawn; `frozen` ones cannot (repayments, accruals
 * and the second phase of holds placed before the freeze still go through).
 *
 * @example
 * LINE_STATUSES // ['active', 'frozen']
 */
export const LINE_STATUSES = Object.freeze(['active', 'frozen'] as const);

/**
 * One of {@link LINE_STATUSES}.
 *
 * @example
 * const status: LineStatus = 'frozen';
 */
export type LineStatus = (typeof LINE_STATUSES)[number];

/**
 * The contract of a line: rates, day count, how repayments are applied, the defaults of the
 * three loan products, and the automatic freeze. Rates are exact decimal strings (`'0.0730'` is
 * 7.30 % a year); each drawing copies what applies to it when it is drawn, so later changes of
 * the terms never rewrite a loan already out.
 *
 * @example
 * const terms: LineTerms = {
 *   annualRate: '0.073', dayCount: 'ACT/365', penaltyMarkup: '0.5',
 *   allocationOrder: ['penalty', 'fees', 'interest', 'principal'],
 *   tenorDays: 30, holdTimeoutSeconds: 1800,
 *   orderAdvanceRate: '0.7', receivablesAdvanceRate: '0.9', receivablesDiscountRate: '0.03', receivablesAnnualRate: '0',
 *   freezeAfterDaysPastDue: 30, dpdBuckets: [...DEFAULT_DPD_BUCKETS], zone: 'Asia/Shanghai',
 * };
 */
export interface LineTerms {
  /** Contract interest rate a year on purchase and order loans. */
  annualRate: string;
  dayCount: DayCount;
  /** Penalty rate = annualRate × (1 + markup) on overdue principal and interest (0.3-0.5). */
  penaltyMarkup: string;
  /** The order a repayment pays the parts of each drawing in (each part once). */
  allocationOrder: DueComponent[];
  /** Days from drawing to due date when a draw names none. */
  tenorDays: number;
  /** How long a draw hold (reserved at checkout) lives before it expires. */
  holdTimeoutSeconds: number;
  /** Order loans: the share of the downstream order value advanced (订单贷). */
  orderAdvanceRate: string;
  /** Receivables financing: the share of the invoice advanced (供应链金融). */
  receivablesAdvanceRate: string;
  /** Receivables financing: the discount fee, a share of the invoice face value. */
  receivablesDiscountRate: string;
  /** Receivables financing: interest a year on the advance (usually 0: the fee is the price). */
  receivablesAnnualRate: string;
  /** The line freezes by itself once a drawing is more than this many days past due. */
  freezeAfterDaysPastDue: number;
  /** The delinquency buckets days past due are reported in (M0, M1 1-30, ... by default). */
  dpdBuckets: DpdBucket[];
  /** The zone whose calendar dates interest and due dates count in. */
  zone: string;
}

/**
 * Why a line is frozen.
 *
 * @example
 * const f: LineFreeze = { reason: 'overdue 31 days (drawing D-1)', automatic: true, at: new Date() };
 */
export interface LineFreeze {
  reason: string;
  /** `true` when the overdue rule froze it; `false` when a person did. */
  automatic: boolean;
  at: Date;
}

/**
 * A merchant's credit line. Amounts are whole minor units of `currency`. The store keeps
 * `limit` and `status` in step with the line's principal account (its `debitLimit` and
 * `debitsFrozen`), which is what every draw is checked against.
 *
 * @example
 * const line: CreditLine = {
 *   id: 'L-1', merchantId: 'M-1', currency: 'CNY', limit: 5_000_000, status: 'active', freeze: null,
 *   terms, openedAt: new Date(), updatedAt: new Date(), version: 1,
 * };
 */
export interface CreditLine {
  id: string;
  merchantId: string;
  currency: string;
  limit: number;
  status: LineStatus;
  freeze: LineFreeze | null;
  terms: LineTerms;
  openedAt: Date;
  updatedAt: Date;
  /** 1 when opened, +1 on every update. */
  version: number;
}
