import { currencyCodeSchema, decimalStringSchema, getCurrency, isDecimalInput, toDecimal } from '@s2b2b/core';
import { z } from 'zod';
import { DEFAULT_DPD_BUCKETS } from '../delinquency/dpd-buckets.js';
import { dpdBucketsSchema } from '../delinquency/schemas.js';
import { isTimeZone } from '../interest/calendar-date.js';
import { dayCountSchema, isoDateSchema } from '../interest/schemas.js';
import type { LineTerms } from '../lines/line.js';
import { DUE_COMPONENTS } from '../schedules/schemas.js';
import { creditIdSchema } from '../store-filters.js';

const noNul = (value: string) => !value.includes('\u0000');

/**
 * A caller-chosen idempotency key: 1-200 characters, no NUL.
 *
 * @example
 * idempotencyKeySchema.parse('draw-PO-1001') // 'draw-PO-1001'
 */
export const idempotencyKeySchema = creditIdSchema;

/**
 * Free text (a reason, a reference): 1-500 characters, no NUL.
 *
 * @example
 * creditTextSchema.parse('PO-1001') // 'PO-1001'
 */
export const creditTextSchema = z
  .string()
  .min(1, 'Expected at least 1 character')
  .max(500, 'Expected at most 500 characters')
  .refine(noNul, 'Must not contain NUL (U+0000)');

/**
 * A positive amount of money as a plain decimal string in the line's currency (`'1200.00'`); it
 * must be whole minor units of that currency (checked once the line is known).
 *
 * @example
 * amountSchema.parse('1200.00') // '1200.00'
 */
export const amountSchema = decimalStringSchema.refine(
  // zod runs refinements after a failed format check too: only a decimal is compared.
  (value) => !isDecimalInput(value) || (toDecimal(value).gt(0) && toDecimal(value).lte('90071992547409.91')),
  'Expected a positive amount of at most 90071992547409.91',
);

/**
 * A credit limit: like {@link amountSchema}, but 0 is allowed (a line open with nothing to draw).
 *
 * @example
 * limitSchema.parse('0') // '0'
 */
export const limitSchema = decimalStringSchema.refine(
  (value) => !isDecimalInput(value) || (toDecimal(value).gte(0) && toDecimal(value).lte('90071992547409.91')),
  'Expected an amount from 0 to 90071992547409.91',
);

/**
 * A currency the kit knows (`getCurrency`), three uppercase letters.
 *
 * @example
 * lineCurrencySchema.parse('CNY') // 'CNY'
 */
export const lineCurrencySchema = currencyCodeSchema.refine((code) => {
  try {
    getCurrency(code);
    return true;
  } catch {
    return false;
  }
}, 'Unknown currency; register it with registerCurrency() first');

/**
 * A rate as an exact decimal fraction in `[min, max]`, given as a string or a number, kept as a
 * canonical decimal string (`0.9` and `'0.90'` both become `'0.9'`).
 *
 * @example
 * rateSchema(0, 1, 'advance rate').parse('0.90') // '0.9'
 */
export function rateSchema(min: number, max: number, what: string) {
  return z
    .union([decimalStringSchema, z.number().finite()])
    .refine((value) => {
      const d = toDecimal(value);
      return d.gte(min) && d.lte(max);
    }, `Expected a ${what} from ${min} to ${max}`)
    .transform((value) => toDecimal(value).toFixed());
}

/**
 * Every repayment order: a permutation of penalty, fees, interest and principal.
 *
 * @example
 * allocationOrderSchema.parse(['interest', 'principal', 'penalty', 'fees'])
 */
export const allocationOrderSchema = z
  .array(z.enum(DUE_COMPONENTS))
  .length(4, 'Expected the four components penalty, fees, interest, principal')
  .refine((order) => new Set(order).size === 4, 'Expected each of penalty, fees, interest, principal once');

/**
 * The terms a line opens with when `openLine` names none: 7.3 % a year ACT/365 (0.02 % a day),
 * penalty at +50 %, repayments penalty → fees → interest → principal, 30-day tenor, holds that
 * expire after 30 minutes, order loans at 70 % of the order value, receivables financing at 90 %
 * of the invoice with a 3 % discount fee and no interest, automatic freeze past 30 days past
 * due, the M0-M7+ buckets, calendar dates in Asia/Shanghai.
 *
 * @example
 * DEFAULT_LINE_TERMS.tenorDays // 30
 */
export const DEFAULT_LINE_TERMS: Readonly<LineTerms> = Object.freeze({
  annualRate: '0.073',
  dayCount: 'ACT/365',
  penaltyMarkup: '0.5',
  allocationOrder: [...DUE_COMPONENTS],
  tenorDays: 30,
  holdTimeoutSeconds: 1_800,
  orderAdvanceRate: '0.7',
  receivablesAdvanceRate: '0.9',
  receivablesDiscountRate: '0.03',
  receivablesAnnualRate: '0',
  freezeAfterDaysPastDue: 30,
  dpdBuckets: DEFAULT_DPD_BUCKETS.map((bucket) => ({ ...bucket })),
  zone: 'Asia/Shanghai',
});

/**
 * The terms of a line; every field is optional and falls back to {@link DEFAULT_LINE_TERMS}.
 * The penalty markup is 0.3-0.5 of the contract rate (银发〔2003〕251号).
 *
 * @example
 * lineTermsSchema.parse({ annualRate: '0.0365', tenorDays: 60 }).dayCount // 'ACT/365'
 */
export const lineTermsSchema = z
  .object({
    annualRate: rateSchema(0, 1, 'annual interest rate').optional(),
    dayCount: dayCountSchema.optional(),
    penaltyMarkup: rateSchema(0.3, 0.5, 'penalty markup (银发〔2003〕251号: 0.3-0.5)').optional(),
    allocationOrder: allocationOrderSchema.optional(),
    tenorDays: z.int().min(1).max(3_660).optional(),
    holdTimeoutSeconds: z
      .int()
      .min(1)
      .max(30 * 86_400)
      .optional(),
    orderAdvanceRate: rateSchema(0, 1, 'order advance rate').optional(),
    receivablesAdvanceRate: rateSchema(0, 1, 'receivables advance rate').optional(),
    receivablesDiscountRate: rateSchema(0, 1, 'discount fee rate').optional(),
    receivablesAnnualRate: rateSchema(0, 1, 'annual interest rate').optional(),
    freezeAfterDaysPastDue: z.int().min(0).max(3_660).optional(),
    dpdBuckets: dpdBucketsSchema.optional(),
    zone: z.string().refine(isTimeZone, 'Expected an IANA time zone such as "Asia/Shanghai"').optional(),
  })
  .strict()
  .transform((terms): LineTerms => {
    const defined = Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined));
    return structuredClone({ ...DEFAULT_LINE_TERMS, ...defined }) as LineTerms;
  });

/**
 * `openLine`: a merchant's credit line with its limit and terms, and its ledger accounts.
 *
 * @example
 * openLineSchema.parse({ idempotencyKey: 'open-L-1', lineId: 'L-1', merchantId: 'M-1', limit: '50000.00' })
 */
export const openLineSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema,
    merchantId: creditIdSchema,
    currency: lineCurrencySchema.default('CNY'),
    limit: limitSchema,
    terms: lineTermsSchema.optional(),
  })
  .strict();

/**
 * `changeLimit`: raise or cut a limit (a cut below what is drawn stops new draws until enough
 * is repaid).
 *
 * @example
 * changeLimitSchema.parse({ idempotencyKey: 'review-2026-03', lineId: 'L-1', limit: '80000.00', reason: 'quarterly review' })
 */
export const changeLimitSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema,
    limit: limitSchema,
    reason: creditTextSchema,
  })
  .strict();

/**
 * `freeze`: stop new draws on a line (repayments, accruals and holds placed before go on).
 *
 * @example
 * freezeSchema.parse({ idempotencyKey: 'freeze-L-1', lineId: 'L-1', reason: 'fraud review' })
 */
export const freezeSchema = z
  .object({ idempotencyKey: idempotencyKeySchema, lineId: creditIdSchema, reason: creditTextSchema })
  .strict();

/**
 * `unfreeze`: draws allowed again.
 *
 * @example
 * unfreezeSchema.parse({ idempotencyKey: 'unfreeze-L-1', lineId: 'L-1', reason: 'review passed' })
 */
export const unfreezeSchema = z
  .object({ idempotencyKey: idempotencyKeySchema, lineId: creditIdSchema, reason: creditTextSchema })
  .strict();

const holdSchema = z.union([
  z.boolean(),
  z
    .object({
      timeoutSeconds: z
        .int()
        .min(1)
        .max(30 * 86_400),
    })
    .strict(),
]);

const drawCommon = {
  idempotencyKey: idempotencyKeySchema,
  lineId: creditIdSchema,
  /** Default: a new UUIDv7. */
  drawingId: creditIdSchema.optional(),
  /** The order id or invoice number. */
  reference: creditTextSchema.optional(),
};

const term = {
  /** The due date; default the drawing day + the line's tenor. */
  dueDate: isoDateSchema.optional(),
  tenorDays: z.int().min(1).max(3_660).optional(),
};

function oneTerm(
  value: { dueDate?: string | undefined; tenorDays?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.dueDate !== undefined && value.tenorDays !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['tenorDays'], message: 'Give dueDate or tenorDays, not both' });
  }
}

/**
 * `draw`: a loan on the line, in one of the three products.
 *
 * - `purchase` (采购贷): `amount`; with `hold` it is only reserved (at checkout) until
 *   `confirmDraw` posts it (in full or in part), `cancelDraw` voids it or it expires
 *   (`hold: true` uses the line's timeout, `{ timeoutSeconds }` another);
 * - `order` (订单贷): `orderValue` × `advanceRate` (default the line's) rounded down to the minor
 *   unit, or less with `amount`; may be held as well;
 * - `receivables` (供应链金融): `invoiceAmount` × `advanceRate` rounded down is paid out, a
 *   discount fee of `invoiceAmount` × `discountRate` (rounded half-even) falls due with it on
 *   the invoice's `dueDate`; drawn at once.
 *
 * @example
 * drawSchema.parse({ idempotencyKey: 'co-1001', lineId: 'L-1', product: 'purchase', amount: '1200.00', hold: true, reference: 'PO-1001' })
 * drawSchema.parse({ idempotencyKey: 'inv-88', lineId: 'L-1', product: 'receivables', invoiceAmount: '10000.00', dueDate: '2026-05-31' })
 */
export const drawSchema = z
  .discriminatedUnion('product', [
    z
      .object({
        ...drawCommon,
        ...term,
        product: z.literal('purchase'),
        amount: amountSchema,
        hold: holdSchema.optional(),
      })
      .strict(),
    z
      .object({
        ...drawCommon,
        ...term,
        product: z.literal('order'),
        orderValue: amountSchema,
        advanceRate: rateSchema(0, 1, 'advance rate').optional(),
        amount: amountSchema.optional(),
        hold: holdSchema.optional(),
      })
      .strict(),
    z
      .object({
        ...drawCommon,
        product: z.literal('receivables'),
        invoiceAmount: amountSchema,
        advanceRate: rateSchema(0, 1, 'advance rate').optional(),
        discountRate: rateSchema(0, 1, 'discount fee rate').optional(),
        dueDate: isoDateSchema,
      })
      .strict(),
  ])
  .superRefine((value, ctx) => {
    if (value.product !== 'receivables') oneTerm(value, ctx);
  });

/**
 * `confirmDraw`: posts a held draw — all of it, or `amount` of it (the rest is released).
 *
 * @example
 * confirmDrawSchema.parse({ idempotencyKey: 'ship-1001', drawingId: 'D-1', amount: '1000.00' })
 */
export const confirmDrawSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    drawingId: creditIdSchema,
    amount: amountSchema.optional(),
  })
  .strict();

/**
 * `cancelDraw`: voids a held draw.
 *
 * @example
 * cancelDrawSchema.parse({ idempotencyKey: 'cancel-1001', drawingId: 'D-1', reason: 'order cancelled' })
 */
export const cancelDrawSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    drawingId: creditIdSchema,
    reason: creditTextSchema.optional(),
  })
  .strict();

/**
 * `expireHolds`: expires the holds whose timeout has passed (every line's, or one line's), at
 * most `limit` (default 500) per call.
 *
 * @example
 * expireHoldsSchema.parse({ idempotencyKey: 'sweep-2026-03-01T08:05' })
 */
export const expireHoldsSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema.optional(),
    limit: z.int().min(1).max(10_000).default(500),
  })
  .strict();

/**
 * `repay`: money received for a line (or taken from its credit with `source: 'credit'`),
 * applied to its drawings — the oldest due date first, or only `drawingId` — in the line's
 * order (or `order`), by `strategy`. What is left over becomes the merchant's credit.
 *
 * @example
 * repaySchema.parse({ idempotencyKey: 'bank-20260331-0001', lineId: 'L-1', amount: '1500.00', reference: 'bank 0001' })
 */
export const repaySchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema,
    amount: amountSchema,
    drawingId: creditIdSchema.optional(),
    order: allocationOrderSchema.optional(),
    strategy: z.enum(['oldest-first', 'component-first']).default('oldest-first'),
    source: z.enum(['payment', 'credit']).default('payment'),
    reference: creditTextSchema.optional(),
  })
  .strict();

/**
 * `refundCredit`: pays out the merchant's credit (what overpayments left on the line).
 *
 * @example
 * refundCreditSchema.parse({ idempotencyKey: 'refund-1', lineId: 'L-1', amount: '700.00' })
 */
export const refundCreditSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema,
    amount: amountSchema,
    reference: creditTextSchema.optional(),
  })
  .strict();

/**
 * `closeDay`: posts the interest and penalty interest of every day before `asOf` (default today
 * in the line's zone), measures days past due on `asOf`, reports what turned overdue and applies
 * the automatic freeze (or lifts it once nothing is overdue).
 *
 * @example
 * closeDaySchema.parse({ idempotencyKey: 'eod-L-1-2026-03-02', lineId: 'L-1', asOf: '2026-03-02' })
 */
export const closeDaySchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    lineId: creditIdSchema,
    asOf: isoDateSchema.optional(),
  })
  .strict();

/**
 * `statement`: a line's movements over the calendar days `from` to `to` (inclusive, in the
 * line's zone), with opening and closing balances.
 *
 * @example
 * statementSchema.parse({ lineId: 'L-1', from: '2026-03-01', to: '2026-03-31' })
 */
export const statementSchema = z
  .object({ lineId: creditIdSchema, from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((value) => value.from <= value.to, { message: 'Expected from <= to', path: ['to'] });

/** Input of `openLine` as the caller writes it. @example const input: OpenLineInput = { idempotencyKey: 'k', lineId: 'L-1', merchantId: 'M-1', limit: '50000.00' }; */
export type OpenLineInput = z.input<typeof openLineSchema>;
/** Input of `changeLimit`. @example const input: ChangeLimitInput = { idempotencyKey: 'k', lineId: 'L-1', limit: '0', reason: 'closed' }; */
export type ChangeLimitInput = z.input<typeof changeLimitSchema>;
/** Input of `freeze`. @example const input: FreezeInput = { idempotencyKey: 'k', lineId: 'L-1', reason: 'review' }; */
export type FreezeInput = z.input<typeof freezeSchema>;
/** Input of `unfreeze`. @example const input: UnfreezeInput = { idempotencyKey: 'k', lineId: 'L-1', reason: 'cleared' }; */
export type UnfreezeInput = z.input<typeof unfreezeSchema>;
/** Input of `draw`. @example const input: DrawInput = { idempotencyKey: 'k', lineId: 'L-1', product: 'purchase', amount: '100.00' }; */
export type DrawInput = z.input<typeof drawSchema>;
/** Input of `confirmDraw`. @example const input: ConfirmDrawInput = { idempotencyKey: 'k', drawingId: 'D-1' }; */
export type ConfirmDrawInput = z.input<typeof confirmDrawSchema>;
/** Input of `cancelDraw`. @example const input: CancelDrawInput = { idempotencyKey: 'k', drawingId: 'D-1' }; */
export type CancelDrawInput = z.input<typeof cancelDrawSchema>;
/** Input of `expireHolds`. @example const input: ExpireHoldsInput = { idempotencyKey: 'sweep-1' }; */
export type ExpireHoldsInput = z.input<typeof expireHoldsSchema>;
/** Input of `repay`. @example const input: RepayInput = { idempotencyKey: 'k', lineId: 'L-1', amount: '10.00' }; */
export type RepayInput = z.input<typeof repaySchema>;
/** Input of `refundCredit`. @example const input: RefundCreditInput = { idempotencyKey: 'k', lineId: 'L-1', amount: '7.00' }; */
export type RefundCreditInput = z.input<typeof refundCreditSchema>;
/** Input of `closeDay`. @example const input: CloseDayInput = { idempotencyKey: 'eod-1', lineId: 'L-1' }; */
export type CloseDayInput = z.input<typeof closeDaySchema>;
/** Input of `statement`. @example const input: StatementInput = { lineId: 'L-1', from: '2026-03-01', to: '2026-03-31' }; */
export type StatementInput = z.input<typeof statementSchema>;
/** The terms as `openLine` accepts them. @example const terms: LineTermsInput = { annualRate: '0.0365' }; */
export type LineTermsInput = z.input<typeof lineTermsSchema>;
