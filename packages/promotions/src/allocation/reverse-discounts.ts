import { DomainError, isMoney, type Money, moneyJsonSchema, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { fromMinorUnits, minorDigitsOf, toMinorUnits } from '../minor-units.js';
import { amountSchema, promotionIdSchema } from '../promotion/schemas.js';

/**
 * An amount as a `Money`, its JSON (`{ amount, currency }`) or a decimal string — so an
 * evaluation can be passed as returned or as stored.
 *
 * @example
 * amountLikeSchema.parse({ amount: '12.30', currency: 'CNY' }) // '12.30'
 */
export const amountLikeSchema = z.union([
  z.custom<Money>((value) => isMoney(value)).transform((value) => value.toDecimalString()),
  moneyJsonSchema.transform((value) => value.amount),
  amountSchema,
]);

const unitsSchema = z
  .array(z.object({ lineId: promotionIdSchema, quantity: z.int().min(1).max(1_000_000) }).strict())
  .max(1_000);

/**
 * The input of `reverseDiscounts`: the priced lines (an evaluation's `lines`, as returned or as
 * JSON), the units being refunded now, and the units of each line refunded before.
 *
 * @example
 * reverseDiscountsInputSchema.parse({ lines: evaluation.lines, refund: [{ lineId: 'l1', quantity: 1 }] })
 */
export const reverseDiscountsInputSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('CNY'),
    lines: z
      .array(
        z.object({
          lineId: promotionIdSchema,
          quantity: z.int().min(1).max(1_000_000),
          subtotal: amountLikeSchema,
          adjustments: z.array(z.object({ promotionId: promotionIdSchema, amount: amountLikeSchema })),
        }),
      )
      .min(1)
      .max(1_000),
    refund: unitsSchema.min(1, 'Expected at least one line to refund'),
    refunded: unitsSchema.default([]),
  })
  .strict();

/**
 * What `reverseDiscounts` takes.
 *
 * @example
 * const input: ReverseDiscountsInput = { lines: evaluation.lines, refund: [{ lineId: 'l1', quantity: 1 }] };
 */
export type ReverseDiscountsInput = z.input<typeof reverseDiscountsInputSchema>;

/**
 * What a refund gives back on one line: the list value of the units (`gross`), the discount
 * they carried (`discount`, per promotion in `adjustments`), and what the buyer paid for them
 * (`refund = gross − discount`).
 *
 * @example
 * const line: LineReversal = reversal.lines[0]!;
 */
export interface LineReversal {
  lineId: string;
  quantity: number;
  gross: Money;
  discount: Money;
  refund: Money;
  adjustments: { promotionId: string; amount: Money }[];
}

/**
 * What `reverseDiscounts` returns: per line, per promotion (`byPromotion`, for releasing budgets)
 * and in total.
 *
 * @example
 * const { refund, byPromotion }: DiscountReversal = reverseDiscounts(input);
 */
export interface DiscountReversal {
  currency: string;
  lines: LineReversal[];
  gross: Money;
  discount: Money;
  refund: Money;
  byPromotion: { promotionId: string; amount: Money }[];
}

/**
 * How many of the minor units at positions `start .. start + amount − 1` fall on units
 * `from .. from + count − 1` of a line of `quantity` units, when the line's discounts are dealt
 * out one minor unit at a time, unit after unit (position `g` goes to unit `g mod quantity`).
 *
 * Dealing every promotion's adjustment in turn from where the previous one stopped gives each
 * unit of a line the line's total discount rounded down or up (so never more than the unit's
 * price, and never a negative refund), and each unit a promotion's adjustment rounded down or up;
 * the first promotion's shares are exactly core `allocate(amount, [1, …, 1])`. The shares of all
 * units sum to `amount` exactly.
 *
 * @example
 * dealtShare(0n, 1000n, 3, 0, 1) // 334n
 * dealtShare(0n, 1000n, 3, 1, 2) // 666n
 * dealtShare(1000n, 500n, 3, 0, 1) // 166n — the second promotion starts on unit 1
 */
export function dealtShare(
  start: bigint,
  amount: bigint,
  quantity: number,
  from: number,
  count: number,
): bigint {
  const q = BigInt(quantity);
  const lo = BigInt(from);
  const width = BigInt(count);
  const upTo = (n: bigint) => {
    const rest = (n % q) - lo;
    return (n / q) * width + (rest < 0n ? 0n : rest > width ? width : rest);
  };
  return upTo(start + amount) - upTo(start);
}

/**
 * Reverses the discounts of refunded units exactly. A line's adjustments are dealt over its
 * units (see {@link dealtShare}); refunds take the units in order, so a refund of units
 * `r .. r + k − 1` (after `r` refunded before) gives back exactly their shares, and refunding
 * every unit, in any number of partial refunds, gives back exactly each promotion's adjustment
 * — no cent lost or invented. A batch's refund is its list value minus its discount, never
 * negative.
 *
 * @throws ValidationError naming the field; DomainError `UNKNOWN_LINE`, `REFUND_EXCEEDS_QUANTITY`
 * @example
 * // 3 units at 10.00 carrying 10.00 of 满减: refunding one gives back 6.66 (3.34 of discount)
 * reverseDiscounts({
 *   lines: [{ lineId: 'l1', quantity: 3, subtotal: '30.00', adjustments: [{ promotionId: 'mj', amount: '10.00' }] }],
 *   refund: [{ lineId: 'l1', quantity: 1 }],
 * }).refund.toString() // '6.66 CNY'
 */
export function reverseDiscounts(input: ReverseDiscountsInput): DiscountReversal {
  const parsed = parseInput(reverseDiscountsInputSchema, input);
  const { currency } = parsed;
  const digits = minorDigitsOf(currency);
  const byId = new Map(parsed.lines.map((line, index) => [line.lineId, { line, index }]));
  const before = new Map<string, number>();
  for (const [i, r] of parsed.refunded.entries()) {
    if (!byId.has(r.lineId)) throw unknownLine(r.lineId, ['refunded', i, 'lineId']);
    before.set(r.lineId, (before.get(r.lineId) ?? 0) + r.quantity);
  }
  const now = new Map<string, number>();
  for (const [i, r] of parsed.refund.entries()) {
    if (!byId.has(r.lineId)) throw unknownLine(r.lineId, ['refund', i, 'lineId']);
    now.set(r.lineId, (now.get(r.lineId) ?? 0) + r.quantity);
  }
  for (const [lineId, count] of now) {
    const { line } = byId.get(lineId)!;
    const done = before.get(lineId) ?? 0;
    if (done + count > line.quantity) {
      throw new DomainError(
        'REFUND_EXCEEDS_QUANTITY',
        `Line ${JSON.stringify(lineId)} has ${line.quantity} units, ${done} refunded before; ${count} more cannot be refunded`,
        { lineId, quantity: line.quantity, refunded: done, requested: count },
      );
    }
  }
  const money = (minor: bigint) => fromMinorUnits(minor, currency);
  const totals = new Map<string, bigint>();
  let gross = 0n;
  let discount = 0n;
  const lines: LineReversal[] = [];
  for (const [lineId, count] of now) {
    const { line, index } = byId.get(lineId)!;
    const from = before.get(lineId) ?? 0;
    const subtotal = toMinorUnits(line.subtotal, digits, ['lines', index, 'subtotal']);
    const lineGross = dealtShare(0n, subtotal, line.quantity, from, count);
    let lineDiscount = 0n;
    let dealt = 0n;
    const adjustments = line.adjustments.map((adjustment, a) => {
      const amount = toMinorUnits(adjustment.amount, digits, ['lines', index, 'adjustments', a, 'amount']);
      const share = dealtShare(dealt, amount, line.quantity, from, count);
      dealt += amount;
      lineDiscount += share;
      totals.set(adjustment.promotionId, (totals.get(adjustment.promotionId) ?? 0n) + share);
      return { promotionId: adjustment.promotionId, amount: money(share) };
    });
    gross += lineGross;
    discount += lineDiscount;
    lines.push({
      lineId,
      quantity: count,
      gross: money(lineGross),
      discount: money(lineDiscount),
      refund: money(lineGross - lineDiscount),
      adjustments,
    });
  }
  return {
    currency,
    lines,
    gross: money(gross),
    discount: money(discount),
    refund: money(gross - discount),
    byPromotion: [...totals].map(([promotionId, amount]) => ({ promotionId, amount: money(amount) })),
  };
}

function unknownLine(lineId: string, path: (string | number)[]): DomainError {
  return new DomainError('UNKNOWN_LINE', `No priced line has id ${JSON.stringify(lineId)}`, {
    lineId,
    path: path.map(String),
  });
}
