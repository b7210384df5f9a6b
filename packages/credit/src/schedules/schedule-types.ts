import type { Decimal, Money, RoundingMode } from '@s2b2b/core';
import type { IsoDate } from '../interest/calendar-date.js';
import type { DayCount, DayCountFraction } from '../interest/day-count.js';
import type { RepaymentMethod } from './schemas.js';

/**
 * One period of a schedule before amounts: [fromDate, dueDate), its day-count fraction and its
 * rate factor (annual rate × fraction).
 *
 * @example
 * const p: SchedulePeriod = { number: 1, fromDate: '2024-01-01', dueDate: '2024-02-01', fraction, rateFactor: toDecimal('0.0079018333') }
 */
export interface SchedulePeriod {
  /** 1-based. */
  number: number;
  fromDate: IsoDate;
  dueDate: IsoDate;
  fraction: DayCountFraction;
  /** annualRate × fraction (40 significant digits). */
  rateFactor: Decimal;
}

/**
 * One installment of a repayment schedule. `payment = principal + interest`;
 * `closingPrincipal = openingPrincipal − principal`.
 *
 * @example
 * const row: ScheduledInstallment = { number: 1, fromDate: '2024-01-01', dueDate: '2024-02-01', days: 31, rateFactor: toDecimal('0.0079018333'), openingPrincipal: Money.of('100', 'USD'), principal: Money.of('16.34', 'USD'), interest: Money.of('0.79', 'USD'), payment: Money.of('17.13', 'USD'), closingPrincipal: Money.of('83.66', 'USD') }
 */
export interface ScheduledInstallment {
  number: number;
  fromDate: IsoDate;
  dueDate: IsoDate;
  /** Calendar days of the period. */
  days: number;
  /** The period's rate: annual rate × day-count fraction. */
  rateFactor: Decimal;
  /** Principal outstanding at the start of the period. */
  openingPrincipal: Money;
  principal: Money;
  interest: Money;
  payment: Money;
  /** Principal outstanding after the installment is paid (zero after the last). */
  closingPrincipal: Money;
}

/**
 * A repayment schedule: the installments and their totals. `totalPrincipal` always equals the
 * amount lent exactly.
 *
 * @example
 * const s: RepaymentSchedule = { method: 'bullet', dayCount: '30/360', rounding: 'half-even', annualRate: toDecimal('0.06'), principal: Money.of('1000'), installmentAmount: null, totalPrincipal: Money.of('1000'), totalInterest: Money.of('15'), totalPayment: Money.of('1015'), installments: [] }
 */
export interface RepaymentSchedule {
  method: RepaymentMethod;
  dayCount: DayCount;
  rounding: RoundingMode;
  annualRate: Decimal;
  principal: Money;
  /** The level payment of `equal-installment` (every installment but possibly the last); else null. */
  installmentAmount: Money | null;
  totalPrincipal: Money;
  totalInterest: Money;
  totalPayment: Money;
  installments: ScheduledInstallment[];
}
