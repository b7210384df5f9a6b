/**
 * Zod schemas for the repayment-schedule and repayment-allocation functions, and the types
 * inferred from them.
 */
import { z } from 'zod';
import {
  annualRateSchema,
  dateInputSchema,
  dayCountSchema,
  moneySchema,
  roundingSchema,
  zoneSchema,
} from '../interest/schemas.js';

/**
 * How a loan is repaid:
 * - `equal-installment` (等额本息): the same payment every period (the last absorbs the rounding),
 *   interest on the declining balance;
 * - `equal-principal` (等额本金): the same principal every period (the residue in the last),
 *   interest on the declining balance, so payments fall;
 * - `interest-only` (先息后本 / 按期付息到期还本): interest every period, all principal at the end;
 * - `bullet` (到期一次还本付息): one payment of principal and interest on the last due date.
 *
 * @example
 * repaymentMethodSchema.parse('equal-installment')
 */
export const repaymentMethodSchema = z.enum([
  'equal-installment',
  'equal-principal',
  'interest-only',
  'bullet',
]);

/**
 * A repayment method.
 *
 * @example
 * const method: RepaymentMethod = 'equal-principal'
 */
export type RepaymentMethod = z.infer<typeof repaymentMethodSchema>;

/**
 * How often installments fall due: every `every` months, weeks or days (default monthly). Monthly
 * due dates keep the day of the start date, clamped to shorter months (31 Jan → 29 Feb → 31 Mar).
 *
 * @example
 * frequencySchema.parse({ unit: 'week', every: 2 })
 */
export const frequencySchema = z
  .object({
    unit: z.enum(['month', 'week', 'day']),
    every: z.int().min(1).max(3660).default(1),
  })
  .strict();

/**
 * A frequency as the caller writes it.
 *
 * @example
 * const frequency: Frequency = { unit: 'month', every: 3 } // quarterly
 */
export type Frequency = z.input<typeof frequencySchema>;

/**
 * Most installments a schedule may have.
 *
 * @example
 * MAX_INSTALLMENTS // 1200 (100 years of months)
 */
export const MAX_INSTALLMENTS = 1200;

/**
 * Input of `scheduleDates`: the due dates of `installments` periods from `startDate`.
 *
 * @example
 * scheduleDatesInputSchema.parse({ startDate: '2024-01-31', installments: 3 })
 */
export const scheduleDatesInputSchema = z
  .object({
    startDate: dateInputSchema,
    installments: z.int().min(1).max(MAX_INSTALLMENTS),
    frequency: frequencySchema.default({ unit: 'month', every: 1 }),
    zone: zoneSchema,
  })
  .strict();

/**
 * Input of `scheduleDates` as the caller writes it.
 *
 * @example
 * const input: ScheduleDatesInput = { startDate: '2024-01-31', installments: 3, frequency: { unit: 'month' } }
 */
export type ScheduleDatesInput = z.input<typeof scheduleDatesInputSchema>;

/**
 * Input of `repaymentSchedule`. Give either `installments` (with an optional `frequency`,
 * default monthly) or the explicit `dueDates` (strictly increasing, after `startDate`).
 * Interest for each period is `balance × annualRate × dayCountFraction(from, due)`, rounded
 * per period with `rounding`; `dayCount` defaults to `30/360`, under which every generated
 * monthly period counts 30 days, so the period rate is exactly annual / 12 (the 月利率 of
 * Chinese loan contracts), month-end starts included; explicit `dueDates` are counted by the
 * day-count formula.
 *
 * @example
 * repaymentScheduleInputSchema.parse({ principal: { amount: '100.00', currency: 'USD' }, annualRate: '0.094822', method: 'equal-installment', startDate: '2024-01-01', installments: 6 })
 */
export const repaymentScheduleInputSchema = z
  .object({
    principal: moneySchema('positive'),
    annualRate: annualRateSchema,
    method: repaymentMethodSchema,
    startDate: dateInputSchema,
    installments: z.int().min(1).max(MAX_INSTALLMENTS).optional(),
    frequency: frequencySchema.optional(),
    dueDates: z.array(dateInputSchema).min(1).max(MAX_INSTALLMENTS).optional(),
    dayCount: dayCountSchema.default('30/360'),
    rounding: roundingSchema,
    zone: zoneSchema,
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.installments === undefined) === (value.dueDates === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: value.dueDates === undefined ? ['installments'] : ['dueDates'],
        message: 'Give either installments (with an optional frequency) or dueDates, not both',
      });
    }
    if (value.dueDates !== undefined && value.frequency !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['frequency'],
        message: 'frequency applies to installments; explicit dueDates carry their own',
      });
    }
  });

/**
 * Input of `repaymentSchedule` as the caller writes it.
 *
 * @example
 * const input: RepaymentScheduleInput = { principal: Money.of('120000'), annualRate: '0.049', method: 'equal-principal', startDate: '2025-03-15', installments: 12 }
 */
export type RepaymentScheduleInput = z.input<typeof repaymentScheduleInputSchema>;

/**
 * The parts of what a borrower owes, in the default order repayments settle them.
 *
 * @example
 * DUE_COMPONENTS // ['penalty', 'fees', 'interest', 'principal']
 */
export const DUE_COMPONENTS = Object.freeze(['penalty', 'fees', 'interest', 'principal'] as const);

/**
 * One part of what is owed: `penalty` (罚息 and 复利), `fees`, `interest` or `principal`.
 *
 * @example
 * const part: DueComponent = 'interest'
 */
export type DueComponent = (typeof DUE_COMPONENTS)[number];

/**
 * What one installment (or one bucket of debt) still owes, by component; a missing component
 * owes nothing. `id` is the caller's (an installment number, a draw id) and comes back in the
 * allocation.
 *
 * @example
 * dueSchema.parse({ id: 'draw-1/3', principal: Money.of('1000'), interest: Money.of('12.50') })
 */
export const dueSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    penalty: moneySchema('non-negative').optional(),
    fees: moneySchema('non-negative').optional(),
    interest: moneySchema('non-negative').optional(),
    principal: moneySchema('non-negative').optional(),
  })
  .strict();

/**
 * A due as the caller writes it.
 *
 * @example
 * const due: Due = { id: '3', penalty: Money.of('1.82'), interest: Money.of('36.90'), principal: Money.of('1000') }
 */
export type Due = z.input<typeof dueSchema>;

/**
 * Input of `allocateRepayment`: a payment and what is owed, oldest first.
 * - `order`: the components in the order they are settled, a permutation of
 *   penalty, fees, interest, principal (default that order — 先罚息、再费用、再利息、后本金);
 * - `strategy`: `oldest-first` (default) settles each due completely, in `order`, before the
 *   next one (Fineract's per-installment "penalties, fees, interest, principal" processor);
 *   `component-first` settles one component across every due, oldest first, before the next
 *   component (all overdue penalty, then all fees, ...).
 *
 * @example
 * allocateRepaymentInputSchema.parse({ amount: Money.of('500'), dues: [{ interest: Money.of('12.50'), principal: Money.of('1000') }] })
 */
export const allocateRepaymentInputSchema = z
  .object({
    amount: moneySchema('non-negative'),
    dues: z.array(dueSchema).max(10_000),
    order: z
      .array(z.enum(DUE_COMPONENTS))
      .length(4, { error: 'Expected the four components penalty, fees, interest, principal', abort: true })
      .refine(
        (order) => new Set(order).size === 4,
        'Expected each of penalty, fees, interest, principal once',
      )
      .default([...DUE_COMPONENTS]),
    strategy: z.enum(['oldest-first', 'component-first']).default('oldest-first'),
  })
  .strict();

/**
 * Input of `allocateRepayment` as the caller writes it.
 *
 * @example
 * const input: AllocateRepaymentInput = { amount: Money.of('500'), dues: [{ interest: Money.of('12.50'), principal: Money.of('1000') }], order: ['interest', 'principal', 'penalty', 'fees'] }
 */
export type AllocateRepaymentInput = z.input<typeof allocateRepaymentInputSchema>;
