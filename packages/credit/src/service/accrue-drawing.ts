import { Money } from '@s2b2b/core';
import { accrualIncrement } from '../interest/accrual.js';
import { daysBetween, type IsoDate } from '../interest/calendar-date.js';
import { penaltyInterest } from '../interest/penalty-interest.js';
import type { AccrualState, Drawing } from '../lines/drawing.js';

/**
 * What accruing one drawing to a date posts, and how far it has then accrued.
 *
 * @example
 * const step: DrawingAccrual = { interest: 1_800, penalty: 0, accrual };
 */
export interface DrawingAccrual {
  /** Contract interest to post (minor units). */
  interest: number;
  /** Penalty interest to post (罚息 on overdue principal plus 复利 on overdue interest). */
  penalty: number;
  accrual: AccrualState | null;
}

/**
 * The interest and penalty interest of an active drawing for every day before `asOf` not yet
 * posted. Contract interest runs from the drawing day to the due date; from the due date on,
 * what is still owed bears penalty interest at `penaltyBaseRate × (1 + penaltyMarkup)` instead —
 * on overdue principal and, compounding, on overdue interest (PBOC 银发〔2003〕251号). Each runs
 * in segments over which the amounts do not change ({@link restartAccrual} starts a new one
 * after a repayment), and each posting is the rounded total of its segment to `asOf` less the
 * rounded total already posted (`accrualIncrement`): postings by day, by week or at once add up
 * to the same cents. A date at or before what was accrued posts nothing.
 *
 * @example
 * // 9,000.00 at 7.3 % ACT/365 drawn 2026-03-01: 1.80 a day
 * accrueDrawing(drawing, '2026-03-11').interest // 1800 (18.00 for ten days)
 */
export function accrueDrawing(drawing: Drawing, asOf: IsoDate): DrawingAccrual {
  const { accrual, dueDate } = drawing;
  if (drawing.status !== 'active' || accrual === null || dueDate === null) {
    return { interest: 0, penalty: 0, accrual };
  }
  const next: AccrualState = { ...accrual };
  const currency = drawing.currency;
  let interest = 0;
  const interestEnd = daysBetween(dueDate, asOf) < 0 ? asOf : dueDate;
  if (daysBetween(next.interestThrough, interestEnd) > 0) {
    const step = accrualIncrement({
      principal: Money.fromMinor(next.interestPrincipal, currency),
      annualRate: drawing.annualRate,
      periodStart: next.interestFrom,
      from: next.interestThrough,
      to: interestEnd,
      dayCount: drawing.dayCount,
    });
    interest = Number(step.increment.toMinorUnits());
    next.interestThrough = interestEnd;
  }
  let penalty = 0;
  if (daysBetween(dueDate, asOf) > 0) {
    if (next.penaltyFrom === null || next.penaltyThrough === null) {
      next.penaltyFrom = dueDate;
      next.penaltyThrough = dueDate;
      next.penaltyPrincipal = drawing.due.principal;
      next.penaltyInterest = drawing.due.interest + interest;
    }
    const from = next.penaltyFrom;
    if (daysBetween(next.penaltyThrough, asOf) > 0) {
      const total = (to: IsoDate) =>
        Number(
          penaltyInterest({
            overduePrincipal: Money.fromMinor(next.penaltyPrincipal, currency),
            overdueInterest: Money.fromMinor(next.penaltyInterest, currency),
            contractRate: drawing.penaltyBaseRate,
            markup: drawing.penaltyMarkup,
            dueDate: from,
            asOf: to,
            dayCount: drawing.dayCount,
          }).total.toMinorUnits(),
        );
      penalty = total(asOf) - total(next.penaltyThrough);
      next.penaltyThrough = asOf;
    }
  }
  return { interest, penalty, accrual: next };
}

/**
 * Starts new accrual segments on `date` with what the drawing owes now — after a repayment
 * changed it (and after {@link accrueDrawing} brought it up to `date`): contract interest on the
 * principal left while before the due date, penalty interest on what is overdue once it is
 * overdue.
 *
 * @example
 * restartAccrual(drawing, '2026-03-20').interestPrincipal // the principal after the repayment
 */
export function restartAccrual(drawing: Drawing, date: IsoDate): AccrualState | null {
  const { accrual, dueDate } = drawing;
  if (accrual === null || dueDate === null) return accrual;
  const next: AccrualState = { ...accrual };
  if (daysBetween(date, dueDate) > 0) {
    next.interestFrom = date;
    next.interestThrough = date;
    next.interestPrincipal = drawing.due.principal;
  }
  if (next.penaltyFrom !== null) {
    next.penaltyFrom = date;
    next.penaltyThrough = date;
    next.penaltyPrincipal = drawing.due.principal;
    next.penaltyInterest = drawing.due.interest;
  }
  return next;
}

/**
 * The accrual state of a drawing paid out on `startDate`: nothing posted yet.
 *
 * @example
 * startAccrual(900_000, '2026-03-01') // { interestFrom: '2026-03-01', interestThrough: '2026-03-01', interestPrincipal: 900000, ... }
 */
export function startAccrual(principal: number, startDate: IsoDate): AccrualState {
  return {
    interestFrom: startDate,
    interestPrincipal: principal,
    interestThrough: startDate,
    penaltyFrom: null,
    penaltyPrincipal: 0,
    penaltyInterest: 0,
    penaltyThrough: null,
  };
}
