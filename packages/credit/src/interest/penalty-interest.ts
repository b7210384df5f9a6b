import { type Decimal, Money, parseInput, toDecimal, ValidationError } from '@s2b2b/core';
import { interestFor } from './accrual.js';
import { calendarDate, daysBetween, type IsoDate } from './calendar-date.js';
import { type DayCountFraction, dayCountFraction } from './day-count.js';
import {
  type PenaltyInterestInput,
  type PenaltyRateInput,
  penaltyInterestInputSchema,
  penaltyRateInputSchema,
} from './schemas.js';

/** The markup used when a contract names none: overdue +50 %, misuse +100 %. */
const DEFAULT_MARKUP = { overdue: '0.5', misuse: '1' } as const;

/**
 * The annual penalty rate: the contract rate × (1 + markup). Chinese loan contracts state the
 * markup inside the range of 银发〔2003〕251号 — 30 % to 50 % for overdue loans (逾期罚息),
 * 50 % to 100 % for misused funds (挤占挪用); a markup outside its range is a `ValidationError`
 * on `markup`. Without a markup: +50 % overdue, +100 % misuse. Exact (no rounding).
 *
 * @throws ValidationError on `contractRate` or `markup`
 * @example
 * penaltyRate({ contractRate: '0.0435' }).toString() // '0.06525' (4.35 % × 1.5)
 * penaltyRate({ contractRate: '0.0435', markup: '0.3' }).toString() // '0.05655'
 * penaltyRate({ contractRate: '0.0435', purpose: 'misuse' }).toString() // '0.087'
 */
export function penaltyRate(input: PenaltyRateInput): Decimal {
  const parsed = parseInput(penaltyRateInputSchema, input);
  return penaltyRateOf(parsed.contractRate, parsed.markup ?? toDecimal(DEFAULT_MARKUP[parsed.purpose]));
}

function penaltyRateOf(contractRate: Decimal, markup: Decimal): Decimal {
  return contractRate.times(markup.plus(1));
}

/**
 * Penalty interest on an overdue installment.
 *
 * @example
 * const p: PenaltyInterest = { penaltyRate: toDecimal('0.06525'), days: 10, fraction, onPrincipal: Money.of('1.81'), onInterest: Money.of('0.01'), total: Money.of('1.82'), inGrace: false }
 */
export interface PenaltyInterest {
  /** The annual penalty rate applied. */
  penaltyRate: Decimal;
  /** Calendar days overdue: asOf − dueDate (0 when not yet overdue). */
  days: number;
  /** The accrual period [dueDate, asOf) under the day count. */
  fraction: DayCountFraction;
  /** 罚息: overdue principal × penalty rate × fraction, rounded. */
  onPrincipal: Money;
  /** 复利: overdue interest × penalty rate × fraction, rounded (zero when not compounded). */
  onInterest: Money;
  /** onPrincipal + onInterest. */
  total: Money;
  /** True when the days overdue are within the grace days, so nothing is charged. */
  inGrace: boolean;
}

/**
 * Penalty interest on what is overdue, from the due date to `asOf`: overdue principal bears
 * 罚息 and overdue interest bears 复利, both at {@link penaltyRate} (unpaid interest "compounds
 * at the penalty rate"; turn it off with `compoundOverdueInterest: false`). Each part is
 * rounded once with `rounding`. The period is [dueDate, asOf): paid on the due date, nothing;
 * ten days later, ten days. Within `graceDays` of the due date nothing is charged
 * (`inGrace`); past them, the whole span from the due date is.
 *
 * Call it for a span over which the overdue amounts do not change; after a part-payment start a
 * new span (as `accrualIncrement` does for ordinary interest).
 *
 * @throws ValidationError naming the field (markup out of range, mixed currencies, ...)
 * @example
 * penaltyInterest({ overduePrincipal: Money.of('1000'), overdueInterest: Money.of('3.63'), contractRate: '0.0435', dueDate: '2024-03-01', asOf: '2024-03-11', dayCount: 'ACT/360' })
 * // { penaltyRate: 0.06525, days: 10, onPrincipal: 1.81 CNY, onInterest: 0.01 CNY, total: 1.82 CNY, ... }
 */
export function penaltyInterest(input: PenaltyInterestInput): PenaltyInterest {
  const parsed = parseInput(penaltyInterestInputSchema, input);
  const currency = parsed.overduePrincipal.currency.code;
  const overdueInterest = parsed.overdueInterest ?? Money.zero(currency);
  if (overdueInterest.currency.code !== currency) {
    throw ValidationError.field(
      'overdueInterest',
      `Expected ${currency}, the currency of overduePrincipal, got ${overdueInterest.currency.code}`,
      'currency_mismatch',
    );
  }
  const rate = penaltyRateOf(parsed.contractRate, parsed.markup ?? toDecimal(DEFAULT_MARKUP[parsed.purpose]));
  const dueDate: IsoDate = calendarDate(parsed.dueDate, parsed.zone, 'dueDate');
  const asOf: IsoDate = calendarDate(parsed.asOf, parsed.zone, 'asOf');
  const days = Math.max(0, daysBetween(dueDate, asOf));
  const fraction = dayCountFraction(dueDate, days === 0 ? dueDate : asOf, parsed.dayCount);
  const inGrace = days > 0 && days <= parsed.graceDays;
  const zero = Money.zero(currency);
  if (days === 0 || inGrace) {
    return { penaltyRate: rate, days, fraction, onPrincipal: zero, onInterest: zero, total: zero, inGrace };
  }
  const onPrincipal = interestFor(parsed.overduePrincipal, rate, fraction, parsed.rounding);
  const onInterest = parsed.compoundOverdueInterest
    ? interestFor(overdueInterest, rate, fraction, parsed.rounding)
    : zero;
  return {
    penaltyRate: rate,
    days,
    fraction,
    onPrincipal,
    onInterest,
    total: onPrincipal.add(onInterest),
    inGrace,
  };
}
