import { Money, parseInput, ValidationError } from '@s2b2b/core';
import { calendarDate, daysBetween, type IsoDate } from '../interest/calendar-date.js';
import { type DaysPastDueInput, daysPastDueInputSchema } from './schemas.js';

/**
 * How far behind a borrower is on a day.
 *
 * @example
 * const d: DaysPastDue = { daysPastDue: 15, oldestOverdueDate: '2024-02-29', overdue: Money.of('100'), overdueDues: 1, asOf: '2024-03-15' }
 */
export interface DaysPastDue {
  /** asOf − the oldest overdue due date; 0 when nothing is overdue. */
  daysPastDue: number;
  /** The oldest due date still owing more than the materiality, or null. */
  oldestOverdueDate: IsoDate | null;
  /** Σ outstanding over the overdue dues. */
  overdue: Money;
  /** How many dues are overdue. */
  overdueDues: number;
  asOf: IsoDate;
}

/**
 * Days past due (DPD) on `asOf`: the days since the oldest due date that still owes more than
 * `materiality` (default: anything). A due falling due on `asOf` itself is not yet overdue; the
 * next day it is 1 day past due. Store DPD and derive buckets from it (`dpdBucket`), as Fineract
 * does; a `Date` is read as its calendar date in `zone` (default Asia/Shanghai).
 *
 * @throws ValidationError naming the field (a due in another currency: `dues.<i>.outstanding`)
 * @example
 * daysPastDue({ asOf: '2024-03-15', dues: [
 *   { dueDate: '2024-01-31', outstanding: Money.of('0') },
 *   { dueDate: '2024-02-29', outstanding: Money.of('100') },
 *   { dueDate: '2024-03-31', outstanding: Money.of('100') },
 * ] }) // { daysPastDue: 15, oldestOverdueDate: '2024-02-29', overdue: 100.00 CNY, overdueDues: 1 }
 */
export function daysPastDue(input: DaysPastDueInput): DaysPastDue {
  const parsed = parseInput(daysPastDueInputSchema, input);
  const asOf = calendarDate(parsed.asOf, parsed.zone, 'asOf');
  const currency = parsed.dues[0]?.outstanding.currency.code ?? parsed.materiality?.currency.code ?? 'CNY';
  const materiality = parsed.materiality ?? Money.zero(currency);
  if (materiality.currency.code !== currency) {
    throw ValidationError.field(
      'materiality',
      `Expected ${currency}, the currency of the dues`,
      'currency_mismatch',
    );
  }
  let overdue = Money.zero(currency);
  let oldest: IsoDate | null = null;
  let count = 0;
  parsed.dues.forEach((due, i) => {
    if (due.outstanding.currency.code !== currency) {
      throw ValidationError.field(
        ['dues', i, 'outstanding'],
        `Expected ${currency}, the currency of the first due`,
        'currency_mismatch',
      );
    }
    const dueDate = calendarDate(due.dueDate, parsed.zone, ['dues', i, 'dueDate']);
    if (daysBetween(dueDate, asOf) <= 0 || !due.outstanding.greaterThan(materiality)) return;
    overdue = overdue.add(due.outstanding);
    count += 1;
    if (oldest === null || daysBetween(dueDate, oldest) > 0) oldest = dueDate;
  });
  return {
    daysPastDue: oldest === null ? 0 : daysBetween(oldest, asOf),
    oldestOverdueDate: oldest,
    overdue,
    overdueDues: count,
    asOf,
  };
}
