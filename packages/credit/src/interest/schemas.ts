/**
 * Zod schemas shared by the pure credit functions (interest, schedules, delinquency, scoring):
 * dates, zones, day counts, rates and money, and the inputs of the interest functions.
 * Money is a core `Money` or its JSON form `{ amount: '1234.50', currency: 'CNY' }`, always in
 * whole minor units; rates are decimal fractions per year (`'0.0435'` is 4.35 %), read exactly.
 */
import {
  type Decimal,
  type DecimalInput,
  isDecimalInput,
  isMoney,
  Money,
  moneyJsonSchema,
  roundingModeSchema,
  toDecimal,
} from '@s2b2b/core';
import { z } from 'zod';
import { DEFAULT_ZONE, isIsoDate, isTimeZone } from './calendar-date.js';
import { DAY_COUNTS } from './day-count.js';

/**
 * An ISO date `YYYY-MM-DD` naming a real day.
 *
 * @example
 * isoDateSchema.parse('2024-02-29') // '2024-02-29'
 */
export const isoDateSchema = z
  .string()
  .refine((value) => isIsoDate(value), 'Expected an ISO date YYYY-MM-DD naming a real day');

/**
 * A date as callers pass it: an ISO date, or a valid `Date` (read in the entry point's `zone`).
 *
 * @example
 * dateInputSchema.parse(new Date('2024-01-31T16:30:00Z'))
 */
export const dateInputSchema = z.union([isoDateSchema, z.date()]);

/**
 * An IANA time zone the runtime knows; default `Asia/Shanghai`.
 *
 * @example
 * zoneSchema.parse(undefined) // 'Asia/Shanghai'
 */
export const zoneSchema = z
  .string()
  .refine((value) => isTimeZone(value), 'Expected an IANA time zone such as "Asia/Shanghai"')
  .default(DEFAULT_ZONE);

/**
 * One of the day-count conventions (see `DayCount`).
 *
 * @example
 * dayCountSchema.parse('ACT/ACT')
 */
export const dayCountSchema = z.enum(DAY_COUNTS);

/**
 * A rounding mode for amounts rounded to minor units; default `half-even` (banker's rounding,
 * as Fineract and the kit's Money default).
 *
 * @example
 * roundingSchema.parse(undefined) // 'half-even'
 */
export const roundingSchema = roundingModeSchema.default('half-even');

/**
 * A decimal in `[min, max]` given as a string, number, bigint or Decimal, read exactly.
 *
 * @example
 * decimalInRange(0, 10, 'annual rate').parse('0.0435').toString() // '0.0435'
 */
export function decimalInRange(min: number, max: number, what: string) {
  return z
    .custom<DecimalInput>(
      (value) => isDecimalInput(value),
      `Expected a ${what} as a decimal string or number`,
    )
    .transform((value) => toDecimal(value))
    .refine((value) => value.gte(min) && value.lte(max), `Expected a ${what} from ${min} to ${max}`);
}

/**
 * An annual interest rate as a decimal fraction from 0 to 10 (`'0.0435'` = 4.35 % a year).
 * Give strings for exactness: `0.1` as a number is read as exactly 0.1.
 *
 * @example
 * annualRateSchema.parse('0.15678').toString() // '0.15678'
 */
export const annualRateSchema = decimalInRange(0, 10, 'annual rate (fraction, 0.0435 = 4.35 %)');

/**
 * Money in whole minor units: a core `Money` or `{ amount, currency }`. `sign` restricts it to
 * positive or non-negative amounts.
 *
 * @example
 * moneySchema('positive').parse({ amount: '100.00', currency: 'CNY' }).toString() // '100.00 CNY'
 */
export function moneySchema(sign: 'positive' | 'non-negative' | 'any' = 'non-negative') {
  return z
    .union([z.custom<Money>((value) => isMoney(value), 'Expected a Money'), moneyJsonSchema])
    .transform((value, ctx) => {
      let amount: Money;
      try {
        amount = value instanceof Money ? value : Money.of(value.amount, value.currency);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'Invalid money' });
        return z.NEVER;
      }
      if (!amount.isRoundedToMinor()) {
        ctx.addIssue({
          code: 'custom',
          message: `Expected whole minor units (${amount.currency.minorDigits} decimals for ${amount.currency.code}), got ${amount.toDecimalString()}`,
        });
        return z.NEVER;
      }
      if (sign === 'positive' && !amount.isPositive()) {
        ctx.addIssue({ code: 'custom', message: 'Expected a positive amount' });
        return z.NEVER;
      }
      if (sign === 'non-negative' && amount.isNegative()) {
        ctx.addIssue({ code: 'custom', message: 'Expected an amount of 0 or more' });
        return z.NEVER;
      }
      return amount;
    });
}

/**
 * Money as callers pass it: a core `Money` or its JSON form.
 *
 * @example
 * const principal: MoneyInput = { amount: '100.00', currency: 'CNY' }
 */
export type MoneyInput = z.input<ReturnType<typeof moneySchema>>;

/**
 * Input of `accrueInterest`: simple interest on `principal` over [start, end) at `annualRate`
 * under `dayCount`, rounded once to minor units.
 *
 * @example
 * accrueInterestInputSchema.parse({ principal: { amount: '10000.00', currency: 'CNY' }, annualRate: '0.0435', start: '2024-01-01', end: '2024-02-01', dayCount: 'ACT/360' })
 */
export const accrueInterestInputSchema = z
  .object({
    principal: moneySchema('non-negative'),
    annualRate: annualRateSchema,
    start: dateInputSchema,
    end: dateInputSchema,
    dayCount: dayCountSchema,
    rounding: roundingSchema,
    zone: zoneSchema,
  })
  .strict();

/**
 * Input of `accrueInterest` as the caller writes it.
 *
 * @example
 * const input: AccrueInterestInput = { principal: Money.of('10000'), annualRate: '0.0435', start: '2024-01-01', end: '2024-02-01', dayCount: 'ACT/360' }
 */
export type AccrueInterestInput = z.input<typeof accrueInterestInputSchema>;

/**
 * Input of `accrualIncrement`: the interest to post for [from, to) inside an accrual segment that
 * began on `periodStart` (a span with one balance and one rate).
 *
 * @example
 * accrualIncrementInputSchema.parse({ principal: Money.of('10000'), annualRate: '0.0435', periodStart: '2024-01-01', from: '2024-01-05', to: '2024-01-06', dayCount: 'ACT/360' })
 */
export const accrualIncrementInputSchema = z
  .object({
    principal: moneySchema('non-negative'),
    annualRate: annualRateSchema,
    periodStart: dateInputSchema,
    from: dateInputSchema,
    to: dateInputSchema,
    dayCount: dayCountSchema,
    rounding: roundingSchema,
    zone: zoneSchema,
  })
  .strict();

/**
 * Input of `accrualIncrement` as the caller writes it.
 *
 * @example
 * const input: AccrualIncrementInput = { principal: Money.of('10000'), annualRate: '0.0435', periodStart: '2024-01-01', from: '2024-01-05', to: '2024-01-06', dayCount: 'ACT/360' }
 */
export type AccrualIncrementInput = z.input<typeof accrualIncrementInputSchema>;

/**
 * Most days `dailyAccruals` lists (100 years).
 *
 * @example
 * MAX_DAILY_ACCRUAL_DAYS // 36600
 */
export const MAX_DAILY_ACCRUAL_DAYS = 36_600;

/**
 * Input of `dailyAccruals`: the accrual of `accrueInterest` spread over each day of [start, end).
 *
 * @example
 * dailyAccrualsInputSchema.parse({ principal: Money.of('10000'), annualRate: '0.0435', start: '2024-01-01', end: '2024-01-08', dayCount: 'ACT/360' })
 */
export const dailyAccrualsInputSchema = accrueInterestInputSchema;

/**
 * Input of `dailyAccruals` as the caller writes it.
 *
 * @example
 * const input: DailyAccrualsInput = { principal: Money.of('10000'), annualRate: '0.0435', start: '2024-01-01', end: '2024-01-08', dayCount: 'ACT/360' }
 */
export type DailyAccrualsInput = z.input<typeof dailyAccrualsInputSchema>;

/**
 * The markup ranges of 银发〔2003〕251号, by purpose: overdue 30–50 %, misuse of funds 50–100 %.
 *
 * @example
 * PENALTY_MARKUP_RANGES.overdue // [0.3, 0.5]
 */
export const PENALTY_MARKUP_RANGES = Object.freeze({
  overdue: Object.freeze([0.3, 0.5] as const),
  misuse: Object.freeze([0.5, 1] as const),
});

function checkMarkup(
  value: { markup?: Decimal | undefined; purpose: 'overdue' | 'misuse' },
  ctx: z.RefinementCtx,
): void {
  if (value.markup === undefined) return;
  const [low, high] = PENALTY_MARKUP_RANGES[value.purpose];
  if (value.markup.lt(low) || value.markup.gt(high)) {
    ctx.addIssue({
      code: 'custom',
      path: ['markup'],
      message: `A ${value.purpose} penalty markup must be from ${low} to ${high} of the contract rate (银发〔2003〕251号), got ${value.markup.toString()}`,
    });
  }
}

/**
 * The markup of a penalty rate over the contract rate, by what went wrong. The PBOC notice on
 * interest-rate management (银发〔2003〕251号) sets 逾期贷款罚息 at the contract rate plus 30 %
 * to 50 % and 挤占挪用 (misuse of funds) at plus 50 % to 100 %; contracts state a markup inside
 * that range. Default: `overdue` with markup 0.5 (the contract rate × 1.5).
 *
 * @example
 * penaltyRateInputSchema.parse({ contractRate: '0.0435' }) // markup 0.5, purpose 'overdue'
 */
export const penaltyRateInputSchema = z
  .object({
    contractRate: annualRateSchema,
    markup: decimalInRange(0, 1, 'markup (fraction of the contract rate)').optional(),
    purpose: z.enum(['overdue', 'misuse']).default('overdue'),
  })
  .strict()
  .superRefine(checkMarkup);

/**
 * Input of `penaltyRate` as the caller writes it.
 *
 * @example
 * const input: PenaltyRateInput = { contractRate: '0.0435', markup: '0.3' }
 */
export type PenaltyRateInput = z.input<typeof penaltyRateInputSchema>;

/**
 * Input of `penaltyInterest`: penalty interest (罚息) on overdue principal and compound interest
 * (复利) on overdue interest, both at the penalty rate, from the due date to `asOf`
 * (half-open: paid on the due date, nothing; one day later, one day). Within `graceDays` after
 * the due date nothing is charged; past them the whole span from the due date is.
 *
 * @example
 * penaltyInterestInputSchema.parse({ overduePrincipal: Money.of('1000'), contractRate: '0.0435', dueDate: '2024-03-01', asOf: '2024-03-11', dayCount: 'ACT/360' })
 */
export const penaltyInterestInputSchema = z
  .object({
    overduePrincipal: moneySchema('non-negative'),
    overdueInterest: moneySchema('non-negative').optional(),
    contractRate: annualRateSchema,
    markup: decimalInRange(0, 1, 'markup (fraction of the contract rate)').optional(),
    purpose: z.enum(['overdue', 'misuse']).default('overdue'),
    compoundOverdueInterest: z.boolean().default(true),
    dueDate: dateInputSchema,
    asOf: dateInputSchema,
    graceDays: z.int().min(0).max(365).default(0),
    dayCount: dayCountSchema,
    rounding: roundingSchema,
    zone: zoneSchema,
  })
  .strict()
  .superRefine(checkMarkup);

/**
 * Input of `penaltyInterest` as the caller writes it.
 *
 * @example
 * const input: PenaltyInterestInput = { overduePrincipal: Money.of('1000'), overdueInterest: Money.of('3.63'), contractRate: '0.0435', dueDate: '2024-03-01', asOf: '2024-03-11', dayCount: 'ACT/360' }
 */
export type PenaltyInterestInput = z.input<typeof penaltyInterestInputSchema>;
